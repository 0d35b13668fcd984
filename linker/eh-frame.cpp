// .eh_frame_hdr: counting FDEs before layout and building the sorted
// (initial location, FDE) table from the relocated .eh_frame afterwards.
// Record format: LSB "Exception Frames" / DWARF 4 section 6.4.1.
#include "eh-frame.h"
#include "stats.h"

#include "context.h"
#include "parallel.h"
#include "dynamic.h"

#include "llvm/Support/Endian.h"
#include "llvm/Support/Parallel.h"
#include "llvm/Support/xxhash.h"

#include <algorithm>
#include <atomic>
#include <map>
#include <tuple>
#include <unordered_map>

namespace mld {

using llvm::support::endian::read16le;
using llvm::support::endian::read32le;
using llvm::support::endian::read64le;
using llvm::support::endian::write32le;

// DW_EH_PE_* pointer encodings.
enum : uint8_t {
  PeAbsptr = 0x00,
  PeUleb = 0x01,
  PeUdata2 = 0x02,
  PeUdata4 = 0x03,
  PeUdata8 = 0x04,
  PeSleb = 0x09,
  PeSdata2 = 0x0a,
  PeSdata4 = 0x0b,
  PeSdata8 = 0x0c,
  PePcrel = 0x10,
  PeDatarel = 0x30,
  PeOmit = 0xff,
};

static uint64_t readUleb(const uint8_t *&p, const uint8_t *end) {
  uint64_t v = 0;
  for (unsigned shift = 0; p < end; shift += 7) {
    uint8_t b = *p++;
    if (shift < 64)
      v |= uint64_t(b & 0x7f) << shift;
    if (!(b & 0x80))
      break;
  }
  return v;
}

static size_t encodedSize(uint8_t enc) {
  switch (enc & 0x0f) {
  case PeAbsptr:
  case PeUdata8:
  case PeSdata8:
    return 8;
  case PeUdata2:
  case PeSdata2:
    return 2;
  case PeUdata4:
  case PeSdata4:
    return 4;
  default:
    return 0; // LEB128: variable
  }
}

// Reads an encoded pointer at `p` (whose address is `va`), or nullopt.
static std::optional<uint64_t> readEncoded(uint8_t enc, const uint8_t *&p, const uint8_t *end,
                                           uint64_t va) {
  uint64_t v;
  switch (enc & 0x0f) {
  case PeAbsptr:
  case PeUdata8:
  case PeSdata8:
    if (end - p < 8)
      return std::nullopt;
    v = read64le(p);
    p += 8;
    break;
  case PeUdata4:
    if (end - p < 4)
      return std::nullopt;
    v = read32le(p);
    p += 4;
    break;
  case PeSdata4:
    if (end - p < 4)
      return std::nullopt;
    v = (int64_t)(int32_t)read32le(p);
    p += 4;
    break;
  case PeUdata2:
    if (end - p < 2)
      return std::nullopt;
    v = read16le(p);
    p += 2;
    break;
  case PeSdata2:
    if (end - p < 2)
      return std::nullopt;
    v = (int64_t)(int16_t)read16le(p);
    p += 2;
    break;
  case PeUleb:
    v = readUleb(p, end);
    break;
  default:
    return std::nullopt;
  }
  if ((enc & 0x70) == PePcrel)
    v += va; // pcrel: relative to the field's own address
  else if ((enc & 0x70) != 0)
    return std::nullopt;
  return v;
}

// Calls f(recordOffset, isCie, size) for each record in `data`.
template <typename F> static void forEachRecord(llvm::ArrayRef<uint8_t> data, F f) {
  for (uint64_t off = 0; off + 4 <= data.size();) {
    uint32_t len = read32le(data.data() + off);
    if (len == 0 || len == 0xffffffff || off + 4 + len > data.size() || len < 4)
      return;
    uint32_t id = read32le(data.data() + off + 4);
    f(off, id == 0, (uint64_t)len + 4);
    off += 4 + len;
  }
}

void EhFrameHdrSection::computeSize(Context &ctx) {
  // .eh_frame's members are fixed once binned: they are counted once, in
  // parallel, however often layout asks.
  if (!counted && ctx.ehFrame) {
    std::vector<InputSection *> &members = ctx.ehFrame->members;
    std::atomic<size_t> total{0};
    parallelForRanges(members.size(), 16, [&](size_t begin, size_t end) {
      size_t n = 0;
      for (size_t i = begin; i < end; i++)
        forEachRecord(members[i]->contents, [&](uint64_t, bool isCie, uint64_t) { n += !isCie; });
      total += n;
    });
    fdeCount = total;
    counted = true;
  }
  shdr.sh_size = 12 + 8 * (uint64_t)fdeCount;
}

// The FDE pointer encoding of the CIE at `cie` ('R' in its augmentation).
static uint8_t fdeEncoding(const uint8_t *cie, const uint8_t *end) {
  const uint8_t *p = cie + 8; // length, CIE id
  uint8_t version = *p++;
  const char *aug = reinterpret_cast<const char *>(p);
  size_t augLen = strnlen(aug, end - p);
  p += augLen + 1;
  if (std::string_view(aug, augLen).find("eh") != std::string_view::npos)
    p += 8;
  readUleb(p, end); // code alignment
  readUleb(p, end); // data alignment (SLEB; only skipped)
  if (version == 1)
    p++;
  else
    readUleb(p, end);
  if (augLen == 0 || aug[0] != 'z')
    return PeAbsptr;
  readUleb(p, end); // augmentation data length
  for (size_t i = 1; i < augLen && p < end; i++) {
    switch (aug[i]) {
    case 'R':
      return *p;
    case 'P': {
      uint8_t enc = *p++;
      size_t n = encodedSize(enc);
      if (n)
        p += n;
      else
        readUleb(p, end);
      break;
    }
    case 'L':
      p++;
      break;
    default:
      break;
    }
  }
  return PeAbsptr;
}

void EhFrameHdrSection::finish(Context &ctx, uint8_t *out) {
  uint8_t *hdr = out + shdr.sh_offset;
  uint64_t hdrVA = shdr.sh_addr;
  Chunk *eh = ctx.ehFrame;
  const uint8_t *base = out + eh->shdr.sh_offset;
  llvm::ArrayRef<uint8_t> data(base, eh->shdr.sh_size);
  // The code sections' address ranges (a handful).
  std::vector<std::pair<uint64_t, uint64_t>> code;
  for (Chunk *c : ctx.chunks)
    if (c->shdr.sh_flags & llvm::ELF::SHF_EXECINSTR)
      code.push_back({c->shdr.sh_addr, c->shdr.sh_addr + c->shdr.sh_size});
  auto isCode = [&](uint64_t va) {
    for (auto [begin, end] : code)
      if (va >= begin && va < end)
        return true;
    return false;
  };
  // Where the FDEs are, by one walk over the record lengths (as an
  // unwinder walks them); then they are decoded in parallel runs.
  std::vector<std::pair<uint64_t, uint64_t>> fdes;
  forEachRecord(data, [&](uint64_t off, bool isCie, uint64_t size) {
    if (!isCie)
      fdes.push_back({off, size});
  });
  constexpr size_t runSize = 4096;
  size_t nruns = (fdes.size() + runSize - 1) / runSize;
  std::vector<std::vector<std::pair<int64_t, int64_t>>> runs(nruns);
  llvm::parallelForEachN(0, nruns, [&](size_t r) {
    // Consecutive FDEs mostly share their CIE: its encoding is kept.
    uint64_t lastCie = UINT64_MAX;
    uint8_t enc = 0;
    for (size_t i = r * runSize; i < std::min(fdes.size(), (r + 1) * runSize); i++) {
      auto [off, size] = fdes[i];
      const uint8_t *rec = base + off;
      uint64_t cieOff = off + 4 - read32le(rec + 4);
      if (cieOff + 9 > data.size())
        continue;
      if (cieOff != lastCie) {
        enc = fdeEncoding(base + cieOff, base + data.size());
        lastCie = cieOff;
      }
      const uint8_t *p = rec + 8;
      uint64_t fieldVA = eh->shdr.sh_addr + off + 8;
      auto pc = readEncoded(enc, p, rec + size, fieldVA);
      // FDEs of discarded functions were relocated to a tombstone: skip them.
      if (!pc || !isCode(*pc))
        continue;
      runs[r].push_back({(int64_t)(*pc - hdrVA), (int64_t)(eh->shdr.sh_addr + off - hdrVA)});
    }
  });
  std::vector<std::pair<int64_t, int64_t>> table;
  table.reserve(fdes.size());
  for (auto &run : runs)
    table.insert(table.end(), run.begin(), run.end());
  // FDEs come almost in address order (objects' code and unwind records
  // are laid out in the same order): the ascending runs are merged pairwise
  // rather than the whole table sorted. Entries are distinct (one per FDE),
  // so this is the table any sort would give.
  std::vector<size_t> bounds = {0};
  for (size_t i = 1; i < table.size(); i++)
    if (table[i] < table[i - 1])
      bounds.push_back(i);
  bounds.push_back(table.size());
  while (bounds.size() > 2) {
    std::vector<size_t> merged = {0};
    for (size_t k = 0; k + 2 < bounds.size(); k += 2) {
      std::inplace_merge(table.begin() + bounds[k], table.begin() + bounds[k + 1],
                         table.begin() + bounds[k + 2]);
      merged.push_back(bounds[k + 2]);
    }
    if (merged.back() != bounds.back())
      merged.push_back(bounds.back());
    bounds = std::move(merged);
  }
  hdr[0] = 1;                    // version
  hdr[1] = PePcrel | PeSdata4;   // eh_frame_ptr encoding
  hdr[2] = PeUdata4;             // fde_count encoding
  hdr[3] = PeDatarel | PeSdata4; // table encoding (relative to this header)
  write32le(hdr + 4, (uint32_t)(eh->shdr.sh_addr - (hdrVA + 4)));
  write32le(hdr + 8, table.size());
  for (size_t i = 0; i < table.size(); i++) {
    write32le(hdr + 12 + i * 8, (uint32_t)table[i].first);
    write32le(hdr + 16 + i * 8, (uint32_t)table[i].second);
  }
}

} // namespace mld

