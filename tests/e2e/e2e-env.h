// e2e-env.h: where the e2e tests find the tools and inputs they drive. Each
// path is fixed by CMake and can be overridden by an environment variable of
// the same name (e.g. MLD_E2E_LINKER=/usr/bin/ld.lld to try another linker).
#pragma once

#include "scenario.h"

#include <optional>
#include <string>
#include <vector>

namespace mld::test {

std::string linkerPath();                      // MLD_E2E_LINKER: mld
std::string runtimeDir();                      // MLD_E2E_RUNTIME_DIR: crt1.o, libmldc.a
std::string testdataDir();                     // MLD_E2E_TESTDATA: testdata/static
std::string preparedDir();                     // MLD_E2E_PREPARED: compiled scenarios
std::string ccPath();                          // MLD_E2E_CC
std::string arPath();                          // MLD_E2E_AR
std::string llvmTool(const std::string &name); // MLD_E2E_LLVM_BIN/NAME: llvm-readelf...
std::string gccLdDir();                        // MLD_E2E_GCC_LD_DIR: holds ld -> mld, for gcc -B

// The runtime link line around `inputs`: -static -o OUT crt1.o INPUTS
// -L RUNTIME -lmldc (without the linker itself).
std::vector<std::string> runtimeLinkArgs(const std::string &out,
                                         const std::vector<std::string> &inputs);

// The scenario NAME of testdata/static, with `prepared` set to the folder
// its sources were compiled into; nullopt (and `error`) if either is missing.
std::optional<Scenario> loadPreparedScenario(const std::string &name, std::string &prepared,
                                             std::string &error);

// Lines of `text` that a reader tool printed as a complaint.
std::vector<std::string> complaintLines(const std::string &text, bool anyMention);

} // namespace mld::test
