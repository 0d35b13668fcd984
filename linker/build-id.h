// --build-id: the note and the digest of the finished file. See build-id.cpp.
#pragma once

#include "chunks.h"

namespace mld {

// .note.gnu.build-id: a digest of the output, written last.
class BuildIdSection : public Chunk {
public:
  BuildIdSection() : Chunk(".note.gnu.build-id", llvm::ELF::SHT_NOTE, llvm::ELF::SHF_ALLOC, 4) {}
  bool isNeeded(Context &) const override { return true; }
  void computeSize(Context &ctx) override;
  void writeTo(Context &ctx, uint8_t *buf) override;
  // Hashes the finished file (this note zeroed) into the note.
  void finish(Context &ctx, uint8_t *out, uint64_t size);
  uint32_t hashSize = 20;
};

} // namespace mld
