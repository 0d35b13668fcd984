// linux-syscall.h: mload's whole system-call layer. The loader runs before any
// libc exists in the process, so each call it needs is a raw `syscall`
// instruction here (x86-64 Linux ABI: number in rax, args in rdi rsi rdx
// r10 r8 r9; rcx and r11 clobbered). Errors come back as -errno.
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace mload::sys {

inline long call6(long n, long a, long b, long c, long d, long e, long f) {
  register long r10 asm("r10") = d;
  register long r8 asm("r8") = e;
  register long r9 asm("r9") = f;
  long ret;
  asm volatile("syscall"
               : "=a"(ret)
               : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8), "r"(r9)
               : "rcx", "r11", "memory");
  return ret;
}
inline long call3(long n, long a, long b = 0, long c = 0) { return call6(n, a, b, c, 0, 0, 0); }

enum : long {
  NrRead = 0,
  NrWrite = 1,
  NrOpen = 2,
  NrClose = 3,
  NrFstat = 5,
  NrMmap = 9,
  NrMprotect = 10,
  NrMunmap = 11,
  NrPread = 17,
  NrPwrite = 18,
  NrBrk = 12,
  NrGetpid = 39,
  NrExecve = 59,
  NrReadlink = 89,
  NrExitGroup = 231,
  NrArchPrctl = 158,
};

struct Stat { // struct stat, x86-64 layout
  uint64_t st_dev, st_ino, st_nlink;
  uint32_t st_mode, st_uid, st_gid, pad0;
  uint64_t st_rdev;
  int64_t st_size, st_blksize, st_blocks;
  uint64_t times[6];
  int64_t reserved[3];
};

inline long read(int fd, void *buf, size_t n) { return call3(NrRead, fd, (long)buf, (long)n); }
inline long write(int fd, const void *buf, size_t n) {
  return call3(NrWrite, fd, (long)buf, (long)n);
}
inline long open(const char *path, int flags, int mode = 0) {
  return call3(NrOpen, (long)path, flags, mode);
}
inline long close(int fd) { return call3(NrClose, fd); }
inline long fstat(int fd, Stat *st) { return call3(NrFstat, fd, (long)st); }
inline long pread(int fd, void *buf, size_t n, uint64_t off) {
  return call6(NrPread, fd, (long)buf, (long)n, (long)off, 0, 0);
}
inline long pwrite(int fd, const void *buf, size_t n, uint64_t off) {
  return call6(NrPwrite, fd, (long)buf, (long)n, (long)off, 0, 0);
}
inline long mmap(void *addr, size_t len, int prot, int flags, int fd, uint64_t off) {
  return call6(NrMmap, (long)addr, (long)len, prot, flags, fd, (long)off);
}
inline long mprotect(uint64_t addr, size_t len, int prot) {
  return call3(NrMprotect, (long)addr, (long)len, prot);
}
inline long munmap(uint64_t addr, size_t len) { return call3(NrMunmap, (long)addr, (long)len); }
inline long readlink(const char *path, char *buf, size_t n) {
  return call3(NrReadlink, (long)path, (long)buf, (long)n);
}
inline long execve(const char *path, char *const *argv, const char *const *envp) {
  return call3(NrExecve, (long)path, (long)argv, (long)envp);
}
inline long brk(uint64_t addr) { return call3(NrBrk, (long)addr); }
inline long getpid() { return call3(NrGetpid, 0); }
inline long archPrctl(int code, uint64_t addr) { return call3(NrArchPrctl, code, (long)addr); }
[[noreturn]] inline void exitGroup(int status) {
  for (;;)
    call3(NrExitGroup, status);
}

inline bool isError(long r) { return r < 0 && r > -4096; }

constexpr int ORdonly = 0, OWronly = 1, OCreat = 0100, OTrunc = 01000, OAppend = 02000,
              OCloexec = 02000000;
constexpr int ProtNone = 0, ProtRead = 1, ProtWrite = 2, ProtExec = 4, ProtGrowsdown = 0x01000000;
constexpr int MapPrivate = 2, MapFixed = 0x10, MapAnonymous = 0x20, MapFixedNoreplace = 0x100000;
constexpr int ArchSetFs = 0x1002;
constexpr long Enoent = 2;

} // namespace mload::sys
