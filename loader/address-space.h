// address-space.h: `mload --maps` (MLOAD_MAPS=1). At the hand-over to the
// program, list the process's memory as the loader built it: each mapping
// of each object (segment, file offset, the sections it holds, RELRO and
// .bss parts), the vDSO, the TLS block, the initial stack (argv, envp,
// auxv) and the program break. Format: docs/loader-log.md, "--maps".
#pragma once

#include "module.h"

namespace mload {

// `sp` is the program's initial stack pointer (argc at sp[0]). `withSelf`:
// list mload's own segments too (the freestanding mload; mload-hosted is a
// program the system's ld.so loaded).
void printAddressSpace(const Loader &L, const Module *prog, const uint64_t *sp, bool withSelf);

} // namespace mload
