// The small linker scripts distributions install in place of a .so
// (Debian's libc.so: OUTPUT_FORMAT + GROUP(libc.so.6 libc_nonshared.a
// AS_NEEDED(ld-linux-x86-64.so.2))). Only the input-listing commands are
// understood, VERSION { } (a version script given inline) and symbol
// assignments (NAME = EXPR; and PROVIDE, PROVIDE_HIDDEN, HIDDEN of one);
// SECTIONS, MEMORY and the other operators are reported as unsupported.
#pragma once

#include "config.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mld {

struct ScriptInput {
  std::string path;       // as written; "=" or sysroot handling is the caller's
  bool isLibrary = false; // -lfoo inside the script: path is "foo" (or ":x.a")
  bool asNeeded = false;  // inside AS_NEEDED(...)
  bool inGroup = false;   // inside GROUP(...): searched as one archive group
};

struct LinkerScript {
  std::vector<ScriptInput> inputs;     // in script order
  std::vector<std::string> searchDirs; // SEARCH_DIR, in order
  std::string outputFormat;            // first argument of OUTPUT_FORMAT
  std::string outputArch;              // OUTPUT_ARCH
  std::string entry;                   // ENTRY(sym)
  // The bodies of VERSION { ... } blocks: a version script, kept as text
  // with the script's line numbering (the lines before it are blank).
  std::string versionText;
  // NAME = EXPR; in script order (line set, script path left empty).
  std::vector<Defsym> assignments;
};

// True when text is plausibly a linker script rather than binary junk: no
// NUL bytes, and the first word (after comments) starts like a command.
bool looksLikeLinkerScript(std::string_view text);

// NAME=EXPR as --defsym takes it and as an assignment in a script is
// written (spaces allowed): EXPR is terms (numbers or symbol names) joined by
// + and -, with at most one symbol, which must be added. Sets out's name,
// target and addend; false when EXPR is not of that form.
bool parseSymbolAssignment(std::string_view text, Defsym &out);

// Decimal or 0x-prefixed hexadecimal, nothing else.
bool parseScriptNumber(std::string_view s, uint64_t &out);

// On failure returns nullopt and sets error to "line N: <message>"; the
// caller prefixes "mld: error: <file>: ".
std::optional<LinkerScript> parseLinkerScript(std::string_view text, std::string &error);

} // namespace mld
