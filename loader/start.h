// start.h: process entry and exit of mload: its own relocation, the
// program's stack and auxiliary vector, and the jump to the program.
#pragma once

#include "module.h"

namespace mload {

// Address mload was loaded at (its ELF header).
uint64_t loaderBase();
uint64_t loaderEntry();
Elf64_Dyn *loaderDynamic();

// When mload was invoked directly, drop its own arguments (argv[0..skip-1])
// from the initial stack in place and rewrite the auxv entries that
// describe the program (AT_PHDR, AT_PHNUM, AT_PHENT, AT_ENTRY, AT_BASE,
// AT_EXECFN). AT_BASE is mload's base if `withLoader`, else 0 (a static
// program, which the kernel starts without an interpreter). Returns the
// program's initial stack pointer.
uint64_t *rebuildStack(Loader &L, uint64_t *sp, int skip, const Module *prog, bool withLoader);

// Jump to `entry` with %rsp = sp and %rdx = rtldFini (psABI 3.4.1: a
// function for atexit, or null).
[[noreturn]] void transferControl(uint64_t *sp, uint64_t entry, void (*rtldFini)());

} // namespace mload
