// What every fuzz target shares: the linker's readers run in-process inside
// a SpeculativeScope, where a diagnostic (Fatal, Error, Warn) or the end of
// a link throws SpeculativeFailure instead of printing and exiting. A
// rejected input is therefore a normal return; only a crash, a hang or a
// sanitizer report is a finding.
#pragma once

#include "context.h"
#include "diag.h"

#include <cstddef>
#include <cstdint>
#include <string>

#include "llvm/Support/MemoryBuffer.h"

namespace mld::fuzz {

// Runs fn() with diagnostics turned into SpeculativeFailure; true if fn
// returned normally.
template <typename F> bool runQuietly(F fn) {
  try {
    SpeculativeScope scope;
    fn();
    return true;
  } catch (SpeculativeFailure &) {
    return false;
  }
}

// A Context for single-threaded, in-process reading.
inline Config fuzzConfig() {
  Config config;
  config.threads = 1;
  return config;
}

// The input as a buffer named `name` (the readers quote it in messages).
inline llvm::MemoryBufferRef bufferOf(const uint8_t *data, size_t size, const char *name) {
  return llvm::MemoryBufferRef(llvm::StringRef(reinterpret_cast<const char *>(data), size), name);
}

} // namespace mld::fuzz
