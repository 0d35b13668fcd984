// debug.cpp: _r_debug and _dl_debug_state for gdb. The stores to .dynamic
// happen before RELRO makes it read-only. mload itself is on the module
// list too, as glibc's ld.so is, so gdb keeps its symbols (and can unwind
// through _dl_runtime_resolve) after the first library event.
#include "debug.h"
#include "start.h"

// Both names are looked up by debuggers in mload's symbol table, so they
// keep default visibility (everything else in mload is hidden).
extern "C" {
__attribute__((visibility("default"))) mload::RDebug _r_debug;

// gdb sets a breakpoint here; the asm keeps the call from being elided.
__attribute__((noinline, visibility("default"))) void _dl_debug_state() { asm volatile(""); }
}

namespace mload {

// A .dynamic in a read-only segment (allowed for libraries, odd for a
// program) simply gets no DT_DEBUG value.
static void pointDtDebug(const Module *m, Elf64_Dyn *d) {
  if (m && !segmentEnd(m, reinterpret_cast<uint64_t>(d), PF_W))
    return;
  for (; d && d->d_tag != DT_NULL; ++d)
    if (d->d_tag == DT_DEBUG)
      d->d_un.d_val = reinterpret_cast<uint64_t>(&_r_debug);
}

static const char *interpreterPath(const Module *prog) {
  for (uint16_t i = 0; i < prog->phnum; ++i)
    if (prog->phdr[i].p_type == PT_INTERP)
      return reinterpret_cast<const char *>(laddr(prog, prog->phdr[i].p_vaddr));
  return "";
}

void publishDebugInfo(Loader &L, bool direct) {
  // gdb takes the first entry for the executable and skips it. As PT_INTERP,
  // that is the program and mload goes last, named by PT_INTERP. Run
  // directly, mload is gdb's executable: it goes first, and its own
  // DT_DEBUG leads gdb to the list.
  static LinkMap self;
  self.l_addr = loaderBase();
  self.l_ld = loaderDynamic();
  if (direct) {
    self.l_name = "";
    self.l_next = &L.head->linkMap;
    L.head->linkMap.l_prev = &self;
    _r_debug.r_map = &self;
    pointDtDebug(nullptr, loaderDynamic());
  } else {
    self.l_name = interpreterPath(L.head);
    self.l_prev = &L.tail->linkMap;
    L.tail->linkMap.l_next = &self;
    _r_debug.r_map = &L.head->linkMap;
  }
  _r_debug.r_version = 1;
  _r_debug.r_brk = reinterpret_cast<uint64_t>(&_dl_debug_state);
  _r_debug.r_ldbase = loaderBase();
  _r_debug.r_state = RDebug::RT_ADD;
  _dl_debug_state();
  pointDtDebug(L.head, L.head->dynamic);
  _r_debug.r_state = RDebug::RT_CONSISTENT;
  _dl_debug_state();
}

} // namespace mload
