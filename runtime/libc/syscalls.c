/* syscalls.c: the thin POSIX wrappers over the raw syscall layer in mldc.h,
 * and errno. Each wrapper returns the kernel's result, or -1 with errno set
 * (glibc's convention). errno is a plain global: the runtime is
 * single-threaded, and <errno.h> reaches it only through
 * __errno_location(). */
#include "mldc.h"

static int errnoValue;

int *__errno_location(void) { return &errnoValue; }

long mldcSyscallResult(long raw) {
  if (raw < 0 && raw > -4096) {
    errnoValue = (int)-raw;
    return -1;
  }
  return raw;
}

ssize_t read(int fd, void *buf, size_t n) {
  return mldcSyscallResult(mldcSyscall3(SYS_read, fd, buf, n));
}

ssize_t write(int fd, const void *buf, size_t n) {
  return mldcSyscallResult(mldcSyscall3(SYS_write, fd, buf, n));
}

int open(const char *path, int flags, ...) {
  /* The mode argument exists only when O_CREAT (or O_TMPFILE) is given. */
  int mode = 0;
  if (flags & O_CREAT) {
    va_list ap;
    va_start(ap, flags);
    mode = va_arg(ap, int);
    va_end(ap);
  }
  return (int)mldcSyscallResult(mldcSyscall3(SYS_open, path, flags, mode));
}

int openat(int dirfd, const char *path, int flags, ...) {
  int mode = 0;
  if (flags & O_CREAT) {
    va_list ap;
    va_start(ap, flags);
    mode = va_arg(ap, int);
    va_end(ap);
  }
  return (int)mldcSyscallResult(
      mldcSyscall6(SYS_openat, dirfd, (long)path, flags, mode, 0, 0));
}

int close(int fd) { return (int)mldcSyscallResult(mldcSyscall3(SYS_close, fd, 0, 0)); }

off_t lseek(int fd, off_t off, int whence) {
  return mldcSyscallResult(mldcSyscall3(SYS_lseek, fd, off, whence));
}

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off) {
  long r = mldcSyscall6(SYS_mmap, (long)addr, (long)len, prot, flags, fd, off);
  return (void *)mldcSyscallResult(r);
}

int munmap(void *addr, size_t len) {
  return (int)mldcSyscallResult(mldcSyscall3(SYS_munmap, addr, len, 0));
}

int mprotect(void *addr, size_t len, int prot) {
  return (int)mldcSyscallResult(mldcSyscall3(SYS_mprotect, addr, len, prot));
}

/* The program break (seed article 5.1). The kernel's brk syscall never
   fails as such: it returns the new break, or the old one when it refused,
   so the wrappers compare and give glibc's results (brk: 0 or -1; sbrk:
   the old break or (void *)-1) with ENOMEM. */
static char *currentBreak;

int brk(void *addr) {
  char *now = (char *)mldcSyscall3(SYS_brk, addr, 0, 0);
  currentBreak = now;
  if (now != (char *)addr) {
    errnoValue = ENOMEM;
    return -1;
  }
  return 0;
}

void *sbrk(intptr_t increment) {
  if (currentBreak == NULL) currentBreak = (char *)mldcSyscall3(SYS_brk, 0, 0, 0);
  char *old = currentBreak;
  if (increment == 0) return old;
  /* An increment that would wrap the address space is refused here: the
     kernel would see a small (valid) target instead. */
  if ((increment > 0 && (uintptr_t)old + (uintptr_t)increment < (uintptr_t)old) ||
      (increment < 0 && (uintptr_t)old < (uintptr_t)-increment)) {
    errnoValue = ENOMEM;
    return (void *)-1;
  }
  if (brk(old + increment) < 0) return (void *)-1;
  return old;
}

int unlink(const char *path) {
  return (int)mldcSyscallResult(mldcSyscall3(SYS_unlink, path, 0, 0));
}

pid_t getpid(void) { return (pid_t)mldcSyscall3(SYS_getpid, 0, 0, 0); }

int kill(pid_t pid, int sig) {
  return (int)mldcSyscallResult(mldcSyscall3(SYS_kill, pid, sig, 0));
}

int raise(int sig) {
  long tid = mldcSyscall3(SYS_gettid, 0, 0, 0);
  return (int)mldcSyscallResult(mldcSyscall3(SYS_tkill, tid, sig, 0));
}

int arch_prctl(int code, unsigned long addr) {
  return (int)mldcSyscallResult(mldcSyscall3(SYS_arch_prctl, code, addr, 0));
}

struct timespec;
int clock_gettime(int clock, struct timespec *ts) {
  return (int)mldcSyscallResult(mldcSyscall3(SYS_clock_gettime, clock, ts, 0));
}

int nanosleep(const struct timespec *req, struct timespec *rem) {
  return (int)mldcSyscallResult(mldcSyscall3(SYS_nanosleep, req, rem, 0));
}

long time(long *out) {
  struct { long sec, nsec; } ts;
  long t = mldcSyscall3(SYS_clock_gettime, 0 /* CLOCK_REALTIME */, &ts, 0) < 0 ? -1 : ts.sec;
  if (out) *out = t;
  return t;
}

/* Both return early only when interrupted; a signal-free runtime never is. */
unsigned sleep(unsigned seconds) {
  struct { long sec, nsec; } ts = {seconds, 0};
  return mldcSyscall3(SYS_nanosleep, &ts, &ts, 0) == 0 ? 0 : (unsigned)ts.sec;
}

int usleep(unsigned long usec) {
  struct { long sec, nsec; } ts = {(long)(usec / 1000000), (long)(usec % 1000000) * 1000};
  return (int)mldcSyscallResult(mldcSyscall3(SYS_nanosleep, &ts, NULL, 0)) < 0 ? -1 : 0;
}

int isatty(int fd) {
  char termios[64];
  long r = mldcSyscall3(SYS_ioctl, fd, 0x5401 /* TCGETS */, termios);
  if (r < 0) {
    mldcSyscallResult(r);
    return 0;
  }
  return 1;
}

void _exit(int status) {
  for (;;) mldcSyscall3(SYS_exit_group, status, 0, 0);
}

MLDC_NORETURN void _Exit(int status) __attribute__((alias("_exit")));
