// scenario.h: the declarative spec of one testdata/static/<name>/ program
// (its test.txt) and the step that compiles its sources into objects and
// archives. The format is described at the top of scenario.cpp.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace mld::test {

struct ArchiveSpec {
  std::string path; // relative to the prepared directory, e.g. "sub/libx.a"
  bool thin = false;
  std::vector<std::string> members; // source file names
};

struct Scenario {
  std::string name;
  std::string dir;       // testdata/static/<name>
  std::string sourceDir; // where the sources are (dir, or `sources:`)
  std::vector<std::string> cflags;
  std::map<std::string, std::vector<std::string>> fileCflags;
  std::vector<std::string> objects; // source names, each compiled to a .o
  std::vector<ArchiveSpec> archives;
  std::vector<std::string> linkArgs; // between crt1.o and the runtime
  int exitCode = 0;
  std::vector<std::string> args; // `args:`, double quotes group words
  std::vector<std::string> env;  // `env: NAME=value`, added to the program's
  std::vector<std::string> presentSymbols, absentSymbols;
  std::vector<std::pair<std::string, uint64_t>> symbolSizes;
  std::vector<std::string> stringsOnce;
  std::vector<std::string> inputRelocs;
  std::vector<std::string> copies;   // files copied into the prepared dir
  std::optional<uint64_t> firstLoad; // lowest PT_LOAD p_vaddr
  bool dwarfVerify = false;          // llvm-dwarfdump --verify is clean
  struct GdbLine {
    std::string function, file;
    int line;
  };
  std::vector<GdbLine> gdbLines; // gdb's `info line FUNCTION`

  // The .o files named in linkArgs that came from `objects:`.
  std::vector<std::string> linkedObjects() const;
};

std::optional<Scenario> parseScenario(const std::string &dir, std::string &error);

// Names of the subdirectories of `root` that hold a test.txt, sorted.
std::vector<std::string> listScenarios(const std::string &root);

// "dir/a.c" -> "a.o"
std::string objectName(const std::string &source);

struct Toolchain {
  std::string cc = "gcc";
  std::string ar = "ar";
};

// Compiles the scenario into `outDir` (created, stale archives replaced) and
// writes `outDir/.prepared` last. On failure returns false with the failing
// command and its output in `log`.
bool prepareScenario(const Scenario &s, const std::string &outDir, const Toolchain &tc,
                     std::string &log);

} // namespace mld::test
