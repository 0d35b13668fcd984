// hash-lookup.h: one module's symbol hash tables, DT_HASH (SysV) and
// DT_GNU_HASH: checking them against the image once, and finding a name in
// them. lookup.cpp walks the scope with findInModule(); the fuzz target
// tests/fuzz/fuzz-loader-hash.cpp runs both on arbitrary tables.
#pragma once

#include "lookup.h"

namespace mload {

uint32_t gnuHash(const char *name);
uint32_t sysvHash(const char *name);

// The number of .dynsym entries, after checking that every hash table word
// findInModule() may read, and the symbols it counts, lie in the image
// (fatal otherwise). Needs symtab, strtab and strSize set.
uint64_t countSymbols(const Module *m, uint64_t *hashedEnd = nullptr);

// What a lookup asks one module for.
struct Request {
  const char *name;
  const char *version; // "" when unversioned
  uint32_t gnu, sysv;  // the name's hashes
  RefKind kind;
};

// The symbol of `m` that defines what `r` asks for, or null. Needs
// symCount from countSymbols() and the version names from decodeDynamic().
const Elf64_Sym *findInModule(const Module *m, const Request &r);

} // namespace mload
