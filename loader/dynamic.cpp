// dynamic.cpp: decodeDynamic(). Runs right after mapping, before anything
// looks at symbols: lookup, relocation and dependency search all read the
// decoded fields instead of walking .dynamic again.
#include "dynamic.h"
#include "diag.h"
#include "hash-lookup.h"
#include "support.h"

namespace mload {

static int slotFor(int64_t tag) {
  if (tag >= 0 && tag < DynTagCount)
    return static_cast<int>(tag);
  switch (tag) {
  case DT_GNU_HASH:
    return SlotGnuHash;
  case DT_VERSYM:
    return SlotVersym;
  case DT_VERDEF:
    return SlotVerdef;
  case DT_VERDEFNUM:
    return SlotVerdefNum;
  case DT_VERNEED:
    return SlotVerneed;
  case DT_VERNEEDNUM:
    return SlotVerneedNum;
  case DT_FLAGS_1:
    return SlotFlags1;
  default:
    return -1;
  }
}

// Tags whose value is an address in the image: a corrupt file must not
// make us read outside what we mapped.
static bool isAddressTag(int slot) {
  switch (slot) {
  case DT_HASH:
  case DT_STRTAB:
  case DT_SYMTAB:
  case DT_RELA:
  case DT_JMPREL:
  case DT_PLTGOT:
  case DT_RELR:
  case DT_INIT:
  case DT_FINI:
  case DT_INIT_ARRAY:
  case DT_FINI_ARRAY:
  case DT_PREINIT_ARRAY:
  case SlotGnuHash:
  case SlotVersym:
  case SlotVerdef:
  case SlotVerneed:
    return true;
  default:
    return false;
  }
}

void requireInside(const Module *m, const void *p, uint64_t size, const char *what,
                   uint64_t align) {
  if (!inImage(m, p, size))
    fatal(errorText(m->path).str(what).str(" lies outside the image (corrupt file?)"));
  if (reinterpret_cast<uint64_t>(p) % align)
    fatal(errorText(m->path).str(what).str(" is misaligned (corrupt file?)"));
}

// Version index -> name. Index 0 and 1 ("local", "global") have none.
static void readVersions(Module *m) {
  uint32_t maxIndex = 1;
  auto widen = [&](uint32_t index) { maxIndex = index > maxIndex ? index : maxIndex; };
  forEachDefinition(m, [&](uint32_t index, uint32_t, uint16_t) { widen(index); });
  forEachNeed(m, [&](uint32_t, uint32_t index, uint32_t, uint16_t) { widen(index); });
  m->versionCount = maxIndex + 1;
  m->versionNames = static_cast<const char **>(allocate(sizeof(char *) * m->versionCount));
  for (uint32_t i = 0; i < m->versionCount; ++i)
    m->versionNames[i] = nullptr;
  auto name = [&](uint32_t off) { return off < m->strSize ? m->strtab + off : nullptr; };
  forEachDefinition(m, [&](uint32_t index, uint32_t off, uint16_t flags) {
    // The base definition names the file itself, not a version.
    if (!(flags & VER_FLG_BASE))
      m->versionNames[index] = name(off);
  });
  forEachNeed(m, [&](uint32_t, uint32_t index, uint32_t off, uint16_t) {
    m->versionNames[index] = name(off);
  });
}

// Every table the loader will read through .dynamic lies in the image.
static void checkTables(Module *m) {
  m->strSize = m->dyn[DT_STRSZ];
  requireInside(m, m->strtab, m->strSize, "DT_STRTAB");
  if (m->strSize == 0 || m->strtab[m->strSize - 1] != '\0')
    fatal(m->path, "DT_STRTAB is not NUL-terminated");
  uint64_t hashedEnd = 0;
  m->symCount = countSymbols(m, &hashedEnd);
  m->hashedEnd = m->sysvHash || !m->gnuHash ? m->symCount : hashedEnd;
  if (m->versym) {
    // With only DT_GNU_HASH, symCount runs to the end of .dynsym's segment,
    // and DT_VERSYM, often near that end (after a long .dynstr), need not
    // have room for that many: it must cover the hashed symbols, and a
    // reference past what it covers is reported where it is read.
    uint64_t need = m->sysvHash ? m->symCount : hashedEnd;
    requireInside(m, m->versym, 2 * need, "DT_VERSYM", 2);
    uint64_t room = (segmentEnd(m, reinterpret_cast<uint64_t>(m->versym), PF_R) -
                     reinterpret_cast<uint64_t>(m->versym)) /
                    2;
    m->versymCount = m->sysvHash || room > m->symCount ? m->symCount : room;
  }
  static const unsigned tables[][2] = {{DT_RELA, DT_RELASZ},
                                       {DT_RELR, DT_RELRSZ},
                                       {DT_JMPREL, DT_PLTRELSZ},
                                       {DT_INIT_ARRAY, DT_INIT_ARRAYSZ},
                                       {DT_FINI_ARRAY, DT_FINI_ARRAYSZ},
                                       {DT_PREINIT_ARRAY, DT_PREINIT_ARRAYSZ}};
  // A table without its size would be silently skipped (the program then
  // jumps through unrelocated slots): each comes with its size tag.
  for (const auto &t : tables)
    if (m->has(t[0]) && !m->has(t[1]))
      fatal(errorText(m->path)
                .str("dynamic tag ")
                .dec(t[0])
                .str(" has no size tag (")
                .dec(t[1])
                .str(")"));
  for (const auto &t : tables)
    if (m->has(t[0]))
      requireInside(m, reinterpret_cast<const void *>(laddr(m, m->dyn[t[0]])), m->dyn[t[1]],
                    "a relocation or init table", 8);
  // A misaligned DT_PLTGOT is no table mload reads: the program is then
  // bound at start-up (reloc.cpp, followsPltContract).
  if (m->has(DT_PLTGOT))
    requireInside(m, reinterpret_cast<const void *>(laddr(m, m->dyn[DT_PLTGOT])), 24, "DT_PLTGOT");
}

bool definesVersion(const Module *m, const char *version) {
  bool found = false;
  forEachDefinition(m, [&](uint32_t, uint32_t off, uint16_t flags) {
    found |= !(flags & VER_FLG_BASE) && off < m->strSize && streq(m->strtab + off, version);
  });
  return found;
}

void decodeDynamic(Module *m) {
  if (!m->dynamic)
    return;
  // The walk stays inside the segment holding .dynamic.
  uint64_t end = segmentEnd(m, reinterpret_cast<uint64_t>(m->dynamic), PF_R);
  if (reinterpret_cast<uint64_t>(m->dynamic) % alignof(Elf64_Dyn))
    fatal(m->path, "PT_DYNAMIC is misaligned (corrupt file?)");
  for (const Elf64_Dyn *d = m->dynamic;; ++d) {
    if (reinterpret_cast<uint64_t>(d + 1) > end)
      fatal(m->path, "unterminated or unmapped .dynamic section");
    if (d->d_tag == DT_NULL)
      break;
    int slot = slotFor(d->d_tag);
    // DT_NEEDED repeats (dyn[] keeps the last); loadDependencies walks
    // .dynamic for all of them.
    if (slot < 0)
      continue;
    uint64_t value = d->d_un.d_val;
    // ld.so rebases some address tags of the objects it loaded in place
    // (DT_STRTAB, DT_SYMTAB, ... but not DT_VERDEF): in a host object an
    // address at or above the load bias is already a runtime address.
    if (m->host && isAddressTag(slot) && m->base && value >= m->base)
      value -= m->base;
    uint64_t at = laddr(m, value);
    if (isAddressTag(slot) && (at < m->mapStart || at >= m->mapEnd))
      fatal(errorText(m->path)
                .str("dynamic tag ")
                .hex(static_cast<uint64_t>(d->d_tag))
                .str(" points outside the image"));
    m->dyn[slot] = value;
    m->hasDyn |= 1ull << slot;
  }
  if ((m->has(DT_RELA) || m->has(DT_JMPREL) || m->has(DT_NEEDED)) &&
      (!m->has(DT_SYMTAB) || !m->has(DT_STRTAB)))
    fatal(m->path, "relocations or dependencies without DT_SYMTAB/DT_STRTAB");
  // Symbol names are read through DT_STRTAB, and the hash tables are only
  // checked together with it (checkTables): a symbol table alone is corrupt.
  if (m->has(DT_SYMTAB) && !m->has(DT_STRTAB))
    fatal(m->path, "DT_SYMTAB without DT_STRTAB (corrupt file?)");
  if (m->has(DT_TEXTREL) || (m->dyn[DT_FLAGS] & DF_TEXTREL))
    fatal(m->path, "text relocations (DT_TEXTREL) are not supported; rebuild with -fPIC");
  if (m->has(DT_STRTAB))
    m->strtab = reinterpret_cast<const char *>(laddr(m, m->dyn[DT_STRTAB]));
  if (m->has(DT_SYMTAB))
    m->symtab = reinterpret_cast<const Elf64_Sym *>(laddr(m, m->dyn[DT_SYMTAB]));
  if (m->has(DT_HASH))
    m->sysvHash = reinterpret_cast<const uint32_t *>(laddr(m, m->dyn[DT_HASH]));
  if (m->has(SlotGnuHash))
    m->gnuHash = reinterpret_cast<const uint32_t *>(laddr(m, m->dyn[SlotGnuHash]));
  if (m->has(SlotVersym))
    m->versym = reinterpret_cast<const uint16_t *>(laddr(m, m->dyn[SlotVersym]));
  if (m->symtab && !m->sysvHash && !m->gnuHash)
    fatal(m->path, "no DT_HASH or DT_GNU_HASH symbol hash table");
  if (m->has(DT_PLTREL) && m->dyn[DT_PLTREL] != DT_RELA)
    fatal(m->path, "DT_PLTREL is not DT_RELA");
  m->bindNow =
      m->has(DT_BIND_NOW) || (m->dyn[DT_FLAGS] & DF_BIND_NOW) || (m->dyn[SlotFlags1] & DF_1_NOW);
  if (m->strtab) {
    checkTables(m);
    readVersions(m);
  }
}

} // namespace mload
