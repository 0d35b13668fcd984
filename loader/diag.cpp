// diag.cpp: error lines for mload. Messages go to stderr in one write so
// they never interleave with the program's own output mid-line.
#include "diag.h"
#include "linux-syscall.h"

namespace mload {

Text errorText(const char *file) {
  Text t;
  t.str("mload: error: ").str(file).str(": ");
  return t;
}

void fatal(const Text &message) {
  Text line = message;
  line.finish("\n");
  line.writeTo(2);
  sys::exitGroup(ExitLoadFailure);
}

void fatal(const char *file, const char *message) { fatal(errorText(file).str(message)); }

} // namespace mload
