// Synthetic sections for dynamic linking: what a dynamic loader (glibc's
// ld.so, our mload) reads to map, bind and relocate the output. Each class
// says what the loader does with it.
#pragma once

#include <vector>

#include "chunks.h"
#include "synthetic.h"

namespace mld {

// .interp: the path of the program interpreter, which the kernel maps and
// starts instead of the program itself (PT_INTERP points here).
class InterpSection : public Chunk {
public:
  InterpSection() : Chunk(".interp", llvm::ELF::SHT_PROGBITS, llvm::ELF::SHF_ALLOC) {}
  void computeSize(Context &ctx) override;
  void writeTo(Context &ctx, uint8_t *buf) override;
};

// .dynsym: the symbols a loader binds by name: those we import (undefined
// here) and those we export. Imports come first; exports are ordered by
// their .gnu.hash bucket, which that table requires.
class DynsymSection : public Chunk {
public:
  DynsymSection() : Chunk(".dynsym", llvm::ELF::SHT_DYNSYM, llvm::ELF::SHF_ALLOC, 8) {
    shdr.sh_entsize = sizeof(ElfSym);
    shdr.sh_info = 1; // every symbol after the null entry is global
  }
  bool isNeeded(Context &) const override { return true; }
  void computeSize(Context &) override { shdr.sh_size = (symbols.size() + 1) * sizeof(ElfSym); }
  void writeTo(Context &ctx, uint8_t *buf) override;
  std::vector<Symbol *> symbols; // index i+1 in the table
  std::vector<uint32_t> nameOffsets;
  std::vector<uint32_t> gnuHashes; // per symbol (0 for the unhashed imports)
  uint32_t firstHashed = 1;        // first symbol covered by .gnu.hash
  uint32_t gnuBuckets = 1;
};

// .hash: the System V hash table (nbucket, nchain, buckets, chains); older
// loaders and some tools read only this one.
class HashSection : public Chunk {
public:
  HashSection() : Chunk(".hash", llvm::ELF::SHT_HASH, llvm::ELF::SHF_ALLOC, 8) {
    shdr.sh_entsize = 4;
  }
  void computeSize(Context &ctx) override;
  void writeTo(Context &ctx, uint8_t *buf) override;
};

// .gnu.hash: GNU's hash table with a Bloom filter, which lets a loader skip
// this object quickly when it does not define a name.
class GnuHashSection : public Chunk {
public:
  GnuHashSection() : Chunk(".gnu.hash", llvm::ELF::SHT_GNU_HASH, llvm::ELF::SHF_ALLOC, 8) {}
  void computeSize(Context &ctx) override;
  void writeTo(Context &ctx, uint8_t *buf) override;
  uint32_t bloomWords = 1;
  static constexpr uint32_t bloomShift = 26;
};

// .gnu.version: one half-word per .dynsym entry: 0 local, 1 global
// (unversioned), or the index of a version need or definition, so that the
// loader binds memcpy to memcpy@GLIBC_2.14 and not an older one.
class VersymSection : public Chunk {
public:
  VersymSection() : Chunk(".gnu.version", llvm::ELF::SHT_GNU_versym, llvm::ELF::SHF_ALLOC, 2) {
    shdr.sh_entsize = 2;
  }
  bool isNeeded(Context &ctx) const override;
  void computeSize(Context &ctx) override;
  void writeTo(Context &ctx, uint8_t *buf) override;
};

// .gnu.version_r: for each library, the versions of it we depend on; the
// loader checks that the library it found defines them.
class VerneedSection : public Chunk {
public:
  VerneedSection() : Chunk(".gnu.version_r", llvm::ELF::SHT_GNU_verneed, llvm::ELF::SHF_ALLOC, 4) {}
  // Collects (library, version) pairs from the imported dynsym entries and
  // gives each pair a version index; sets each symbol's versionId.
  void build(Context &ctx, uint16_t firstIndex);
  // -z pack-relative-relocs: GLIBC_ABI_DT_RELR of libc.so.6, at `index`.
  void addRelrVersionNeed(Context &ctx, uint16_t index);
  bool isNeeded(Context &) const override { return !needs.empty(); }
  void computeSize(Context &ctx) override;
  void writeTo(Context &ctx, uint8_t *buf) override;
  struct Aux {
    uint32_t nameOff;
    uint32_t hash;
    uint16_t index;
  };
  struct Need {
    uint32_t fileOff;
    std::vector<Aux> aux;
  };
  std::vector<Need> needs;
  std::vector<std::string_view> needSonames; // of needs[i]
};

// .gnu.version_d: the versions this object defines (from --version-script),
// index 1 being the object itself.
class VerdefSection : public Chunk {
public:
  VerdefSection() : Chunk(".gnu.version_d", llvm::ELF::SHT_GNU_verdef, llvm::ELF::SHF_ALLOC, 4) {}
  bool isNeeded(Context &) const override { return !names.empty(); }
  void computeSize(Context &ctx) override;
  void writeTo(Context &ctx, uint8_t *buf) override;
  // names[0] is the base (the soname or file name); names[i] is index i+1.
  std::vector<std::string> names;
  std::vector<std::vector<uint16_t>> parents; // by index into names
  std::vector<uint32_t> nameOffsets;
};

// .dynamic: the loader's table of contents (DT_* tags): libraries to load,
// where the symbol, string, hash and relocation tables are, init/fini
// functions, flags. GOT.PLT[0] holds its address.
class DynamicSection : public Chunk {
public:
  DynamicSection()
      : Chunk(".dynamic", llvm::ELF::SHT_DYNAMIC, llvm::ELF::SHF_ALLOC | llvm::ELF::SHF_WRITE, 8) {
    shdr.sh_entsize = 16;
  }
  bool isNeeded(Context &) const override { return true; }
  void computeSize(Context &ctx) override;
  void writeTo(Context &ctx, uint8_t *buf) override;

private:
  std::vector<std::pair<int64_t, uint64_t>> entries(Context &ctx);
};

// The dynamic-linking passes (driver order).
void createDynamicSections(Context &ctx);
// Chooses .dynsym's symbols and order, the DT_NEEDED libraries and the
// version indices; adds the GOT's and copy relocations' dynamic relocs.
void buildDynamicTables(Context &ctx);

uint32_t gnuHash(std::string_view name);
uint32_t sysvHash(std::string_view name);

} // namespace mld
