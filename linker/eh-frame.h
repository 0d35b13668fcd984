// .eh_frame: pruning the records of discarded code, and .eh_frame_hdr,
// the sorted index unwinders search. See eh-frame.cpp.
#pragma once

#include <cstdint>

#include "llvm/ADT/ArrayRef.h"

#include "chunks.h"

namespace mld {

struct InputSection;

// Drops the .eh_frame FDEs of discarded functions and duplicate CIEs;
// the CIE pointers are written by patchEhFrameCiePointers.
void pruneEhFrames(Context &ctx, llvm::ArrayRef<InputSection *> ehFrames);
void patchEhFrameCiePointers(Context &ctx, uint8_t *out);

// .eh_frame_hdr: a table of (function start, FDE address) sorted by
// address, so an unwinder finds the FDE for a PC by binary search; reached
// through PT_GNU_EH_FRAME (dl_iterate_phdr) or __GNU_EH_FRAME_HDR.
class EhFrameHdrSection : public Chunk {
public:
  EhFrameHdrSection() : Chunk(".eh_frame_hdr", llvm::ELF::SHT_PROGBITS, llvm::ELF::SHF_ALLOC, 4) {}
  bool isNeeded(Context &) const override { return true; }
  void computeSize(Context &ctx) override;
  // Fills the table from the relocated .eh_frame bytes in `out` (the whole
  // output file), since FDE addresses are only known then.
  void finish(Context &ctx, uint8_t *out);
  uint32_t fdeCount = 0;
  bool counted = false; // fdeCount is taken once .eh_frame is binned
};

} // namespace mld
