// Chunk: one contiguous region of the output file (or of memory, for NOBITS).
// Output sections, every synthetic section, and the ELF, program and section
// headers are all chunks, so layout and writing treat them uniformly.
// Hierarchy is two levels deep: Chunk, then one class per concrete kind.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "input-section.h"
#include "llvm/BinaryFormat/ELF.h"

namespace mld {

struct Context;

class Chunk {
public:
  Chunk(std::string name, uint32_t type, uint64_t flags, uint64_t align = 1)
      : name(std::move(name)) {
    shdr.sh_type = type;
    shdr.sh_flags = flags;
    shdr.sh_addralign = align;
  }
  virtual ~Chunk() = default;

  // False: leave it out of the output (e.g. an empty .got).
  virtual bool isNeeded(Context &ctx) const { return shdr.sh_size != 0; }
  // Recomputes shdr.sh_size (called before layout, and again for sections
  // whose size depends on others).
  virtual void computeSize(Context &ctx) {}
  // Writes the chunk's bytes at buf (the chunk's place in the output file).
  virtual void writeTo(Context &ctx, uint8_t *buf) {}
  // Whether this chunk is a header (no section header of its own).
  virtual bool isHeader() const { return false; }

  std::string name;
  ElfShdr shdr = {};
  uint32_t shndx = 0;                // index in the output section header table
  uint32_t rank = 0;                 // layout order, see layout.cpp
  bool isRelro = false;              // inside PT_GNU_RELRO
  std::optional<uint64_t> fixedAddr; // --section-start: starts its own PT_LOAD here

  bool isAlloc() const { return shdr.sh_flags & llvm::ELF::SHF_ALLOC; }
  bool isNoBits() const { return shdr.sh_type == llvm::ELF::SHT_NOBITS; }
  bool isTls() const { return shdr.sh_flags & llvm::ELF::SHF_TLS; }
};

// An output section made of input sections, e.g. every .text.* into .text.
class OutputSection : public Chunk {
public:
  OutputSection(std::string name, uint32_t type, uint64_t flags)
      : Chunk(std::move(name), type, flags) {}
  void computeSize(Context &ctx) override;
  void writeTo(Context &ctx, uint8_t *buf) override;
  bool isNeeded(Context &ctx) const override { return !members.empty(); }

  std::vector<InputSection *> members;
  // --compress-debug-sections: the finished bytes (Elf64_Chdr and stream,
  // relocations applied before compression); writeTo writes these instead.
  std::vector<uint8_t> compressed;
};

// The ELF file header at offset 0.
class OutputEhdr : public Chunk {
public:
  OutputEhdr() : Chunk("", 0, llvm::ELF::SHF_ALLOC, 8) { shdr.sh_size = sizeof(ELFT::Ehdr); }
  bool isNeeded(Context &) const override { return true; }
  bool isHeader() const override { return true; }
  void writeTo(Context &ctx, uint8_t *buf) override;
};

// The program header table, right after the ELF header (PT_PHDR covers it).
class OutputPhdr : public Chunk {
public:
  OutputPhdr() : Chunk("", 0, llvm::ELF::SHF_ALLOC, 8) {}
  bool isNeeded(Context &) const override { return true; }
  bool isHeader() const override { return true; }
  void computeSize(Context &ctx) override;
  void writeTo(Context &ctx, uint8_t *buf) override;
};

// The section header table, at the end of the file.
class OutputShdr : public Chunk {
public:
  OutputShdr() : Chunk("", 0, 0, 8) {}
  bool isNeeded(Context &) const override { return true; }
  bool isHeader() const override { return true; }
  void computeSize(Context &ctx) override;
  void writeTo(Context &ctx, uint8_t *buf) override;
};

// A program header and the chunks it covers.
struct Segment {
  uint32_t p_type = 0;
  uint32_t p_flags = 0;
  uint64_t p_offset = 0, p_vaddr = 0, p_filesz = 0, p_memsz = 0, p_align = 1;
  std::vector<Chunk *> chunks;
};

} // namespace mld
