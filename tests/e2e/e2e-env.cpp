// e2e-env.cpp: compile-time defaults from CMake, environment overrides, and
// the shared runtime link line.
#include "e2e-env.h"

#include <filesystem>

#include <cstdlib>
#include <sstream>

namespace mld::test {

static std::string fromEnv(const char *name, const char *fallback) {
  const char *v = std::getenv(name);
  return v && *v ? v : fallback;
}

std::string linkerPath() { return fromEnv("MLD_E2E_LINKER", MLD_E2E_LINKER); }
std::string runtimeDir() { return fromEnv("MLD_E2E_RUNTIME_DIR", MLD_E2E_RUNTIME_DIR); }
std::string testdataDir() { return fromEnv("MLD_E2E_TESTDATA", MLD_E2E_TESTDATA); }
std::string preparedDir() { return fromEnv("MLD_E2E_PREPARED", MLD_E2E_PREPARED); }
std::string ccPath() { return fromEnv("MLD_E2E_CC", MLD_E2E_CC); }
std::string arPath() { return fromEnv("MLD_E2E_AR", MLD_E2E_AR); }
std::string llvmTool(const std::string &name) {
  return fromEnv("MLD_E2E_LLVM_BIN", MLD_E2E_LLVM_BIN) + "/" + name;
}
std::string gccLdDir() { return fromEnv("MLD_E2E_GCC_LD_DIR", MLD_E2E_GCC_LD_DIR); }

std::optional<Scenario> loadPreparedScenario(const std::string &name, std::string &prepared,
                                             std::string &error) {
  std::optional<Scenario> scenario = parseScenario(testdataDir() + "/" + name, error);
  prepared = preparedDir() + "/" + name;
  if (scenario && !std::filesystem::exists(prepared + "/.prepared")) {
    error = prepared + " was not compiled: build the mld-e2e-inputs target first";
    return std::nullopt;
  }
  return scenario;
}

std::vector<std::string> runtimeLinkArgs(const std::string &out,
                                         const std::vector<std::string> &inputs) {
  std::vector<std::string> args = {"-static", "-o", out, runtimeDir() + "/crt1.o"};
  args.insert(args.end(), inputs.begin(), inputs.end());
  args.push_back("-L" + runtimeDir());
  args.push_back("-lmldc");
  return args;
}

// readelf and llvm-readelf print their complaints as "readelf: Warning: ..."
// or "llvm-readelf: warning: '...': ..." on stderr. On stdout, symbol names
// such as strerror must not count, so only the "word:" forms are matched there.
std::vector<std::string> complaintLines(const std::string &text, bool anyMention) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    bool bad = anyMention ? (line.find("warning") != std::string::npos ||
                             line.find("Warning") != std::string::npos ||
                             line.find("error") != std::string::npos)
                          : (line.find("warning:") != std::string::npos ||
                             line.find("Warning:") != std::string::npos ||
                             line.find("error:") != std::string::npos ||
                             line.find("Error:") != std::string::npos);
    if (bad)
      out.push_back(line);
  }
  return out;
}

} // namespace mld::test
