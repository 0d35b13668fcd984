// --dependency-file: the link's inputs as a make rule. See dependency-file.cpp.
#pragma once

#include <string>

namespace mld {

struct Context;

// Records PATH as read by the link (an input file, a linker script, a
// version script or a dynamic list); a no-op without --dependency-file.
void noteDependency(Context &ctx, const std::string &path);
// Writes --dependency-file FILE, if asked for: "OUTPUT: INPUTS", then an
// empty rule per input so that make does not fail when one is deleted.
void writeDependencyFile(Context &ctx);

} // namespace mld
