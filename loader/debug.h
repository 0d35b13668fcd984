// debug.h: the r_debug protocol debuggers use to find loaded libraries
// (SVR4 ABI; glibc <link.h>): DT_DEBUG in the program points at _r_debug,
// whose r_map lists the modules and whose r_brk is a function gdb puts a
// breakpoint on to hear about changes.
#pragma once

#include "module.h"

namespace mload {

struct RDebug {
  int r_version;
  LinkMap *r_map;
  uint64_t r_brk;
  enum { RT_CONSISTENT, RT_ADD, RT_DELETE } r_state;
  uint64_t r_ldbase;
};

// Point DT_DEBUG at _r_debug and announce the module list to a debugger.
// `direct`: mload was run as a command rather than as PT_INTERP.
void publishDebugInfo(Loader &L, bool direct);

} // namespace mload

// Freestanding only: in mload-hosted the system's ld.so owns these names.
#ifndef MLOAD_HOSTED
extern "C" mload::RDebug _r_debug;
extern "C" void _dl_debug_state();
#endif
