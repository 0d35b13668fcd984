// dynamic.cpp: decodeDynamic(). Runs right after mapping, before anything
// looks at symbols: lookup, relocation and dependency search all read the
// decoded fields instead of walking .dynamic again.
#include "dynamic.h"
#include "diag.h"
#include "support.h"

namespace mload {

static int slotFor(int64_t tag) {
  if (tag >= 0 && tag < DynTagCount) return static_cast<int>(tag);
  switch (tag) {
  case DT_GNU_HASH: return SlotGnuHash;
  case DT_VERSYM: return SlotVersym;
  case DT_VERDEF: return SlotVerdef;
  case DT_VERDEFNUM: return SlotVerdefNum;
  case DT_VERNEED: return SlotVerneed;
  case DT_VERNEEDNUM: return SlotVerneedNum;
  case DT_FLAGS_1: return SlotFlags1;
  default: return -1;
  }
}

// Version index -> name, from .gnu.version_d (our definitions) and
// .gnu.version_r (what we need from others). Index 0 and 1 are "local" and
// "global" and have no name (gABI symbol versioning).
static void readVersions(Module *m) {
  uint32_t maxIndex = 1;
  if (m->has(SlotVerdef)) {
    auto *vd = reinterpret_cast<const Elf64_Verdef *>(laddr(m, m->dyn[SlotVerdef]));
    for (uint64_t i = 0; i < m->dyn[SlotVerdefNum]; ++i) {
      if ((vd->vd_ndx & 0x7fff) > maxIndex) maxIndex = vd->vd_ndx & 0x7fff;
      if (!vd->vd_next) break;
      vd = reinterpret_cast<const Elf64_Verdef *>(reinterpret_cast<const char *>(vd) + vd->vd_next);
    }
  }
  if (m->has(SlotVerneed)) {
    auto *vn = reinterpret_cast<const Elf64_Verneed *>(laddr(m, m->dyn[SlotVerneed]));
    for (uint64_t i = 0; i < m->dyn[SlotVerneedNum]; ++i) {
      auto *aux = reinterpret_cast<const Elf64_Vernaux *>(reinterpret_cast<const char *>(vn) + vn->vn_aux);
      for (uint32_t j = 0; j < vn->vn_cnt; ++j) {
        if ((aux->vna_other & 0x7fff) > maxIndex) maxIndex = aux->vna_other & 0x7fff;
        aux = reinterpret_cast<const Elf64_Vernaux *>(reinterpret_cast<const char *>(aux) + aux->vna_next);
      }
      if (!vn->vn_next) break;
      vn = reinterpret_cast<const Elf64_Verneed *>(reinterpret_cast<const char *>(vn) + vn->vn_next);
    }
  }
  m->versionCount = maxIndex + 1;
  m->versionNames = static_cast<const char **>(allocate(sizeof(char *) * m->versionCount));
  for (uint32_t i = 0; i < m->versionCount; ++i) m->versionNames[i] = nullptr;
  if (m->has(SlotVerdef)) {
    auto *vd = reinterpret_cast<const Elf64_Verdef *>(laddr(m, m->dyn[SlotVerdef]));
    for (uint64_t i = 0; i < m->dyn[SlotVerdefNum]; ++i) {
      auto *aux = reinterpret_cast<const Elf64_Verdaux *>(reinterpret_cast<const char *>(vd) + vd->vd_aux);
      // The base definition (VER_FLG_BASE) names the file itself, not a version.
      if (!(vd->vd_flags & VER_FLG_BASE)) m->versionNames[vd->vd_ndx & 0x7fff] = m->strtab + aux->vda_name;
      if (!vd->vd_next) break;
      vd = reinterpret_cast<const Elf64_Verdef *>(reinterpret_cast<const char *>(vd) + vd->vd_next);
    }
  }
  if (m->has(SlotVerneed)) {
    auto *vn = reinterpret_cast<const Elf64_Verneed *>(laddr(m, m->dyn[SlotVerneed]));
    for (uint64_t i = 0; i < m->dyn[SlotVerneedNum]; ++i) {
      auto *aux = reinterpret_cast<const Elf64_Vernaux *>(reinterpret_cast<const char *>(vn) + vn->vn_aux);
      for (uint32_t j = 0; j < vn->vn_cnt; ++j) {
        m->versionNames[aux->vna_other & 0x7fff] = m->strtab + aux->vna_name;
        aux = reinterpret_cast<const Elf64_Vernaux *>(reinterpret_cast<const char *>(aux) + aux->vna_next);
      }
      if (!vn->vn_next) break;
      vn = reinterpret_cast<const Elf64_Verneed *>(reinterpret_cast<const char *>(vn) + vn->vn_next);
    }
  }
}

// Tags whose value is an address in the image: a corrupt file must not
// make us read outside what we mapped.
static bool isAddressTag(int slot) {
  switch (slot) {
  case DT_HASH: case DT_STRTAB: case DT_SYMTAB: case DT_RELA: case DT_JMPREL: case DT_PLTGOT:
  case DT_INIT: case DT_FINI: case DT_INIT_ARRAY: case DT_FINI_ARRAY: case DT_PREINIT_ARRAY:
  case SlotGnuHash: case SlotVersym: case SlotVerdef: case SlotVerneed:
    return true;
  default:
    return false;
  }
}

void decodeDynamic(Module *m) {
  if (!m->dynamic) return;
  const Elf64_Dyn *end = reinterpret_cast<const Elf64_Dyn *>(m->mapEnd);
  for (const Elf64_Dyn *d = m->dynamic; d->d_tag != DT_NULL; ++d) {
    if (d + 1 >= end) fatal(m->path, "unterminated .dynamic section");
    int slot = slotFor(d->d_tag);
    // DT_NEEDED repeats (dyn[] keeps the last); loadDependencies walks
    // .dynamic for all of them.
    if (slot < 0) continue;
    uint64_t at = laddr(m, d->d_un.d_ptr);
    if (isAddressTag(slot) && (at < m->mapStart || at >= m->mapEnd))
      fatal(errorText(m->path).str("dynamic tag ").hex(static_cast<uint64_t>(d->d_tag))
                .str(" points outside the image"));
    m->dyn[slot] = d->d_un.d_val;
    m->hasDyn |= 1ull << slot;
  }
  if ((m->has(DT_RELA) || m->has(DT_JMPREL) || m->has(DT_NEEDED)) && (!m->has(DT_SYMTAB) || !m->has(DT_STRTAB)))
    fatal(m->path, "relocations or dependencies without DT_SYMTAB/DT_STRTAB");
  if (m->has(DT_TEXTREL) || (m->dyn[DT_FLAGS] & DF_TEXTREL))
    fatal(m->path, "text relocations (DT_TEXTREL) are not supported; rebuild with -fPIC");
  if (m->has(DT_STRTAB)) m->strtab = reinterpret_cast<const char *>(laddr(m, m->dyn[DT_STRTAB]));
  if (m->has(DT_SYMTAB)) m->symtab = reinterpret_cast<const Elf64_Sym *>(laddr(m, m->dyn[DT_SYMTAB]));
  if (m->has(DT_HASH)) m->sysvHash = reinterpret_cast<const uint32_t *>(laddr(m, m->dyn[DT_HASH]));
  if (m->has(SlotGnuHash)) m->gnuHash = reinterpret_cast<const uint32_t *>(laddr(m, m->dyn[SlotGnuHash]));
  if (m->has(SlotVersym)) m->versym = reinterpret_cast<const uint16_t *>(laddr(m, m->dyn[SlotVersym]));
  if (m->symtab && !m->sysvHash && !m->gnuHash) fatal(m->path, "no DT_HASH or DT_GNU_HASH symbol hash table");
  if (m->has(DT_PLTREL) && m->dyn[DT_PLTREL] != DT_RELA) fatal(m->path, "DT_PLTREL is not DT_RELA");
  m->bindNow = m->has(DT_BIND_NOW) || (m->dyn[DT_FLAGS] & DF_BIND_NOW) || (m->dyn[SlotFlags1] & DF_1_NOW);
  if (m->strtab) readVersions(m);
}

} // namespace mload
