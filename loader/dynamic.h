// dynamic.h: decoding a module's .dynamic once, into Module::dyn[] by tag.
#pragma once

#include "module.h"

namespace mload {

// Fill dyn[], the symbol/string/hash table pointers and the version-name
// table. Pointers in .dynamic are link-time addresses; these are rebased.
void decodeDynamic(Module *m);

// The DT_NEEDED / DT_RPATH / DT_RUNPATH strings live in DT_STRTAB; an
// offset past its end reads as "".
inline const char *dynString(const Module *m, uint64_t off) { return off < m->strSize ? m->strtab + off : ""; }

// Fatal "WHAT lies outside the image" unless [p, p + size) is mapped.
void requireInside(const Module *m, const void *p, uint64_t size, const char *what);

} // namespace mload
