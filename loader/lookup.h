// lookup.h: symbol lookup in the global scope (all modules in load order,
// the program first) through each module's GNU or SysV hash table.
#pragma once

#include "module.h"

namespace mload {

// Where a reference ended up. `module` is null for a symbol mload provides
// itself (__tls_get_addr, _dl_debug_state, _r_debug) and for an undefined
// weak reference (`found` false, address 0).
struct Definition {
  const Module *module = nullptr;
  const Elf64_Sym *sym = nullptr;
  uint64_t address = 0;
  bool found = false;
  // Chosen by an IFUNC resolver: may lie outside the module (glibc's time()
  // resolves to the vDSO's).
  bool ifunc = false;
};

enum class RefKind { Data, JumpSlot, Copy };

// Name of symbol `i` of `m` ("" if its st_name is out of range).
inline const char *symbolName(const Module *m, uint64_t i) {
  uint32_t off = m->symtab[i].st_name;
  return off < m->strSize ? m->strtab + off : "";
}

// Resolve symbol `symIndex` (< ref->symCount, which callers check) of
// `ref` for a relocation of kind `kind`:
// local symbols bind to `ref` itself; JUMP_SLOT lookups skip canonical-PLT
// entries of executables; COPY lookups skip the program itself. IFUNC
// definitions are resolved by calling their resolver. mload's builtins are
// tried just before the first host module (or last, if there is none).
// `ownOnly` looks only at the modules mload loaded itself (no host module,
// no builtin): what interposes on a host object's import.
Definition resolveSymbol(const Loader &L, const Module *ref, uint32_t symIndex, RefKind kind,
                         bool ownOnly = false);

// A lookup by name: in the global scope from `from` (default: the whole
// list), or in an explicit `scope` (dlsym on a handle: the object and its
// dependencies), skipping `skip`.
struct Lookup {
  const char *name = "";
  const char *version = ""; // "" when unversioned
  RefKind kind = RefKind::Data;
  const Module *skip = nullptr;
  const Module *from = nullptr;
  const Module *const *scope = nullptr;
  uint32_t scopeCount = 0;
  bool ownOnly = false; // only modules mload loaded; no builtins
  bool noBuiltins = false;
};
Definition lookupName(const Loader &L, const Lookup &q);

// The version a reference of `ref` asks for, or "" if unversioned.
const char *referenceVersion(const Module *ref, uint32_t symIndex);

// Address of a symbol mload itself provides to the programs it loads
// (builtins.cpp), or 0.
uint64_t builtinAddress(const char *name);

} // namespace mload
