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
} // namespace mld
