// .eh_frame_hdr: counting FDEs before layout and building the sorted
// (initial location, FDE) table from the relocated .eh_frame afterwards.
// Record format: LSB "Exception Frames" / DWARF 4 section 6.4.1.
#include "context.h"
#include "dynamic.h"

#include "llvm/Support/Endian.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace mld {

using llvm::support::endian::read16le;
using llvm::support::endian::read32le;
using llvm::support::endian::read64le;
using llvm::support::endian::write32le;

// DW_EH_PE_* pointer encodings.
enum : uint8_t {
  PeAbsptr = 0x00, PeUleb = 0x01, PeUdata2 = 0x02, PeUdata4 = 0x03,
  PeUdata8 = 0x04, PeSleb = 0x09, PeSdata2 = 0x0a, PeSdata4 = 0x0b,
  PeSdata8 = 0x0c, PePcrel = 0x10, PeDatarel = 0x30, PeOmit = 0xff,
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
  case PeAbsptr: case PeUdata8: case PeSdata8: return 8;
  case PeUdata2: case PeSdata2: return 2;
  case PeUdata4: case PeSdata4: return 4;
  default: return 0; // LEB128: variable
  }
}

// Reads an encoded pointer at `p` (whose address is `va`), or nullopt.
static std::optional<uint64_t> readEncoded(uint8_t enc, const uint8_t *&p,
                                           const uint8_t *end, uint64_t va) {
  uint64_t v;
  switch (enc & 0x0f) {
  case PeAbsptr: case PeUdata8: case PeSdata8:
    if (end - p < 8) return std::nullopt;
    v = read64le(p); p += 8; break;
  case PeUdata4:
    if (end - p < 4) return std::nullopt;
    v = read32le(p); p += 4; break;
  case PeSdata4:
    if (end - p < 4) return std::nullopt;
    v = (int64_t)(int32_t)read32le(p); p += 4; break;
  case PeUdata2:
    if (end - p < 2) return std::nullopt;
    v = read16le(p); p += 2; break;
  case PeSdata2:
    if (end - p < 2) return std::nullopt;
    v = (int64_t)(int16_t)read16le(p); p += 2; break;
  case PeUleb:
    v = readUleb(p, end); break;
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
template <typename F>
static void forEachRecord(llvm::ArrayRef<uint8_t> data, F f) {
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
  fdeCount = 0;
  if (ctx.ehFrame)
    for (InputSection *isec : ctx.ehFrame->members)
      forEachRecord(isec->contents, [&](uint64_t, bool isCie, uint64_t) {
        fdeCount += !isCie;
      });
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
  auto isCode = [&](uint64_t va) {
    for (Chunk *c : ctx.chunks)
      if ((c->shdr.sh_flags & llvm::ELF::SHF_EXECINSTR) && va >= c->shdr.sh_addr &&
          va < c->shdr.sh_addr + c->shdr.sh_size)
        return true;
    return false;
  };
  std::vector<std::pair<int64_t, int64_t>> table;
  forEachRecord(data, [&](uint64_t off, bool isCie, uint64_t size) {
    if (isCie)
      return;
    const uint8_t *rec = base + off;
    uint64_t cieOff = off + 4 - read32le(rec + 4);
    if (cieOff + 9 > data.size())
      return;
    uint8_t enc = fdeEncoding(base + cieOff, base + data.size());
    const uint8_t *p = rec + 8;
    uint64_t fieldVA = eh->shdr.sh_addr + off + 8;
    auto pc = readEncoded(enc, p, rec + size, fieldVA);
    // FDEs of discarded functions were relocated to a tombstone: skip them.
    if (!pc || !isCode(*pc))
      return;
    table.push_back({(int64_t)(*pc - hdrVA),
                     (int64_t)(eh->shdr.sh_addr + off - hdrVA)});
  });
  std::sort(table.begin(), table.end());
  hdr[0] = 1;                     // version
  hdr[1] = PePcrel | PeSdata4;    // eh_frame_ptr encoding
  hdr[2] = PeUdata4;              // fde_count encoding
  hdr[3] = PeDatarel | PeSdata4;  // table encoding (relative to this header)
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
void pruneEhFrames(Context &ctx) {
  struct CieKey {
    std::string bytes;
    std::vector<std::tuple<uint64_t, uint32_t, const Symbol *, int64_t>> relocs;
    bool operator<(const CieKey &o) const {
      return std::tie(bytes, relocs) < std::tie(o.bytes, o.relocs);
    }
  };
  std::map<CieKey, std::pair<InputSection *, uint64_t>> canonicalCies;

  for (ObjectFile *f : ctx.objs) {
    for (InputSection *isec : f->sections) {
      if (!isec || !isec->isAlive || !isec->isEhFrame)
        continue;
      llvm::ArrayRef<uint8_t> d = isec->contents;
      auto &bytes = ctx.newData();
      auto &relas = *ctx.ownedRelas.emplace_back(new std::vector<ElfRela>());
      // Old offset of each CIE in this section -> its canonical copy.
      std::map<uint64_t, std::pair<InputSection *, uint64_t>> cieOf;
      size_t r = 0;
      uint64_t off = 0;
      for (; off + 8 <= d.size();) {
        uint32_t len = read32le(d.data() + off);
        if (len == 0 || len == 0xffffffff || off + 4 + len > d.size())
          break;
        uint64_t end = off + 4 + len;
        uint32_t id = read32le(d.data() + off + 4);
        size_t first = r;
        while (r < isec->relas.size() && isec->relas[r].r_offset < end)
          r++;
        auto keep = [&]() {
          uint64_t to = bytes.size();
          bytes.insert(bytes.end(), d.begin() + off, d.begin() + end);
          for (size_t i = first; i < r; i++) {
            ElfRela rel = isec->relas[i];
            rel.r_offset = rel.r_offset - off + to;
            relas.push_back(rel);
          }
          return to;
        };
        if (id == 0) {
          CieKey key;
          key.bytes.assign(reinterpret_cast<const char *>(d.data() + off),
                           end - off);
          for (size_t i = first; i < r; i++) {
            const ElfRela &rel = isec->relas[i];
            key.relocs.emplace_back(rel.r_offset - off, rel.getType(false),
                                    f->symbols[rel.getSymbol(false)],
                                    (int64_t)rel.r_addend);
          }
          auto it = canonicalCies.find(key);
          if (it == canonicalCies.end())
            it = canonicalCies.emplace(key, std::make_pair(isec, keep())).first;
          cieOf[off] = it->second;
        } else {
          uint64_t cieOff = off + 4 - id;
          bool dead = first < r &&
                      f->symbols[isec->relas[first].getSymbol(false)]
                          ->isInDiscardedSection();
          auto cie = cieOf.find(cieOff);
          if (dead || cie == cieOf.end())
            ; // dropped (or malformed: no CIE before it in this section)
          else
            ctx.ehFrameCiePatches.push_back(
                {isec, keep() + 4, cie->second.first, cie->second.second});
        }
        off = end;
      }
      // The terminator (crtend.o's zero word) and anything after it.
      bytes.insert(bytes.end(), d.begin() + off, d.end());
      isec->contents = bytes;
      isec->relas = relas;
      isec->size = bytes.size();
    }
  }
}

// Writes each kept FDE's CIE pointer: the distance from the pointer field
// back to its (possibly merged) CIE.
void patchEhFrameCiePointers(Context &ctx, uint8_t *out) {
  for (const EhFrameCiePatch &p : ctx.ehFrameCiePatches) {
    uint64_t fieldVA = p.fde->getVA(p.fdeFieldOffset);
    uint64_t cieVA = p.cie->getVA(p.cieOffset);
    uint8_t *field = out + p.fde->osec->shdr.sh_offset + p.fde->offset +
                     p.fdeFieldOffset;
    write32le(field, (uint32_t)(fieldVA - cieVA));
  }
}

} // namespace mld
