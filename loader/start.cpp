// start.cpp: _start, mload's self-relocation and the hand-over to the
// program. Until relocateSelf() has run, no pointer stored in mload's data
// may be used: only PC-relative addresses of hidden symbols and locals.
#include "start.h"
#include "main.h"
#include "init.h"
#include "linux-syscall.h"

extern "C" {
extern const Elf64_Ehdr __ehdr_start __attribute__((visibility("hidden")));
extern Elf64_Dyn _DYNAMIC[] __attribute__((visibility("hidden")));
}

// mload-hosted (MLOAD_HOSTED) is an ordinary glibc program: glibc's crt1
// provides _start, host-main.cpp main(), and the system's ld.so relocated it.
#ifndef MLOAD_HOSTED
extern "C" {
[[noreturn]] void mloadMain(uint64_t *sp) __attribute__((visibility("hidden")));
void _start() __attribute__((visibility("hidden")));
}

// The kernel enters with %rsp at argc (psABI 3.4.1) and nothing else set.
asm(R"(
        .text
        .globl  _start
        .type   _start, @function
_start:
        xorl    %ebp, %ebp
        movq    %rsp, %rdi
        andq    $-16, %rsp
        call    mloadMain
        hlt
        .size   _start, . - _start
)");
#endif

namespace mload {

uint64_t loaderBase() { return reinterpret_cast<uint64_t>(&__ehdr_start); }
Elf64_Dyn *loaderDynamic() { return _DYNAMIC; }

#ifndef MLOAD_HOSTED
uint64_t loaderEntry() { return reinterpret_cast<uint64_t>(&_start); }

// mload is a static PIE: its only relocations are RELATIVE ones, in
// DT_RELA, or in DT_RELR when it is linked with -z pack-relative-relocs
// (the build does not ask for it, but a toolchain may default to it).
// Plain loops only: a call could go through a pointer not yet relocated.
static void relocateSelf() {
  uint64_t base = reinterpret_cast<uint64_t>(&__ehdr_start);
  uint64_t rela = 0, relasz = 0, relr = 0, relrsz = 0;
  for (const Elf64_Dyn *d = _DYNAMIC; d->d_tag != DT_NULL; ++d) {
    if (d->d_tag == DT_RELA)
      rela = d->d_un.d_ptr;
    if (d->d_tag == DT_RELASZ)
      relasz = d->d_un.d_val;
    if (d->d_tag == DT_RELR)
      relr = d->d_un.d_ptr;
    if (d->d_tag == DT_RELRSZ)
      relrsz = d->d_un.d_val;
  }
  auto *r = reinterpret_cast<const Elf64_Rela *>(base + rela);
  for (uint64_t i = 0; i < relasz / sizeof(Elf64_Rela); ++i)
    if (ELF64_R_TYPE(r[i].r_info) == R_X86_64_RELATIVE)
      *reinterpret_cast<uint64_t *>(base + r[i].r_offset) = base + r[i].r_addend;
  // gABI SHT_RELR: an even word is a place, an odd one a bitmap of the 63
  // words after the run's start; the addend is the word in place.
  auto *w = reinterpret_cast<const uint64_t *>(base + relr);
  uint64_t *where = nullptr;
  for (uint64_t i = 0; i < relrsz / 8; ++i) {
    if ((w[i] & 1) == 0) {
      where = reinterpret_cast<uint64_t *>(base + w[i]);
      *where++ += base;
      continue;
    }
    for (uint64_t bits = w[i] >> 1, k = 0; bits; bits >>= 1, ++k)
      if (bits & 1)
        where[k] += base;
    where += 63;
  }
}

#else
uint64_t loaderEntry() { return 0; }
#endif

uint64_t *rebuildStack(Loader &L, uint64_t *sp, int skip, const Module *prog, bool withLoader) {
  sp += skip;
  // The psABI starts a process with %rsp 16-byte aligned, and code entered
  // there may rely on it (glibc's ld.so run as a program does, with
  // movaps): dropping an odd number of mload's own words moves the vector
  // (argc, argv, envp, auxv) down one word instead.
  if (reinterpret_cast<uint64_t>(sp) % 16) {
    uint64_t *end = L.auxv;
    while (end[0] != AT_NULL)
      end += 2;
    end += 2;
    for (uint64_t *p = sp; p < end; ++p)
      p[-1] = p[0];
    --sp;
    L.envp = reinterpret_cast<const char **>(reinterpret_cast<uint64_t *>(L.envp) - 1);
    --L.auxv;
  }
  *sp = static_cast<uint64_t>(L.argc);
  L.argv = reinterpret_cast<char **>(sp + 1);
  for (uint64_t *a = L.auxv; a[0] != AT_NULL; a += 2) {
    switch (a[0]) {
    case AT_PHDR:
      a[1] = reinterpret_cast<uint64_t>(prog->phdr);
      break;
    case AT_PHNUM:
      a[1] = prog->phnum;
      break;
    case AT_PHENT:
      a[1] = sizeof(Elf64_Phdr);
      break;
    case AT_ENTRY:
      a[1] = prog->entry;
      break;
    case AT_BASE:
      a[1] = withLoader ? loaderBase() : 0;
      break;
    case AT_EXECFN:
      a[1] = reinterpret_cast<uint64_t>(L.argv[0]);
      break;
    }
  }
  return sp;
}

void transferControl(uint64_t *sp, uint64_t entry, void (*rtldFini)()) {
  asm volatile("movq %0, %%rsp\n\t"
               "xorl %%ebp, %%ebp\n\t"
               "jmp *%1"
               :
               : "r"(sp), "r"(entry), "d"(rtldFini)
               : "memory");
  __builtin_unreachable();
}

} // namespace mload

#ifndef MLOAD_HOSTED

extern "C" void mloadMain(uint64_t *sp) {
  mload::relocateSelf();
  mload::sys::exitGroup(mloadRun(sp, false));
}
#endif
