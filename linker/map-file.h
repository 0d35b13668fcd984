// -Map: the link map. See map-file.cpp.
#pragma once

namespace mld {

struct Context;

// -Map FILE: output sections, their input sections, and symbols.
void writeMapFile(Context &ctx);

} // namespace mld
