// host.h: the two modes' meeting points. The freestanding mload cannot
// start the system's glibc (it depends on ld.so's private state), so when a
// program needs it, mload hands the whole job over to mload-hosted, an
// ordinary glibc program in which glibc is already running; there each
// glibc object becomes a `host` module that mload reads but never
// relocates, initialises or unmaps. Freestanding: handover.cpp; hosted:
// host.cpp, host-tls.cpp, host-builtins.cpp.
#pragma once

#include "module.h"

namespace mload {

// A DT_NEEDED (or preload) that isHostLibrary() claims. Freestanding: hand
// over to mload-hosted (never returns). Hosted: the module for the host's
// copy, loaded by the system's ld.so if the process does not hold it yet.
Module *loadHostLibrary(Loader &L, const char *name);

// Hosted: where a module mload loaded defines a symbol that a host object
// imports (malloc, a COPY-relocated stdout or environ), point the host
// object's GOT entry at it, as ld.so's global scope would have.
void interposeIntoHost(Loader &L);

// Hosted: what glibc's start-up would have set for the program (its name,
// argv). Runs just before the initialisers.
void prepareProgramStart(Loader &L);

// Hosted: the loader the builtins (host-builtins.cpp) work on.
void setHostedLoader(Loader &L);

} // namespace mload