namespace mld {

// Rewrites every .eh_frame input section before layout: FDEs of discarded
// functions (losing COMDAT copies, --gc-sections) are dropped, and a CIE
// identical to one seen earlier (same bytes, same relocation targets) is
// dropped in favour of the first, as GNU ld does. Kept records move up, so
// their relocations move with them; every kept FDE's CIE pointer, which is
// relative and may now cross into another object's records, is recorded in
// ctx.ehFrameCiePatches and written once addresses are known.
//
// Sections are parsed, laid out and rewritten in parallel; only the choice
// of the first copy of each CIE is made in one serial walk in link order,
// over the CIEs alone (a few per object).
namespace {
// A record of an input .eh_frame. Offsets are 32-bit, as .eh_frame_hdr's
// are (sections of 4 GiB or more are left as they are).
struct EhRecord {
  uint32_t off, len;         // in the input section
  uint32_t relFirst, relEnd; // its relocations
  uint32_t newOff;           // kept: offset in the rewritten section
  int32_t cie;               // CIE: its index in cies; FDE: its CIE's, or -1
  bool isCie;
  bool keep; // FDE: its function is kept and its CIE was found
};

struct EhCie {
  uint32_t rec;
  uint64_t hash; // of its bytes and relocations
  // The first identical CIE in link order (itself if it is the first).
  const struct EhSection *canonSec;
  uint32_t canonCie;
};

struct EhSection {
  ObjectFile *file = nullptr;
  InputSection *isec = nullptr;
  std::vector<EhRecord> recs;
  std::vector<EhCie> cies;
  uint64_t tail = 0; // where the records end (crtend.o's terminator)
  uint64_t newSize = 0;
  size_t relaCount = 0, patchBase = 0;
  std::vector<uint8_t> *bytes = nullptr;
  std::vector<ElfRela> *relas = nullptr;

