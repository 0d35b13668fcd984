// deps.h: finding and loading DT_NEEDED libraries.
#pragma once

#include "module.h"

namespace mload {

// Append `m` to the load order (= global scope order).
void appendModule(Loader &L, Module *m);

// Open and map an object by path (the program itself, given on the command
// line); fatal if it cannot be opened.
Module *loadByPath(Loader &L, const char *path);

// Breadth-first over DT_NEEDED, starting from the modules already loaded:
// every module's dependencies are appended after all modules of the
// previous level, which is the order glibc uses for the global scope.
void loadDependencies(Loader &L);

// Every version a module needs from a library (DT_VERNEED) must be defined
// by it, as glibc checks ("version `V2' not found"); a weak need may be
// missing. Reports every one; returns the number of errors.
uint32_t checkVersionNeeds(const Loader &L);

} // namespace mload
