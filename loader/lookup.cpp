// lookup.cpp: the global scope walk. Rules (glibc's, which the ABI leaves
// to the implementation): the first definition in load order wins, weak or
// not; an undefined weak reference that finds nothing resolves to 0; a
// versioned reference only binds to that version (or to an unversioned
// definition); an unversioned reference takes the base/default version.
#include "lookup.h"
#include "hash-lookup.h"
#include "diag.h"
#include "support.h"

namespace mload {

const char *referenceVersion(const Module *ref, uint32_t symIndex) {
  if (!ref->versym)
    return "";
  if (symIndex >= ref->versymCount)
    fatal(errorText(ref->path).str("symbol ").dec(symIndex).str(
        " has no DT_VERSYM entry (corrupt file?)"));
  uint16_t ndx = ref->versym[symIndex] & 0x7fff;
  if (ndx < 2 || ndx >= ref->versionCount || !ref->versionNames[ndx])
    return "";
  return ref->versionNames[ndx];
}

// The defined symbol's runtime address (TLS: its offset in the block).
static Definition finishDefinition(Definition d) {
  d.found = true;
  if (ELF64_ST_TYPE(d.sym->st_info) == STT_TLS) {
    d.address = d.sym->st_value; // offset in the module's TLS block
    return d;
  }
  d.address = laddr(d.module, d.sym->st_value);
  // A defined symbol points into its module (an absolute one anywhere): a
  // corrupt st_value must not become a jump to nowhere.
  if (d.sym->st_shndx != SHN_ABS &&
      (d.address < d.module->mapStart || d.address > d.module->mapEnd))
    fatal(errorText(d.module->path)
              .str("symbol ")
              .str(symbolName(d.module, d.sym - d.module->symtab))
              .str(" lies outside its module (corrupt file?)"));
  if (ELF64_ST_TYPE(d.sym->st_info) == STT_GNU_IFUNC && d.sym->st_shndx != SHN_UNDEF) {
    d.address = reinterpret_cast<uint64_t (*)()>(d.address)();
    d.ifunc = true;
  }
  return d;
}

Definition lookupName(const Loader &L, const Lookup &q) {
  Request r{q.name, q.version ? q.version : "", gnuHash(q.name), sysvHash(q.name), q.kind};
  Definition d;
  // mload's builtins come before the first host object: in hosted mode
  // they replace glibc's start-up and dl* functions for the objects mload
  // loaded; freestanding they only fill in what nothing defines.
  bool builtinsTried = q.ownOnly || q.noBuiltins;
  auto builtin = [&] {
    builtinsTried = true;
    d.address = builtinAddress(r.name);
    d.found = d.address != 0;
    return d.found;
  };
  auto visit = [&](const Module *m) {
    if (m == q.skip || (m->host && q.ownOnly))
      return false;
    if (m->host && !builtinsTried && builtin())
      return true;
    if (const Elf64_Sym *def = findInModule(m, r)) {
      d.module = m;
      d.sym = def;
      return true;
    }
    return false;
  };
  if (q.scope) {
    for (uint32_t i = 0; i < q.scopeCount; ++i)
      if (visit(q.scope[i]))
        break;
  } else {
    for (const Module *m = q.from ? q.from : L.head; m; m = m->next)
      if (visit(m))
        break;
  }
  if (d.found)
    return d; // a builtin
  if (!d.sym) {
    if (!builtinsTried)
      builtin();
    return d;
  }
  return finishDefinition(d);
}

Definition resolveSymbol(const Loader &L, const Module *ref, uint32_t symIndex, RefKind kind,
                         bool ownOnly) {
  const Elf64_Sym *s = &ref->symtab[symIndex];
  if (ELF64_ST_BIND(s->st_info) == STB_LOCAL) {
    Definition d;
    d.module = ref;
    d.sym = s;
    return finishDefinition(d);
  }
  Lookup q;
  q.name = symbolName(ref, symIndex);
  q.version = referenceVersion(ref, symIndex);
  q.kind = kind;
  q.skip = kind == RefKind::Copy ? ref : nullptr;
  q.ownOnly = ownOnly;
  return lookupName(L, q);
}

} // namespace mload
