// Writing the output file (the map file is map-file.h's).
#pragma once

namespace mld {
struct Context;
// Opens the output (a temporary file renamed into place on success), copies
// every chunk, applies relocations, and commits. A failed link leaves no file.
void writeOutput(Context &ctx);
} // namespace mld
