// readInputFiles: the first pass. See read-inputs.cpp.
#pragma once

namespace mld {
struct Context;
// Reads every input in command-line order and resolves symbols as it goes,
// pulling archive members GNU ld's way. Leaves ctx.objs/ctx.dsos in
// command-line order and the symbol table fully resolved (before commons are
// converted and before linker-defined symbols exist).
void readInputFiles(Context &ctx);
} // namespace mld
