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
// dlopen: find and map `name` as a DT_NEEDED of `caller` would be (null if
// no file is found); the caller then loads its dependencies.
Module *loadForDlopen(Loader &L, const char *name, Module *caller);
// --preload / LD_PRELOAD: load each library right after the program.
void loadPreloads(Loader &L);
// Is `name` one of the system C library's objects (glibc), which only the
// system's ld.so can start?
bool isHostLibrary(const char *name);

// Every version a module needs from a library (DT_VERNEED) must be defined
// by it, as glibc checks ("version `V2' not found"); a weak need may be
// missing. Reports every one; returns the number of errors.
uint32_t checkVersionNeeds(const Loader &L);

} // namespace mload
