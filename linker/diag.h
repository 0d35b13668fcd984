// Diagnostics: Error/Warn/Fatal message streams in the lld/mold shape
// ("mld: error: <location>: <message>"), counted in the Context so that a pass
// can report every problem it finds and checkpoint() stops the link afterwards.
#pragma once

#include <sstream>
#include <string>
#include <string_view>

#include "llvm/Support/Error.h"

namespace mld {

struct Context;

class Diag {
public:
  enum class Level { Warn, Error, Fatal };
  Diag(Context &ctx, Level level) : ctx(ctx), level(level) {}
  Diag(const Diag &) = delete;
  ~Diag() noexcept(false);

  template <typename T> Diag &operator<<(const T &v) {
    out << v;
    return *this;
  }

private:
  Context &ctx;
  Level level;
  std::ostringstream out;
};

// Error(ctx) << ...: report, count, and let the pass go on.
inline Diag Error(Context &ctx) { return Diag(ctx, Diag::Level::Error); }
// Warn(ctx) << ...: report only (an error under --fatal-warnings).
inline Diag Warn(Context &ctx) { return Diag(ctx, Diag::Level::Warn); }
// Fatal(ctx) << ...: report and exit(1) at the end of the statement. Only for
// input the link cannot go on without (unreadable or malformed files).
inline Diag Fatal(Context &ctx) { return Diag(ctx, Diag::Level::Fatal); }

// Reading ahead of need (archive members the link may never pull) must not
// report anything: a member that is never pulled is never diagnosed, as in
// GNU ld. While a SpeculativeScope is alive on a thread, a Fatal on that
// thread prints nothing and throws SpeculativeFailure instead, and the file
// is read again, for real, if and when the link needs it.
struct SpeculativeFailure {};
class SpeculativeScope {
public:
  SpeculativeScope();
  ~SpeculativeScope();
  static bool isActive();

private:
  bool saved;
};

// A symbol name as diagnostics print it: demangled, as GNU ld and lld print
// C++ names, unless --no-demangle.
std::string symbolName(const Context &ctx, std::string_view name);

// Exits with status 1, removing any half-written output, if an error was
// reported. Called after every pass that can report user errors.
void checkpoint(Context &ctx);

// Removes the temporary output (if any) and exits with `status` (throws
// SpeculativeFailure instead inside a SpeculativeScope).
[[noreturn]] void exitLink(Context &ctx, int status);

// Unwraps an llvm::Expected coming from reading user input: an error becomes a
// Fatal prefixed by the file it concerns. Never cantFail() on user input.
template <typename T> T check(Context &ctx, llvm::Expected<T> value, const std::string &file) {
  if (!value) {
    std::string msg = llvm::toString(value.takeError());
    Fatal(ctx) << file << ": " << msg;
  }
  return std::move(*value);
}

inline void check(Context &ctx, llvm::Error err, const std::string &file) {
  if (err)
    Fatal(ctx) << file << ": " << llvm::toString(std::move(err));
}

std::string toHex(uint64_t v);

// Names in messages come from the inputs and the command line: a control
// byte in one (a mangled or hostile file, a stray escape in an argument)
// must not reach the terminal raw. Returns `s` with every control byte but
// '\n' written as \xNN.
std::string escapeControlBytes(std::string s);

} // namespace mld
