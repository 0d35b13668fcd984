// reloc.h: applying a module's dynamic relocations and preparing its PLT
// for lazy binding.
#pragma once

#include "module.h"

namespace mload {

// Apply DT_RELA and DT_JMPREL of `m`. With `lazy`, JUMP_SLOTs are only
// rebased (each keeps pointing at its PLT entry's push) and GOT.PLT[1], GOT.PLT[2]
// are set so the first call reaches fixup(); otherwise they are bound now.
// Missing symbols are reported and counted in L.errorCount.
void relocateModule(Loader &L, Module *m, bool lazy);

} // namespace mload
