// InputSection addresses and names.
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
  auto it = std::upper_bound(pieces.begin(), pieces.end(), off,
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

} // namespace mld
