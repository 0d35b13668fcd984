// --stats and --time-trace: wall time per pass and the link's size in
// numbers (inputs, sections, symbols, relocations), so that a profile starts
// from facts.
#pragma once

#include <chrono>
#include <string>
#include <vector>

namespace mld {

struct Context;

struct PassTime {
  std::string name;
  int depth;
  double startMs, durationMs;
  // Process CPU time (user + system, all threads) spent during the pass:
  // cpuMs / durationMs near 1 means the pass ran on one core.
  double cpuMs = 0;
};

// Times the enclosing scope as one pass, when --stats or --time-trace asked.
class ScopedTimer {
public:
  ScopedTimer(Context &ctx, const char *name);
  ~ScopedTimer();

private:
  Context &ctx;
  size_t index;
  bool enabled;
  std::chrono::steady_clock::time_point start;
  double cpuStart = 0;
};

// Prints the --stats table to stderr and writes the --time-trace file.
void reportStats(Context &ctx);

} // namespace mld
