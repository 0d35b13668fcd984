// Where diagnostics are printed and where the link stops on error.
#include "diag.h"

#include "context.h"

#include "llvm/Demangle/Demangle.h"

#include <algorithm>
#include <cstdio>
#include <iostream>

namespace mld {

// The flag is a plain thread_local of this file, not a static member that
// the header's inline functions touch through gcc's TLS wrapper functions
// in every file (where gcc's UBSan flagged the store on every link).
static thread_local bool speculativeActive = false;

SpeculativeScope::SpeculativeScope() : saved(speculativeActive) { speculativeActive = true; }
SpeculativeScope::~SpeculativeScope() { speculativeActive = saved; }
bool SpeculativeScope::isActive() { return speculativeActive; }

// Line breaks are the message's own (">>> referenced by" lines); bytes
// >= 0x80 stay, for UTF-8.
std::string escapeControlBytes(std::string s) {
  auto isControl = [](unsigned char c) { return (c < 0x20 && c != '\n') || c == 0x7f; };
  if (std::none_of(s.begin(), s.end(), isControl))
    return s;
  std::string out;
  for (unsigned char c : s) {
    if (!isControl(c)) {
      out += (char)c;
      continue;
    }
    char buf[8];
    snprintf(buf, sizeof buf, "\\x%02x", c);
    out += buf;
  }
  return out;
}

Diag::~Diag() noexcept(false) {
  if (SpeculativeScope::isActive()) {
    // Whatever the level, the message belongs to the real read: give up the
    // speculative one, which will be redone in order if the file is needed.
    throw SpeculativeFailure{};
  }
  std::string msg = escapeControlBytes(out.str());
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
  // A link run in-process inside a SpeculativeScope (the fuzz targets of
  // tests/fuzz) must return to its caller, whatever the outcome.
  if (SpeculativeScope::isActive())
    throw SpeculativeFailure{};
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

std::string symbolName(const Context &ctx, std::string_view name) {
  if (!ctx.config.demangle || !name.starts_with("_Z"))
    return std::string(name);
  return llvm::demangle(std::string(name));
}

} // namespace mld
