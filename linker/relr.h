// .relr.dyn (-z pack-relative-relocs): R_X86_64_RELATIVE relocations packed
// as the gABI's SHT_RELR words. What goes in, how it is encoded, and how it
// is sized (after addresses are assigned, since the encoding depends on the
// distances between places).
#pragma once

#include <cstdint>
#include <vector>

#include "chunks.h"
#include "synthetic.h"

#include "llvm/ADT/ArrayRef.h"

namespace mld {

// .relr.dyn: the loader adds its load bias to the word at each place listed
// (glibc >= 2.36, mload); the addend is the word already there (the linker
// wrote S + A). gABI SHT_RELR: an even word is the next place (and starts a
// run); an odd word is a bitmap whose bit j (1..63) stands for the place
// j - 1 words after the run's start, and moves the start on by 63 words.
class RelrDynSection : public Chunk {
public:
  RelrDynSection() : Chunk(".relr.dyn", llvm::ELF::SHT_RELR, llvm::ELF::SHF_ALLOC, 8) {
    shdr.sh_entsize = 8;
  }
  bool isNeeded(Context &) const override { return !relocs.empty(); }
  // The size is not computed here but by sizeRelrDyn, once addresses are.
  void writeTo(Context &ctx, uint8_t *buf) override;
  // Encodes the places at their current addresses. False if the words do
  // not fit in sh_size, which then grows to fit them.
  bool encode(Context &ctx);

  std::vector<DynReloc> relocs; // the packed RELATIVE relocations
  std::vector<uint64_t> words;
};

// Encodes places (sorted, distinct, even) as GNU ld does: an address word,
// then bitmaps while the next places lie within 63 words of the run's start
// and a whole number of words after it.
std::vector<uint64_t> encodeRelr(llvm::ArrayRef<uint64_t> places);
// The places the words stand for, in order (the loader's reading).
std::vector<uint64_t> decodeRelr(llvm::ArrayRef<uint64_t> words);

// Moves the RELATIVE relocations GNU ld would pack out of .rela.dyn into
// .relr.dyn. Runs once .rela.dyn's list is complete, before sortRelocs
// counts what RELATIVE ones are left (DT_RELACOUNT).
void packRelativeRelocs(Context &ctx);

// Sizes .relr.dyn after assignAddresses, laying out again while it grows.
void sizeRelrDyn(Context &ctx);

} // namespace mld
