// Fuzz target: the command line, as arguments and as a response file. The
// first byte picks the form; the rest is split at NUL bytes into arguments,
// or written to a file passed as @FILE (which may name further @files).
#include "options.h"

#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

using namespace mld;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size == 0)
    return 0;
  std::string rest(reinterpret_cast<const char *>(data + 1), size - 1);
  std::vector<std::string> args;
  std::string path;
  if (data[0] & 1) {
    char tmpl[] = "/tmp/mld-fuzz-rsp-XXXXXX";
    int fd = mkstemp(tmpl);
    if (fd < 0)
      return 0;
    path = tmpl;
    if (write(fd, rest.data(), rest.size()) != (ssize_t)rest.size()) {
      close(fd);
      unlink(tmpl);
      return 0;
    }
    close(fd);
    args.push_back("@" + path);
  } else {
    std::istringstream in(rest);
    for (std::string arg; std::getline(in, arg, '\0');)
      args.push_back(arg);
  }
  Config config;
  std::ostringstream err;
  parseArgs(args, config, err);
  if (!path.empty())
    unlink(path.c_str());
  return 0;
}
