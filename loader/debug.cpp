// debug.cpp: _r_debug and _dl_debug_state for gdb. The stores to the
// program's .dynamic happen before RELRO makes it read-only.
#include "debug.h"

// Both names are looked up by debuggers in mload's symbol table, so they
// keep default visibility (everything else in mload is hidden).
extern "C" {
__attribute__((visibility("default"))) mload::RDebug _r_debug;

// gdb sets a breakpoint here; the asm keeps the call from being elided.
__attribute__((noinline, visibility("default"))) void _dl_debug_state() { asm volatile(""); }
}

namespace mload {

void publishDebugInfo(Loader &L, uint64_t loaderBase) {
  _r_debug.r_version = 1;
  _r_debug.r_map = &L.head->linkMap;
  _r_debug.r_brk = reinterpret_cast<uint64_t>(&_dl_debug_state);
  _r_debug.r_ldbase = loaderBase;
  _r_debug.r_state = RDebug::RT_ADD;
  _dl_debug_state();
  if (Elf64_Dyn *d = L.head->dynamic)
    for (; d->d_tag != DT_NULL; ++d)
      if (d->d_tag == DT_DEBUG) d->d_un.d_val = reinterpret_cast<uint64_t>(&_r_debug);
  _r_debug.r_state = RDebug::RT_CONSISTENT;
  _dl_debug_state();
}

} // namespace mload
