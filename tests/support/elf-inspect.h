// elf-inspect.h: read an ELF file back through LLVM Object and expose plain
// copies of its header, sections, symbols, segments and RELA entries, so tests
// can assert on the output of mld (or check their own inputs) without readelf.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace mld::test {

struct ElfSection {
  std::string name;
  uint32_t type = 0;
  uint64_t flags = 0, addr = 0, offset = 0, size = 0, align = 0, entsize = 0;
  uint32_t link = 0, info = 0;
  uint64_t headerOffset = 0; // file offset of this section's Elf64_Shdr
};

struct ElfSymbol {
  std::string name;
  uint64_t value = 0, size = 0;
  uint8_t type = 0, binding = 0, visibility = 0;
  uint16_t shndx = 0;
};

struct ElfSegment {
  uint32_t type = 0, flags = 0;
  uint64_t offset = 0, vaddr = 0, filesz = 0, memsz = 0, align = 0;
};

struct ElfRela {
  uint64_t offset = 0;   // r_offset
  uint32_t type = 0;     // ELF64_R_TYPE
  uint32_t symIndex = 0; // ELF64_R_SYM
  int64_t addend = 0;
  uint64_t fileOffset = 0; // where this Elf64_Rela sits in the file
};

class ElfFile {
public:
  // Reads and parses `path`; on failure returns nullopt and sets `error`.
  static std::optional<ElfFile> load(const std::string &path, std::string &error);

  uint16_t type = 0, machine = 0;
  uint8_t elfClass = 0;
  uint64_t entry = 0, shoff = 0;
  std::vector<ElfSection> sections;
  std::vector<ElfSymbol> symbols; // .symtab, index 0 included
  std::vector<ElfSegment> segments;

  const ElfSection *section(const std::string &name) const;
  // First non-local-index symbol with this name in .symtab, if any.
  const ElfSymbol *symbol(const std::string &name) const;
  // Raw bytes of a section (empty for SHT_NOBITS).
  std::string contents(const ElfSection &sec) const;
  // RELA entries of section `relaSec` (an SHT_RELA section).
  std::vector<ElfRela> relas(const ElfSection &relaSec) const;

  const std::string &bytes() const { return data; }

private:
  std::string data;
};

// "R_X86_64_PC32" for a relocation type number (LLVM's spelling).
std::string relocTypeName(uint32_t type);

} // namespace mld::test
