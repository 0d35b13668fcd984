// Deciding what relocations need; see relocations.cpp.
#pragma once

namespace mld {
struct Context;

// Walks every relocation of every live allocated section and records what it
// needs: symbol flags (GOT, PLT, copy, dynsym), dynamic relocations, GOT base.
// Reports undefined symbols and relocations the output kind cannot express.
void scanRelocations(Context &ctx);
// Hands out GOT, PLT, copy and dynsym indices in one serial pass, in the
// order the scan met the symbols, so the output is deterministic.
void assignSyntheticEntries(Context &ctx);
} // namespace mld
