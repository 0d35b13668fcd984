// init.h: what happens between relocation and the program's entry: RELRO,
// initialisers (dependencies first), and the fini function for exit.
#pragma once

#include "module.h"

namespace mload {

// Make each PT_GNU_RELRO range read-only. After all relocation, including
// bind-now JUMP_SLOTs, and never for lazily bound .got.plt (not in RELRO).
void applyRelro(Loader &L);

// Compute the init order (every module after the modules it needs) and run
// the program's DT_PREINIT_ARRAY, then each library's DT_INIT and
// DT_INIT_ARRAY. The program's own DT_INIT/DT_INIT_ARRAY are left to the
// libc start code (glibc >= 2.34 contract, which the runtime relies on).
void runInitializers(Loader &L);

// After dlopen: run the initialisers of the modules not initialised yet.
void runNewInitializers(Loader &L);

// Hosted mode's __libc_start_main: the program's own DT_INIT and
// DT_INIT_ARRAY (glibc's call_init), and its DT_FINI_ARRAY/DT_FINI.
void runProgramInitializers(Loader &L, int argc, char **argv, char **envp);
void runProgramFinalizers(Loader &L);

// Passed to the entry in %rdx; the runtime registers it with atexit. Runs
// DT_FINI_ARRAY (reverse) and DT_FINI of each library, in reverse init
// order; the program's own are run by the libc (runtime start contract).
extern "C" void _dl_fini();

} // namespace mload
