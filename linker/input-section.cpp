// InputSection addresses and names, and the splitting of SHF_MERGE sections.
#include "input-section.h"

#include "chunks.h"
#include "context.h"
#include "diag.h"
#include "synthetic.h"

#include <algorithm>
#include <cstring>

namespace mld {

using namespace llvm::ELF;

uint64_t InputSection::getMergedOffset(uint64_t off) const {
  // The last piece starting at or before `off`; offsets before the first
  // piece (a PC-relative addend of -4 on the first string) extrapolate from it.
  if ((int64_t)off < 0)
    return pieces.front().outputOffset + off;
  auto it = std::upper_bound(
      pieces.begin(), pieces.end(), off,
      [](uint64_t o, const SectionPiece &p) { return o < p.inputOffset; });
  const SectionPiece &p = it == pieces.begin() ? pieces.front() : *(it - 1);
  return p.outputOffset + (off - p.inputOffset);
}

uint64_t InputSection::getVA(uint64_t off) const {
  if (merged)
    return merged->out->getVA(getMergedOffset(off));
  if (!osec)
    return 0;
  return osec->shdr.sh_addr + offset + off;
}

std::string InputSection::describe() const {
  std::string file = this->file ? this->file->displayName() : "<internal>";
  return file + ":(" + std::string(name) + ")";
}

std::string InputSection::describe(uint64_t off) const {
  std::string file = this->file ? this->file->displayName() : "<internal>";
  return file + ":(" + std::string(name) + "+" + toHex(off) + ")";
}

MergedSection::MergedSection(Context &ctx, std::string_view name,
                             uint64_t flags, uint32_t type, uint64_t entsize) {
  data = &ctx.newData();
  out = ctx.newSection();
  out->name = ctx.saver.save(std::string(name));
  out->flags = flags & ~(uint64_t)(SHF_MERGE | SHF_STRINGS);
  out->type = type;
  out->entsize = entsize;
  out->align = 1;
}

void MergedSection::add(Context &ctx, InputSection &isec) {
  llvm::ArrayRef<uint8_t> c = isec.contents;
  bool strings = isec.flags & SHF_STRINGS;
  uint64_t entsize = isec.entsize ? isec.entsize : 1;
  out->align = std::max(out->align, isec.align);
  // Pieces keep the input's alignment (for .rodata.cst16 and friends).
  uint64_t pieceAlign = std::max<uint64_t>(isec.align, 1);

  for (uint64_t pos = 0; pos < c.size();) {
    uint64_t len;
    if (strings) {
      // A string ends at its NUL terminator (entsize-wide for wide strings).
      uint64_t end = pos;
      while (end + entsize <= c.size()) {
        bool zero = true;
        for (uint64_t k = 0; k < entsize; k++)
          zero &= c[end + k] == 0;
        end += entsize;
        if (zero)
          break;
      }
      len = end - pos;
      if (len == 0) // a trailing fragment shorter than one character
        len = c.size() - pos;
    } else {
      len = std::min<uint64_t>(entsize, c.size() - pos);
    }
    std::string_view key(reinterpret_cast<const char *>(c.data() + pos), len);
    auto [it, inserted] = offsets.try_emplace(key, 0);
    if (inserted) {
      uint64_t o = (data->size() + pieceAlign - 1) & ~(pieceAlign - 1);
      if (!strings || pieceAlign > 1)
        data->resize(o);
      else
        o = data->size();
      data->insert(data->end(), key.begin(), key.end());
      it->second = o;
    }
    isec.pieces.push_back({(uint32_t)pos, (uint32_t)len, it->second});
    pos += len;
  }
  isec.merged = this;
  isec.isAlive = false; // its bytes live in `out` now
  out->contents = llvm::ArrayRef<uint8_t>(data->data(), data->size());
  out->size = data->size();
}

} // namespace mld
