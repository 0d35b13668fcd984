// lookup.cpp: the global scope walk. Rules (glibc's, which the ABI leaves
// to the implementation): the first definition in load order wins, weak or
// not; an undefined weak reference that finds nothing resolves to 0; a
// versioned reference only binds to that version (or to an unversioned
// definition); an unversioned reference takes the base/default version.
#include "lookup.h"
#include "diag.h"
#include "support.h"

namespace mload {

uint32_t gnuHash(const char *name) {
  uint32_t h = 5381;
  for (const unsigned char *p = reinterpret_cast<const unsigned char *>(name); *p; ++p) h = h * 33 + *p;
  return h;
}

uint32_t sysvHash(const char *name) {
  uint32_t h = 0;
  for (const unsigned char *p = reinterpret_cast<const unsigned char *>(name); *p; ++p) {
    h = (h << 4) + *p;
    uint32_t g = h & 0xf0000000;
    if (g) h ^= g >> 24;
    h &= ~g;
  }
  return h;
}

struct Request {
  const char *name;
  const char *version; // "" when unversioned
  uint32_t gnu, sysv;
  RefKind kind;
};

// Does symbol `idx` of `m` define what `r` asks for? `fallback` collects a
// non-default version for an unversioned reference when it is the only one.
static bool accepts(const Module *m, uint32_t idx, const Request &r, const Elf64_Sym **fallback,
                    uint32_t *fallbackCount) {
  const Elf64_Sym *s = &m->symtab[idx];
  // An undefined symbol with a value is an executable's canonical PLT entry:
  // it is the function's address for data references (GLOB_DAT, 64), but a
  // JUMP_SLOT bound to it would jump back into the same PLT entry.
  if (s->st_shndx == SHN_UNDEF && (s->st_value == 0 || r.kind == RefKind::JumpSlot)) return false;
  unsigned type = ELF64_ST_TYPE(s->st_info), bind = ELF64_ST_BIND(s->st_info);
  if (type > STT_FUNC && type != STT_COMMON && type != STT_TLS && type != STT_GNU_IFUNC) return false;
  if (bind != STB_GLOBAL && bind != STB_WEAK && bind != STB_GNU_UNIQUE) return false;
  if (s->st_name >= m->strSize || !streq(m->strtab + s->st_name, r.name)) return false;
  if (!m->versym) return true;
  uint16_t v = m->versym[idx];
  uint16_t ndx = v & 0x7fff;
  if (*r.version) {
    const char *have = ndx < m->versionCount ? m->versionNames[ndx] : nullptr;
    if (have && streq(have, r.version)) return true;
    return ndx <= 1 && !(v & 0x8000); // an unversioned definition satisfies any version
  }
  if (ndx < 3) return true;
  if (!(v & 0x8000) && (*fallbackCount)++ == 0) *fallback = s;
  return false;
}

static const Elf64_Sym *findInModule(const Module *m, const Request &r) {
  if (!m->symtab) return nullptr;
  const Elf64_Sym *fallback = nullptr;
  uint32_t fallbackCount = 0;
  if (m->gnuHash) {
    // DT_GNU_HASH: [nbuckets, symoffset, bloomSize, bloomShift], Bloom
    // words, buckets, then one chain word per symbol from symoffset; the
    // chain word's low bit ends a bucket's run.
    const uint32_t *h = m->gnuHash;
    uint32_t nbuckets = h[0], symoffset = h[1], bloomSize = h[2], bloomShift = h[3];
    const uint64_t *bloom = reinterpret_cast<const uint64_t *>(h + 4);
    const uint32_t *buckets = reinterpret_cast<const uint32_t *>(bloom + bloomSize);
    const uint32_t *chain = buckets + nbuckets;
    uint64_t word = bloom[(r.gnu / 64) % bloomSize];
    uint64_t mask = (1ull << (r.gnu % 64)) | (1ull << ((r.gnu >> bloomShift) % 64));
    if ((word & mask) != mask) return nullptr; // Bloom filter: certainly absent
    uint32_t idx = buckets[r.gnu % nbuckets];
    if (idx < symoffset) return nullptr;
    for (; idx < m->symCount; ++idx) { // symCount: dynamic.cpp checked the chain
      uint32_t hv = chain[idx - symoffset];
      if ((hv | 1) == (r.gnu | 1) && accepts(m, idx, r, &fallback, &fallbackCount)) return &m->symtab[idx];
      if (hv & 1) break;
    }
  } else {
    const uint32_t *h = m->sysvHash;
    uint32_t nbucket = h[0];
    const uint32_t *bucket = h + 2, *chain = h + 2 + nbucket;
    // Bounded by nchain (= symCount), which also stops a looping chain.
    uint32_t steps = 0;
    for (uint32_t idx = bucket[r.sysv % nbucket]; idx != STN_UNDEF && idx < m->symCount && steps++ < m->symCount;
         idx = chain[idx])
      if (accepts(m, idx, r, &fallback, &fallbackCount)) return &m->symtab[idx];
  }
  return fallbackCount == 1 ? fallback : nullptr;
}

const char *referenceVersion(const Module *ref, uint32_t symIndex) {
  if (!ref->versym) return "";
  uint16_t ndx = ref->versym[symIndex] & 0x7fff;
  if (ndx < 2 || ndx >= ref->versionCount || !ref->versionNames[ndx]) return "";
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
  if (d.sym->st_shndx != SHN_ABS && (d.address < d.module->mapStart || d.address > d.module->mapEnd))
    fatal(errorText(d.module->path).str("symbol ").str(symbolName(d.module, d.sym - d.module->symtab))
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
    if (m == q.skip || (m->host && q.ownOnly)) return false;
    if (m->host && !builtinsTried && builtin()) return true;
    if (const Elf64_Sym *def = findInModule(m, r)) {
      d.module = m;
      d.sym = def;
      return true;
    }
    return false;
  };
  if (q.scope) {
    for (uint32_t i = 0; i < q.scopeCount; ++i)
      if (visit(q.scope[i])) break;
  } else {
    for (const Module *m = q.from ? q.from : L.head; m; m = m->next)
      if (visit(m)) break;
  }
  if (d.found) return d; // a builtin
  if (!d.sym) {
    if (!builtinsTried) builtin();
    return d;
  }
  return finishDefinition(d);
}

Definition resolveSymbol(const Loader &L, const Module *ref, uint32_t symIndex, RefKind kind, bool ownOnly) {
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
