// link(): the linker's pass list. See driver.cpp.
#pragma once

#include "config.h"

namespace mld {
// Runs a whole link. Returns the process exit status (0, or 1 on error).
int link(const Config &config);
} // namespace mld
