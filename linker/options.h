// The command line: GNU ld's syntax in, a filled Config out.
// Owns option spelling, response files and value checking; it decides
// nothing about linking, so every choice it makes is visible in Config.
#pragma once

#include "config.h"

#include <ostream>
#include <string_view>
#include <string>
#include <vector>

namespace mld {

// Parses argv (argv[0] is the program name) into config. Errors and
// warnings go to err, one line each ("mld: error: ..."); returns false when
// the link must not go on (the caller exits 1).
bool parseCommandLine(int argc, char **argv, Config &config, std::ostream &err);

// The defaults of options whose default depends on the output kind (GNU
// ld's): the entry point when no -e is given ("_start" for executables,
// none for shared objects and -r), and where the first segment goes when no
// --image-base/-Ttext-segment is given (0x400000 for a position-dependent
// executable, 0 for anything the loader places).
std::string_view defaultEntry(const Config &config);
uint64_t imageBase(const Config &config);

// Same, for callers that already hold the arguments (argv[0] excluded).
bool parseArgs(const std::vector<std::string> &args, Config &config, std::ostream &err);

// The first line of --version and -v. gcc, libtool and configure grep it
// for "GNU", so it says "compatible with GNU linkers" as lld does.
const char *versionString();

// The --help text, grouped by topic.
void printHelp(std::ostream &out);

} // namespace mld
