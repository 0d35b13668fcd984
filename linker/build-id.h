// The notes that identify the output: --build-id (the note and the digest
// of the finished file) and --package-metadata. See build-id.cpp.
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

// --package-metadata=JSON: the .note.package section (owner "FDO", type
// NT_FDO_PACKAGING_METADATA) that says which package a binary came from, as
// systemd's coredump tooling reads it; nullptr without the option.
InputSection *makePackageNote(Context &ctx);

} // namespace mld
