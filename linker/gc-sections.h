// --gc-sections. See gc-sections.cpp.
#pragma once

#include <cstdint>

#include "llvm/ADT/ArrayRef.h"

namespace mld {
struct Context;
struct InputSection;
// Clears isAlive on every allocated input section not reachable from the
// roots. Runs after symbol resolution and before merging and binning.
void gcSections(Context &ctx);
// Drops the .eh_frame FDEs of discarded functions and duplicate CIEs
// (eh-frame.cpp); the CIE pointers are written by patchEhFrameCiePointers.
void pruneEhFrames(Context &ctx, llvm::ArrayRef<InputSection *> ehFrames);
void patchEhFrameCiePointers(Context &ctx, uint8_t *out);
} // namespace mld