  uint32_t canonOffset(const EhCie &c) const {
    const EhCie &first = c.canonSec->cies[c.canonCie];
    return c.canonSec->recs[first.rec].newOff;
  }
};
} // namespace

static const Symbol *relSymbol(const EhSection &s, const ElfRela &rel) {
  return s.file->symbols[rel.getSymbol(false)];
}

// Calls f(off, len) for each record, stopping where the serial rewrite
// always stopped; returns where the records end.
template <typename F> static uint64_t forEachEhRecord(llvm::ArrayRef<uint8_t> d, F f) {
  uint64_t off = 0;
  for (; off + 8 <= d.size();) {
    uint32_t len = read32le(d.data() + off);
    if (len == 0 || len == 0xffffffff || off + 4 + len > d.size())
      break;
    f(off, len + 4);
    off += 4 + (uint64_t)len;
  }
  return off;
}

// Splits one .eh_frame section into records and hashes its CIEs.
static void parseEhSection(EhSection &s) {
  InputSection &isec = *s.isec;
  llvm::ArrayRef<uint8_t> d = isec.contents;
  size_t n = 0;
  forEachEhRecord(d, [&](uint64_t, uint32_t) { n++; });
  s.recs.reserve(n);
  uint32_t r = 0;
  s.tail = forEachEhRecord(d, [&](uint64_t off, uint32_t len) {
    EhRecord rec;
    rec.off = off;
    rec.len = len;
    uint32_t id = read32le(d.data() + off + 4);
    rec.relFirst = r;
    while (r < isec.relas.size() && isec.relas[r].r_offset < off + len)
      r++;
    rec.relEnd = r;
    rec.newOff = 0;
    rec.cie = -1;
    rec.isCie = id == 0;
    rec.keep = false;
    if (rec.isCie) {
      uint64_t h = llvm::xxHash64(d.slice(off, len));
      for (uint32_t i = rec.relFirst; i < rec.relEnd; i++) {
        const ElfRela &rel = isec.relas[i];
        uint64_t v[] = {rel.r_offset - off, rel.getType(false),
                        (uint64_t)(uintptr_t)relSymbol(s, rel), (uint64_t)rel.r_addend};
        for (uint64_t x : v)
          h = (h ^ x) * 0x9e3779b97f4a7c15ull;
      }
      rec.cie = s.cies.size();
      s.cies.push_back({(uint32_t)s.recs.size(), h, nullptr, 0});
    } else {
      // Its CIE must come earlier in the same section (there are few).
      uint64_t cieOff = off + 4 - id;
      for (uint32_t i = 0; i < s.cies.size(); i++)
        if (s.recs[s.cies[i].rec].off == cieOff)
          rec.cie = i;
      rec.keep = rec.cie >= 0;
    }
    s.recs.push_back(rec);
  });
  // FDEs of discarded functions go (in a loop of its own: each test is a
  // chain of cache misses, which the CPU overlaps best in a short loop).
  for (EhRecord &rec : s.recs)
    if (rec.keep && !rec.isCie && rec.relFirst < rec.relEnd &&
        relSymbol(s, isec.relas[rec.relFirst])->isInDiscardedSection())
      rec.keep = false;
}

// Whether two CIEs have the same bytes and relocations.
static bool sameCie(const EhSection &a, const EhCie &ca, const EhSection &b, const EhCie &cb) {
  const EhRecord &x = a.recs[ca.rec], &y = b.recs[cb.rec];
  if (ca.hash != cb.hash || x.len != y.len || x.relEnd - x.relFirst != y.relEnd - y.relFirst ||
      memcmp(a.isec->contents.data() + x.off, b.isec->contents.data() + y.off, x.len) != 0)
    return false;
  for (uint32_t i = 0; i < x.relEnd - x.relFirst; i++) {
    const ElfRela &p = a.isec->relas[x.relFirst + i];
    const ElfRela &q = b.isec->relas[y.relFirst + i];
    if (p.r_offset - x.off != q.r_offset - y.off || p.getType(false) != q.getType(false) ||
        relSymbol(a, p) != relSymbol(b, q) || p.r_addend != q.r_addend)
      return false;
  }
  return true;
}

// Writes the kept records of `s` and their relocations, and the CIE
// pointer patches of its FDEs from s.patchBase on.
static void rewriteEhSection(Context &ctx, EhSection &s) {
  InputSection &isec = *s.isec;
  llvm::ArrayRef<uint8_t> d = isec.contents;
  s.bytes->resize(s.newSize);
  s.relas->resize(s.relaCount);
  uint8_t *out = s.bytes->data();
  ElfRela *rel = s.relas->data();
  EhFrameCiePatch *patch = ctx.ehFrameCiePatches.data() + s.patchBase;
  for (const EhRecord &rec : s.recs) {
    if (!rec.keep)
      continue;
    memcpy(out + rec.newOff, d.data() + rec.off, rec.len);
    for (uint32_t i = rec.relFirst; i < rec.relEnd; i++) {
      *rel = isec.relas[i];
      rel->r_offset = rel->r_offset - rec.off + rec.newOff;
      rel++;
    }
    if (!rec.isCie) {
      const EhCie &cie = s.cies[rec.cie];
      *patch++ = {&isec, (uint64_t)rec.newOff + 4, cie.canonSec->isec, s.canonOffset(cie)};
    }
  }
  // The terminator (crtend.o's zero word) and anything after it. When
  // every record was dropped and there is no tail, `out` may be null, and
  // memcpy must not be given a null pointer even for zero bytes.
  if (d.size() > s.tail)
    memcpy(out + s.newSize - (d.size() - s.tail), d.data() + s.tail, d.size() - s.tail);
  isec.contents = *s.bytes;
  isec.relas = *s.relas;
  isec.size = s.newSize;
}

void pruneEhFrames(Context &ctx, llvm::ArrayRef<InputSection *> ehFrames) {
  ScopedTimer timer(ctx, "pruneEhFrames");
  std::vector<EhSection> storage;
  for (InputSection *isec : ehFrames)
    if (isec->contents.size() <= UINT32_MAX) {
      EhSection &s = storage.emplace_back();
      s.file = isec->file;
      s.isec = isec;
    }
  parallelForIndices(storage.size(), 8, [&](size_t i) { parseEhSection(storage[i]); });
  std::vector<EhSection *> sections;
  for (EhSection &s : storage)
    sections.push_back(&s);

  // In link order, over the CIEs only: the first copy of each is kept.
  std::unordered_multimap<uint64_t, std::pair<const EhSection *, uint32_t>> firstCies;
  for (EhSection *s : sections) {
    for (uint32_t i = 0; i < s->cies.size(); i++) {
      EhCie &c = s->cies[i];
      c.canonSec = s;
      c.canonCie = i;
      auto [b, e] = firstCies.equal_range(c.hash);
      for (auto it = b; it != e; ++it) {
        auto [sec, idx] = it->second;
        if (sameCie(*sec, sec->cies[idx], *s, c)) {
          c.canonSec = sec;
          c.canonCie = idx;
          break;
        }
      }
      s->recs[c.rec].keep = c.canonSec == s && c.canonCie == i;
      if (s->recs[c.rec].keep)
        firstCies.emplace(c.hash, std::make_pair(s, i));
    }
  }
  // What each section keeps is known now: its records' new offsets, per
  // section in parallel; then where its CIE pointer patches go.
  std::vector<size_t> fdes(sections.size());
  parallelForIndices(sections.size(), 8, [&](size_t k) {
    EhSection *s = sections[k];
    uint32_t to = 0;
    for (EhRecord &rec : s->recs) {
      if (!rec.keep)
        continue;
      rec.newOff = to;
      to += rec.len;
      s->relaCount += rec.relEnd - rec.relFirst;
      fdes[k] += !rec.isCie;
    }
    s->newSize = to + (s->isec->contents.size() - s->tail);
  });
  size_t patches = ctx.ehFrameCiePatches.size();
  for (size_t k = 0; k < sections.size(); k++) {
    EhSection *s = sections[k];
    s->patchBase = patches;
    patches += fdes[k];
    s->bytes = &ctx.newData();
    s->relas = ctx.ownedRelas.emplace_back(new std::vector<ElfRela>()).get();
  }
  ctx.ehFrameCiePatches.resize(patches);
  parallelForIndices(sections.size(), 8, [&](size_t i) { rewriteEhSection(ctx, *sections[i]); });
}

// Writes each kept FDE's CIE pointer: the distance from the pointer field
// back to its (possibly merged) CIE.
void patchEhFrameCiePointers(Context &ctx, uint8_t *out) {
  const std::vector<EhFrameCiePatch> &patches = ctx.ehFrameCiePatches;
  parallelForIndices(patches.size(), 4096, [&](size_t i) {
    const EhFrameCiePatch &p = patches[i];
    uint64_t fieldVA = p.fde->getVA(p.fdeFieldOffset);
    uint64_t cieVA = p.cie->getVA(p.cieOffset);
    uint8_t *field = out + p.fde->osec->shdr.sh_offset + p.fde->offset + p.fdeFieldOffset;
    write32le(field, (uint32_t)(fieldVA - cieVA));
  });
}

} // namespace mld
