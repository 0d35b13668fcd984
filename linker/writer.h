// Writing the output file and the side outputs (map file, relocation log).
#pragma once

namespace mld {
struct Context;
// Opens the output (a temporary file renamed into place on success), copies
// every chunk, applies relocations, and commits. A failed link leaves no file.
void writeOutput(Context &ctx);
// -Map FILE: output sections, their input sections, and symbols.
void writeMapFile(Context &ctx);
} // namespace mld
