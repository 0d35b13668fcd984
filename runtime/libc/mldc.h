/* mldc.h: the runtime's private header (never installed, never seen by the
 * programs we link, which use glibc's own headers). It declares the raw
 * syscall layer, the kernel constants we need and the internal contracts
 * between libc files. Only gcc's freestanding headers are included. */
#ifndef MLDC_H
#define MLDC_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#define MLDC_HIDDEN __attribute__((visibility("hidden")))
#define MLDC_NORETURN __attribute__((noreturn))

typedef long ssize_t;
typedef long off_t;
typedef int pid_t;

/* x86-64 Linux system call numbers. */
enum {
  SYS_read = 0, SYS_write = 1, SYS_open = 2, SYS_close = 3, SYS_lseek = 8,
  SYS_mmap = 9, SYS_ioctl = 16, SYS_mprotect = 10, SYS_munmap = 11, SYS_brk = 12,
  SYS_mremap = 25,
  SYS_nanosleep = 35, SYS_getpid = 39, SYS_exit = 60, SYS_kill = 62,
  SYS_unlink = 87, SYS_arch_prctl = 158, SYS_gettid = 186, SYS_tkill = 200,
  SYS_clock_gettime = 228, SYS_exit_group = 231, SYS_openat = 257,
};

#define PROT_READ 1
#define PROT_WRITE 2
#define MAP_PRIVATE 0x02
#define MAP_ANONYMOUS 0x20
#define MAP_FAILED ((void *)-1)
#define ARCH_SET_FS 0x1002
#define SIGABRT 6
#define AT_FDCWD (-100)
#define O_RDONLY 0
#define O_WRONLY 1
#define O_RDWR 2
#define O_CREAT 0100
#define O_TRUNC 01000
#define O_APPEND 02000
#define O_CLOEXEC 02000000
#define EOF (-1)
#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2

/* errno values used inside the runtime (Linux numbering). */
#define EINVAL 22
#define ENOMEM 12
#define ERANGE 34
#define EBADF 9

/* Auxiliary vector tags (gABI / Linux). */
#define AT_NULL 0
#define AT_PHDR 3
#define AT_PHENT 4
#define AT_PHNUM 5
#define AT_RANDOM 25

/* The raw syscall: the kernel returns -errno in %rax on failure and
 * clobbers %rcx and %r11. */
static inline long mldcSyscall6(long n, long a, long b, long c, long d,
                                long e, long f) {
  register long r10 __asm__("r10") = d;
  register long r8 __asm__("r8") = e;
  register long r9 __asm__("r9") = f;
  long ret;
  __asm__ volatile("syscall"
                   : "=a"(ret)
                   : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8),
                     "r"(r9)
                   : "rcx", "r11", "memory");
  return ret;
}
#define mldcSyscall3(n, a, b, c) mldcSyscall6(n, (long)(a), (long)(b), (long)(c), 0, 0, 0)

/* Turn a raw result into the libc convention: -1 and errno on failure. */
MLDC_HIDDEN long mldcSyscallResult(long raw);

/* The layout crt1.o hands to __mldc_start_main (see crt1.S). */
typedef void (*MldcInitFn)(int, char **, char **);
struct mldc_init_arrays {
  MldcInitFn *preinitStart, *preinitEnd;
  MldcInitFn *initStart, *initEnd;
  void (**finiStart)(void), (**finiEnd)(void);
};

/* Internal hooks between files. */
MLDC_HIDDEN extern unsigned long *mldcAuxv; /* set by start.c */
MLDC_HIDDEN void mldcFlushAll(void);        /* stdio: flush every stream */
MLDC_HIDDEN void mldcSetupStaticTls(unsigned long *auxv); /* tls.c */
MLDC_HIDDEN void mldcRelocateStatic(unsigned long *auxv); /* tls.c */
MLDC_HIDDEN int mldcFormat(void (*sink)(void *, const char *, size_t),
                           void *cookie, const char *fmt, va_list ap);
/* Formats |value| (finite, inf or nan) for conversion e/E/f/F/g/G; no
   sign. `out` must hold MLDC_FLOAT_BUF bytes; precision <= MLDC_MAX_PREC. */
#define MLDC_MAX_PREC 1100
#define MLDC_FLOAT_BUF 2600
MLDC_HIDDEN size_t mldcFormatFloat(char *out, double value, char conv,
                                   int precision, int alt);
MLDC_HIDDEN size_t mldcFormatLongDouble(char *out, long double value,
                                        char conv, int precision, int alt);
MLDC_HIDDEN void mldcFileSink(void *file, const char *p, size_t n);

/* Public libc entry points that other libc files call. */
typedef struct MldcFile FILE;
extern char **environ;
extern char *__progname; /* basename of argv[0], for diagnostics */
int *__errno_location(void);
#define errno (*__errno_location())
void *memcpy(void *, const void *, size_t);
void *memmove(void *, const void *, size_t);
void *memset(void *, int, size_t);
int memcmp(const void *, const void *, size_t);
void *memchr(const void *, int, size_t);
size_t strlen(const char *);
size_t strnlen(const char *, size_t);
char *strchr(const char *, int);
int strncmp(const char *, const char *, size_t);
void *malloc(size_t);
void free(void *);
void *calloc(size_t, size_t);
ssize_t write(int, const void *, size_t);
ssize_t read(int, void *, size_t);
int open(const char *, int, ...);
int close(int);
off_t lseek(int, off_t, int);
void *mmap(void *, size_t, int, int, int, off_t);
int munmap(void *, size_t);
void *sbrk(intptr_t);
int atexit(void (*)(void));
int raise(int);
int arch_prctl(int, unsigned long);
int isatty(int);
MLDC_NORETURN void exit(int);
MLDC_NORETURN void _exit(int);
MLDC_NORETURN void abort(void);
int fflush(FILE *);
int fputs(const char *, FILE *);
int fprintf(FILE *, const char *, ...);
extern FILE *stderr;

#endif
