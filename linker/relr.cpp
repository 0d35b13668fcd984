// .relr.dyn: which RELATIVE relocations are packed, the SHT_RELR encoding,
// and the sizing loop. The relocations themselves are decided by the scan
// (relocations.cpp) and the GOT (dynamic.cpp); this file only moves and
// encodes them.
#include "relr.h"

#include "context.h"
#include "layout.h"
#include "stats.h"

#include "llvm/Support/Endian.h"
#include "llvm/Support/Parallel.h"

#include <algorithm>

namespace mld {

using namespace llvm::ELF;

// A bitmap word covers the 63 words after its run's start (bit 0 marks it).
static constexpr uint64_t bitmapWords = 63;

std::vector<uint64_t> encodeRelr(llvm::ArrayRef<uint64_t> places) {
  std::vector<uint64_t> words;
  size_t i = 0, n = places.size();
  while (i < n) {
    words.push_back(places[i]);
    uint64_t base = places[i++] + 8;
    while (i < n) {
      uint64_t bitmap = 0;
      for (; i < n; i++) {
        // (A place before base wraps around to a large delta, and so
        // starts a new run, as does one not a whole number of words on.)
        uint64_t delta = places[i] - base;
        if (delta >= bitmapWords * 8 || delta % 8)
          break;
        bitmap |= uint64_t(1) << (delta / 8);
      }
      if (!bitmap)
        break;
      words.push_back(bitmap << 1 | 1);
      base += bitmapWords * 8;
    }
  }
  return words;
}

std::vector<uint64_t> decodeRelr(llvm::ArrayRef<uint64_t> words) {
  std::vector<uint64_t> places;
  uint64_t base = 0;
  for (uint64_t w : words) {
    if (!(w & 1)) {
      places.push_back(w);
      base = w + 8;
      continue;
    }
    for (uint64_t bits = w >> 1, k = 0; bits; bits >>= 1, k++)
      if (bits & 1)
        places.push_back(base + k * 8);
    base += bitmapWords * 8;
  }
  return places;
}

// GNU ld's rule (bfd/elfxx-x86.c, _bfd_x86_elf_link_relax_section): a
// RELATIVE relocation is packed unless its input section is only byte
// aligned or its offset is odd, so a place 2, 4 or 6 bytes past a word
// boundary is packed too (it takes an address word of its own). Those
// against an IFUNC stay in .rela.dyn, as GNU ld leaves them.
static bool isPackable(const DynReloc &r) {
  if (r.type != R_X86_64_RELATIVE || (r.sym && r.sym->type == STT_GNU_IFUNC))
    return false;
  if (r.isec)
    return r.isec->align > 1 && r.offset % 2 == 0;
  return r.offset % 8 == 0; // a .got slot
}

void packRelativeRelocs(Context &ctx) {
  if (!ctx.relrDyn)
    return;
  std::vector<DynReloc> &all = ctx.relaDyn->relocs;
  size_t kept = 0;
  for (DynReloc &r : all) {
    if (isPackable(r))
      ctx.relrDyn->relocs.push_back(r);
    else
      all[kept++] = r;
  }
  all.resize(kept);
}

bool RelrDynSection::encode(Context &ctx) {
  std::vector<uint64_t> places(relocs.size());
  llvm::parallelForEachN(0, relocs.size(), [&](size_t i) { places[i] = relocs[i].getOffset(); });
  llvm::parallelSort(places.begin(), places.end());
  // (Two relocations of one place would add the bias twice.)
  places.erase(std::unique(places.begin(), places.end()), places.end());
  words = encodeRelr(places);
  if (words.size() * 8 <= shdr.sh_size)
    return true;
  shdr.sh_size = words.size() * 8;
  return false;
}

void RelrDynSection::writeTo(Context &ctx, uint8_t *buf) {
  // Words past the encoding (the section never shrinks, see sizeRelrDyn)
  // are empty bitmaps: they relocate nothing.
  for (uint64_t i = 0; i < shdr.sh_size / 8; i++)
    llvm::support::endian::write64le(buf + i * 8, i < words.size() ? words[i] : 1);
}

// The encoding depends on the distances between places, which are fixed
// within an output section but not across them, so it is computed from the
// assigned addresses; and .relr.dyn lies before the code and data, so its
// size can move them (past a page boundary, or an alignment above a page).
// As in GNU ld, the section is laid out again while it grows and never
// shrinks (a shorter encoding is padded), so the size only increases; if it
// still moves after a few rounds, it takes one word per place, which any
// encoding fits.
void sizeRelrDyn(Context &ctx) {
  RelrDynSection *relr = ctx.relrDyn;
  if (!relr || relr->relocs.empty())
    return;
  ScopedTimer timer(ctx, "sizeRelrDyn");
  constexpr int maxRounds = 4;
  for (int round = 0; !relr->encode(ctx); round++) {
    if (round == maxRounds)
      relr->shdr.sh_size = relr->relocs.size() * 8;
    assignAddresses(ctx);
  }
}

} // namespace mld
