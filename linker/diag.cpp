// Where diagnostics are printed and where the link stops on error.
#include "diag.h"

#include "context.h"

#include <cstdio>
#include <iostream>

namespace mld {

thread_local bool SpeculativeScope::active = false;

Diag::~Diag() noexcept(false) {
  if (SpeculativeScope::isActive()) {
    // Whatever the level, the message belongs to the real read: give up the
    // speculative one, which will be redone in order if the file is needed.
    throw SpeculativeFailure{};
  }
  std::string msg = out.str();
  const char *prefix = "error";
  if (level == Level::Warn) {
    if (ctx.config.fatalWarnings)
      ctx.errorCount++;
    else
      prefix = "warning";
  } else {
    ctx.errorCount++;
  }
  {
    std::lock_guard<std::mutex> lock(ctx.diagMutex);
    std::cout.flush();
    std::cerr << "mld: " << prefix << ": " << msg << "\n";
  }
  if (level == Level::Fatal)
    exitLink(ctx, 1);
}

void exitLink(Context &ctx, int status) {
  std::cout.flush();
  std::cerr.flush();
  // The output is written to a temporary file and only renamed into place by
  // a successful commit, so a failed link leaves no partial output behind.
  // (Nothing is unmapped or closed: the exit does that at once.)
  if (ctx.outputFile)
    ctx.outputFile->discard();
  // LTO plugins remove their temporary objects (and only they know them).
  if (ctx.lto)
    ctx.lto->cleanup();
  std::_Exit(status);
}

void checkpoint(Context &ctx) {
  if (ctx.errorCount)
    exitLink(ctx, 1);
}

std::string toHex(uint64_t v) {
  char buf[24];
  snprintf(buf, sizeof buf, "0x%llx", (unsigned long long)v);
  return buf;
}

} // namespace mld
