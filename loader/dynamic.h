// dynamic.h: decoding a module's .dynamic once, into Module::dyn[] by tag.
#pragma once

#include "module.h"

namespace mload {

// Fill dyn[], the symbol/string/hash table pointers and the version-name
// table. Pointers in .dynamic are link-time addresses; these are rebased.
void decodeDynamic(Module *m);

// The DT_NEEDED / DT_RPATH / DT_RUNPATH strings live in DT_STRTAB; an
// offset past its end reads as "".
inline const char *dynString(const Module *m, uint64_t off) {
  return off < m->strSize ? m->strtab + off : "";
}

// Fatal "WHAT lies outside the image" unless [p, p + size) is mapped, and
// "WHAT is misaligned" unless p is a multiple of `align` (the loader reads
// the table's words in place: ELF aligns every table to its entries).
void requireInside(const Module *m, const void *p, uint64_t size, const char *what,
                   uint64_t align = 1);

// gABI symbol versioning. fn(index, name offset, vd_flags) for each entry of
// .gnu.version_d (the versions m defines, index 1 being the file itself).
template <typename Fn> void forEachDefinition(const Module *m, Fn fn) {
  if (!m->has(SlotVerdef))
    return;
  const char *p = reinterpret_cast<const char *>(laddr(m, m->dyn[SlotVerdef]));
  for (uint64_t i = 0; i < m->dyn[SlotVerdefNum]; ++i) {
    auto *vd = reinterpret_cast<const Elf64_Verdef *>(p);
    requireInside(m, vd, sizeof(*vd), "DT_VERDEF", alignof(Elf64_Verdef));
    auto *aux = reinterpret_cast<const Elf64_Verdaux *>(p + vd->vd_aux);
    requireInside(m, aux, sizeof(*aux), "DT_VERDEF", alignof(Elf64_Verdaux));
    fn(vd->vd_ndx & 0x7fffu, aux->vda_name, vd->vd_flags);
    if (!vd->vd_next)
      break;
    p += vd->vd_next;
  }
}

// fn(file name offset, index, version name offset, vna_flags) for each
// version m needs (.gnu.version_r).
template <typename Fn> void forEachNeed(const Module *m, Fn fn) {
  if (!m->has(SlotVerneed))
    return;
  const char *p = reinterpret_cast<const char *>(laddr(m, m->dyn[SlotVerneed]));
  for (uint64_t i = 0; i < m->dyn[SlotVerneedNum]; ++i) {
    auto *vn = reinterpret_cast<const Elf64_Verneed *>(p);
    requireInside(m, vn, sizeof(*vn), "DT_VERNEED", alignof(Elf64_Verneed));
    const char *q = p + vn->vn_aux;
    for (uint32_t j = 0; j < vn->vn_cnt; ++j) {
      auto *aux = reinterpret_cast<const Elf64_Vernaux *>(q);
      requireInside(m, aux, sizeof(*aux), "DT_VERNEED", alignof(Elf64_Vernaux));
      fn(vn->vn_file, aux->vna_other & 0x7fffu, aux->vna_name, aux->vna_flags);
      if (!aux->vna_next)
        break;
      q += aux->vna_next;
    }
    if (!vn->vn_next)
      break;
    p += vn->vn_next;
  }
}

// Does m define version `version` (.gnu.version_d)?
bool definesVersion(const Module *m, const char *version);

} // namespace mload
