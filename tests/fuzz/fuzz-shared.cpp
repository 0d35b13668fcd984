// Fuzz target: a shared library we link against (.dynsym, .dynamic's
// DT_SONAME, .gnu.version and .gnu.version_d), read and resolved.
#include "fuzz-common.h"
#include "input-files.h"
#include "shared-file.h"

using namespace mld;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  Context ctx(fuzz::fuzzConfig());
  SharedFile file(fuzz::bufferOf(data, size, "libfuzz.so"));
  fuzz::runQuietly([&] { file.parse(ctx); });
  return 0;
}
