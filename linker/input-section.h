// InputSection: one section of one input object, as it will be copied into an
// output section. It is not a chunk: it lives inside an OutputSection at
// `offset`. SHF_MERGE sections are split into pieces that a MergedSection
// deduplicates; a relocation into such a section is mapped piece by piece.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Object/ELFTypes.h"

namespace mld {

using ELFT = llvm::object::ELF64LE;
using ElfSym = ELFT::Sym;
using ElfRela = ELFT::Rela;
using ElfShdr = ELFT::Shdr;

// Dynamic tags GNU defines that LLVM 14's ELF.h lacks.
constexpr int64_t DT_GNU_AUDIT = 0x6ffffefc;    // DT_AUDIT: rtld-audit modules for us
constexpr int64_t DT_GNU_DEPAUDIT = 0x6ffffefb; // DT_DEPAUDIT: ... for our dependencies

struct Context;
class ObjectFile;
class OutputSection;
class MergedSection;

// A piece of a mergeable section: [inputOffset, inputOffset + size) of the
// input maps to `outputOffset` inside the MergedSection's data.
struct SectionPiece {
  uint32_t inputOffset;
  uint32_t size;
  uint64_t outputOffset;
};

struct InputSection {
  ObjectFile *file = nullptr; // null for sections the linker makes
  uint32_t shndx = 0;
  std::string_view name;
  uint32_t type = 0;
  uint64_t flags = 0;
  uint64_t align = 1;
  uint64_t size = 0;
  uint64_t entsize = 0;
  llvm::ArrayRef<uint8_t> contents; // empty for SHT_NOBITS
  llvm::ArrayRef<ElfRela> relas;

  OutputSection *osec = nullptr; // where it is placed (null: not placed)
  uint64_t offset = 0;           // offset inside osec
  bool isAlive = true;           // false: COMDAT loser, gc'd, or merged away
  bool isEhFrame = false;        // named .eh_frame (tested often: kept as a flag)
  bool gcLive = false;           // reached by --gc-sections marking

  // SHF_MERGE only: the pieces and the merged section holding them.
  std::vector<SectionPiece> pieces;
  MergedSection *merged = nullptr;

  bool isMergeable() const { return merged != nullptr; }
  bool isAlloc() const { return flags & llvm::ELF::SHF_ALLOC; }
  bool isNoBits() const { return type == llvm::ELF::SHT_NOBITS; }

  // The output address of byte `off` of this section.
  uint64_t getVA(uint64_t off = 0) const;
  // For mergeable sections: where byte `off` went in the merged section.
  uint64_t getMergedOffset(uint64_t off) const;

  // "a.o:(.text)" and "a.o:(.text+0x1c)" as messages print them.
  std::string describe() const;
  std::string describe(uint64_t off) const;
};

} // namespace mld
