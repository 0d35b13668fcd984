// options.h: mload's command line and environment, shared by the
// freestanding mload and mload-hosted.
#pragma once

#include "module.h"

namespace mload {

// How the freestanding mload passes LD_PRELOAD to mload-hosted: renamed
// with this prefix, so that the system's ld.so does not act on it.
constexpr const char *HostedEnvPrefix = "MLOAD_HANDED_OVER_";

// The value of environment variable `name`, or null.
const char *getEnv(const Loader &L, const char *name);

// Fill L.opts from the command line (only when `direct`: run as a command)
// and the environment; open the log. Returns the argv index of the program
// (0 as PT_INTERP). Bad options and values are fatal with one line.
int parseOptions(Loader &L, char **argv, int argc, bool direct);

// `mload --list`: what ldd prints, one line per library in load order.
int listModules(const Loader &L);

} // namespace mload
