// Fuzz target: a whole link, in-process and on one thread, of a mutated
// object against the project's own runtime (crt1.o, libmldc), with the
// output written to a temporary directory. The first byte picks the output
// kind (static executable, PIE, shared object); the rest is the object.
#include "driver.h"
#include "fuzz-common.h"
#include "options.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

using namespace mld;

#ifndef MLD_FUZZ_RUNTIME_DIR
#error "MLD_FUZZ_RUNTIME_DIR must name the directory of crt1.o and libmldc"
#endif

static const std::string &workDir() {
  static const std::string dir = [] {
    char tmpl[] = "/tmp/mld-fuzz-link-XXXXXX";
    const char *d = mkdtemp(tmpl);
    if (!d)
      abort();
    return std::string(d);
  }();
  return dir;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size == 0)
    return 0;
  const std::string &dir = workDir();
  std::string obj = dir + "/in.o", out = dir + "/out";
  {
    std::ofstream f(obj, std::ios::binary | std::ios::trunc);
    f.write(reinterpret_cast<const char *>(data + 1), size - 1);
  }
  const std::string rt = MLD_FUZZ_RUNTIME_DIR;
  std::vector<std::string> args = {"--threads=1", "-o", out};
  switch (data[0] % 3) {
  case 0:
    args.insert(args.end(), {"-static", rt + "/crt1.o", obj, "-L" + rt, "-lmldc"});
    break;
  case 1:
    args.insert(args.end(), {"-pie", rt + "/crt1.o", obj, rt + "/libmldc.so"});
    break;
  case 2:
    args.insert(args.end(), {"-shared", obj});
    break;
  }
  Config config;
  std::ostringstream err;
  if (!parseArgs(args, config, err))
    abort(); // the arguments are ours: they must parse
  fuzz::runQuietly([&] { link(config); });
  unlink(out.c_str());
  return 0;
}
