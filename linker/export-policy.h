// Export policy: which symbols the output exports and which stay
// preemptible; see export-policy.cpp.
#pragma once

#include "version-script.h"

#include <optional>

namespace mld {
struct Config;
struct Context;

// Marks each symbol preemptible / exported according to the output kind,
// visibility and -Bsymbolic. Runs before scanRelocations, which asks.
void computeImportExport(Context &ctx);
// The link's version script: --version-script's nodes, then those of every
// VERSION { } block of the linker scripts read; nullopt when there is none.
// A parse error is fatal, naming the file.
std::optional<VersionScript> readLinkVersionScript(Context &ctx);
// The patterns of --dynamic-list-cpp-new and --dynamic-list-cpp-typeinfo.
std::vector<VersionPattern> builtinDynamicList(const Config &cfg);
} // namespace mld
