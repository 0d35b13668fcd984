// diag.h: how mload reports trouble. Every user-visible failure (bad ELF,
// missing library, missing symbol) ends in exit status 127 with a one-line
// message naming the file, as glibc's ld.so does; never a crash.
#pragma once

#include "support.h"

namespace mload {

constexpr int ExitLoadFailure = 127;

// "mload: error: FILE: " ready for the message text.
Text errorText(const char *file);
[[noreturn]] void fatal(const Text &message);
// Print "mload: error: FILE: MESSAGE" and exit 127.
[[noreturn]] void fatal(const char *file, const char *message);

} // namespace mload
