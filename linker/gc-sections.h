// --gc-sections. See gc-sections.cpp.
#pragma once

namespace mld {
struct Context;
// Clears isAlive on every allocated input section not reachable from the
// roots. Runs after symbol resolution and before merging and binning.
void gcSections(Context &ctx);
// Drops the .eh_frame FDEs of discarded functions (eh-frame.cpp).
void pruneEhFrames(Context &ctx);
} // namespace mld
