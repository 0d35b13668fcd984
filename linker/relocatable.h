// -r / --relocatable / -i: an ET_REL output, meant to be linked again. After
// reading (the same pass as a normal link: archives pulled, symbols
// resolved, COMDAT groups claimed), a small pass list of its own replaces
// everything that gives addresses: see linkRelocatable and
// docs/architecture.md ("Relocatable output").
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "chunks.h"

namespace mld {

struct Context;
struct Symbol;

// The passes after readInputFiles for -r; writes the output and exits.
[[noreturn]] void linkRelocatable(Context &ctx);

// A .rela<name> section of an ET_REL output (-r) or of a linked output that
// keeps its relocations (--emit-relocs): the relocations of `target`, already
// expressed against the output's sections and .symtab.
class RelaOutputSection : public Chunk {
public:
  explicit RelaOutputSection(OutputSection *target)
      : Chunk(".rela" + target->name, llvm::ELF::SHT_RELA, llvm::ELF::SHF_INFO_LINK, 8),
        target(target) {
    shdr.sh_entsize = sizeof(ElfRela);
  }
  bool isNeeded(Context &) const override { return true; }
  void computeSize(Context &) override { shdr.sh_size = relas.size() * sizeof(ElfRela); }
  void writeTo(Context &ctx, uint8_t *buf) override;

  OutputSection *target;
  std::vector<ElfRela> relas;
};

} // namespace mld
