// Deciding what relocations need; see relocations.cpp.
#pragma once

#include "version-script.h"

#include <optional>

namespace mld {
struct Context;

// Marks each symbol preemptible / exported according to the output kind,
// visibility and -Bsymbolic. Runs before scanRelocations, which asks.
void computeImportExport(Context &ctx);
// The link's version script: --version-script's nodes, then those of every
// VERSION { } block of the linker scripts read; nullopt when there is none.
// A parse error is fatal, naming the file.
std::optional<VersionScript> readLinkVersionScript(Context &ctx);
// Walks every relocation of every live allocated section and records what it
// needs: symbol flags (GOT, PLT, copy, dynsym), dynamic relocations, GOT base.
// Reports undefined symbols and relocations the output kind cannot express.
void scanRelocations(Context &ctx);
// Hands out GOT, PLT, copy and dynsym indices in one serial pass, in the
// order the scan met the symbols, so the output is deterministic.
void assignSyntheticEntries(Context &ctx);
} // namespace mld
