// run.h: run a child process with arguments, capture its stdout and stderr,
// and kill it (process group and all) when it outlives a timeout.
// Used by the e2e tests to drive mld, ld.bfd, readelf and the linked programs.
#pragma once

#include <chrono>
#include <string>
#include <vector>

namespace mld::test {

struct RunOptions {
  std::string cwd;                          // empty: inherit
  std::chrono::milliseconds timeout{20000}; // then SIGKILL
  std::vector<std::string> extraEnv;        // "NAME=value", added to ours
};

struct RunResult {
  int exitCode = -1; // valid when exited normally
  int signal = 0;    // the terminating signal, 0 if it exited
  bool timedOut = false;
  bool execFailed = false; // argv[0] could not be started
  std::string out;
  std::string err;

  bool exitedWith(int code) const {
    return signal == 0 && !timedOut && !execFailed && exitCode == code;
  }
  // One line for a failing assertion: how it ended plus its stderr.
  std::string describe() const;
};

RunResult run(const std::vector<std::string> &argv, const RunOptions &opts = {});

// Shell-like rendering of a command line, for failure messages.
std::string joinArgs(const std::vector<std::string> &argv);

} // namespace mld::test
