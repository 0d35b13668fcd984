// Fuzz target: a relocatable object, read and resolved as the link reads
// one (sections, COMDAT groups, symbols, relocations, notes), then its
// symbols resolved against an empty table.
#include "fuzz-common.h"
#include "input-files.h"

using namespace mld;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  Context ctx(fuzz::fuzzConfig());
  ObjectFile file(fuzz::bufferOf(data, size, "fuzz.o"), "");
  fuzz::runQuietly([&] { file.parse(ctx); });
  return 0;
}
