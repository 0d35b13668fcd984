// fixup.h: the C++ half of lazy binding (fixup.cpp); the assembly half is
// runtime/dl-trampoline.S, which calls _dl_fixup.
#pragma once

#include "module.h"

namespace mload {

// The trampoline this CPU needs, for GOT.PLT[2] of every lazily bound
// module (and the loader fixup works for, from now on).
uint64_t resolverEntry(const Loader &L);

} // namespace mload

// Called by the trampoline with GOT.PLT[1] (the module) and the index PLTn
// pushed; binds the slot and returns the target to jump to.
extern "C" uint64_t _dl_fixup(mload::Module *handle, uint64_t index);
