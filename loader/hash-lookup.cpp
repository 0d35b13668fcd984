// hash-lookup.cpp: the symbol hash tables (see hash-lookup.h): their checks,
// run once when .dynamic is decoded, and the lookup in one module.
#include "hash-lookup.h"
#include "diag.h"
#include "dynamic.h"
#include "support.h"

namespace mload {

// A bound on the .dynsym index, which ELF only records indirectly: nchain
// of DT_HASH; with only DT_GNU_HASH (which leaves out undefined symbols),
// the entries up to the end of the segment holding .dynsym. Every hash
// table word read later is checked to lie in the image here.
uint64_t countSymbols(const Module *m, uint64_t *hashedEnd) {
  uint64_t count = 0;
  if (const uint32_t *h = m->sysvHash) {
    requireInside(m, h, 8, "DT_HASH", 4);
    if (h[0] == 0)
      fatal(m->path, "DT_HASH has no buckets");
    requireInside(m, h, 8 + 4ull * h[0] + 4ull * h[1], "DT_HASH");
    count = h[1];
  }
  if (const uint32_t *h = m->gnuHash) {
    requireInside(m, h, 16, "DT_GNU_HASH", 8); // its Bloom words are 64-bit
    uint32_t nbuckets = h[0], symoffset = h[1], bloomSize = h[2];
    if (nbuckets == 0 || bloomSize == 0)
      fatal(m->path, "DT_GNU_HASH has no buckets");
    // The second Bloom bit is (hash >> shift) % 64 of a 32-bit hash: a
    // shift past 31 means nothing (and is undefined in C).
    if (h[3] >= 32)
      fatal(m->path, "DT_GNU_HASH has a bad Bloom shift (corrupt file?)");
    requireInside(m, h, 16 + 8ull * bloomSize + 4ull * nbuckets, "DT_GNU_HASH");
    const uint32_t *buckets = h + 4 + 2ull * bloomSize, *chain = buckets + nbuckets;
    uint64_t last = 0;
    for (uint32_t i = 0; i < nbuckets; ++i)
      last = buckets[i] > last ? buckets[i] : last;
    uint64_t gnuCount = symoffset;
    if (last >= symoffset) {
      // The last bucket's run ends the chain array: walk to its end bit.
      for (;; ++last) {
        requireInside(m, chain + (last - symoffset), 4, "DT_GNU_HASH");
        if (chain[last - symoffset] & 1)
          break;
      }
      gnuCount = last + 1;
    }
    if (!m->sysvHash) {
      uint64_t symtab = reinterpret_cast<uint64_t>(m->symtab), end = segmentEnd(m, symtab, PF_R);
      count = end > symtab ? (end - symtab) / sizeof(Elf64_Sym) : 0;
      if (count < gnuCount)
        fatal(m->path, "DT_GNU_HASH reaches past the end of .dynsym");
      if (hashedEnd)
        *hashedEnd = gnuCount;
    }
  }
  requireInside(m, m->symtab, count * sizeof(Elf64_Sym), "DT_SYMTAB", alignof(Elf64_Sym));
  return count;
}

uint32_t gnuHash(const char *name) {
  uint32_t h = 5381;
  for (const unsigned char *p = reinterpret_cast<const unsigned char *>(name); *p; ++p)
    h = h * 33 + *p;
  return h;
}

uint32_t sysvHash(const char *name) {
  uint32_t h = 0;
  for (const unsigned char *p = reinterpret_cast<const unsigned char *>(name); *p; ++p) {
    h = (h << 4) + *p;
    uint32_t g = h & 0xf0000000;
    if (g)
      h ^= g >> 24;
    h &= ~g;
  }
  return h;
}

// Does symbol `idx` of `m` define what `r` asks for? `fallback` collects a
// non-default version for an unversioned reference when it is the only one.
static bool accepts(const Module *m, uint32_t idx, const Request &r, const Elf64_Sym **fallback,
                    uint32_t *fallbackCount) {
  const Elf64_Sym *s = &m->symtab[idx];
  // An undefined symbol with a value is an executable's canonical PLT entry:
  // it is the function's address for data references (GLOB_DAT, 64), but a
  // JUMP_SLOT bound to it would jump back into the same PLT entry.
  if (s->st_shndx == SHN_UNDEF && (s->st_value == 0 || r.kind == RefKind::JumpSlot))
    return false;
  unsigned type = ELF64_ST_TYPE(s->st_info), bind = ELF64_ST_BIND(s->st_info);
  if (type > STT_FUNC && type != STT_COMMON && type != STT_TLS && type != STT_GNU_IFUNC)
    return false;
  if (bind != STB_GLOBAL && bind != STB_WEAK && bind != STB_GNU_UNIQUE)
    return false;
  if (s->st_name >= m->strSize || !streq(m->strtab + s->st_name, r.name))
    return false;
  if (!m->versym)
    return true;
  uint16_t v = m->versym[idx];
  uint16_t ndx = v & 0x7fff;
  if (*r.version) {
    const char *have = ndx < m->versionCount ? m->versionNames[ndx] : nullptr;
    if (have && streq(have, r.version))
      return true;
    return ndx <= 1 && !(v & 0x8000); // an unversioned definition satisfies any version
  }
  if (ndx < 3)
    return true;
  if (!(v & 0x8000) && (*fallbackCount)++ == 0)
    *fallback = s;
  return false;
}

const Elf64_Sym *findInModule(const Module *m, const Request &r) {
  if (!m->symtab)
    return nullptr;
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
    if ((word & mask) != mask)
      return nullptr; // Bloom filter: certainly absent
    uint32_t idx = buckets[r.gnu % nbuckets];
    if (idx < symoffset)
      return nullptr;
    for (; idx < m->symCount; ++idx) { // symCount: dynamic.cpp checked the chain
      uint32_t hv = chain[idx - symoffset];
      if ((hv | 1) == (r.gnu | 1) && accepts(m, idx, r, &fallback, &fallbackCount))
        return &m->symtab[idx];
      if (hv & 1)
        break;
    }
  } else {
    const uint32_t *h = m->sysvHash;
    uint32_t nbucket = h[0];
    const uint32_t *bucket = h + 2, *chain = h + 2 + nbucket;
    // Bounded by nchain (= symCount), which also stops a looping chain.
    uint32_t steps = 0;
    for (uint32_t idx = bucket[r.sysv % nbucket];
         idx != STN_UNDEF && idx < m->symCount && steps++ < m->symCount; idx = chain[idx])
      if (accepts(m, idx, r, &fallback, &fallbackCount))
        return &m->symtab[idx];
  }
  return fallbackCount == 1 ? fallback : nullptr;
}

} // namespace mload
