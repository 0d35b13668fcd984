// builtins.cpp (freestanding mload only; implements lookup.h's
// builtinAddress): the symbols mload provides to the modules it loads, found
// when the global scope has no definition: __tls_get_addr (as glibc's ld.so
// provides it) and the debugger interface _r_debug / _dl_debug_state.
#include "debug.h"
#include "lookup.h"
#include "support.h"

namespace mload {

extern "C" void *__tls_get_addr(void *);

uint64_t builtinAddress(const char *name) {
  if (streq(name, "__tls_get_addr"))
    return reinterpret_cast<uint64_t>(&__tls_get_addr);
  if (streq(name, "_dl_debug_state"))
    return reinterpret_cast<uint64_t>(&_dl_debug_state);
  if (streq(name, "_r_debug"))
    return reinterpret_cast<uint64_t>(&_r_debug);
  return 0;
}

} // namespace mload
