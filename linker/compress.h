// Compressed sections. Inputs: SHF_COMPRESSED sections (an Elf64_Chdr, then
// a zlib or zstd stream; gcc -gz, as -gz=zstd) and the older GNU .zdebug_*
// ones ("ZLIB", the size big-endian, then a zlib stream) are decompressed as
// they are read, so the rest of the link sees plain sections.
// Output: --compress-debug-sections=zlib|zstd compresses the .debug_*
// output sections after their relocations are applied, as GNU ld does.
#pragma once

#include "config.h"

#include "llvm/ADT/ArrayRef.h"

#include <cstdint>
#include <string>
#include <vector>

namespace mld {

struct Context;

struct Decompressed {
  std::vector<uint8_t> bytes;
  uint64_t align = 1; // ch_addralign (1 for .zdebug)
  std::string error;  // non-empty: the data is bad, this says why
};

// The contents of an SHF_COMPRESSED section (gnuStyle false) or of a
// .zdebug_* section (gnuStyle true).
Decompressed decompressSection(llvm::ArrayRef<uint8_t> data, bool gnuStyle);

// Elf64_Chdr followed by `data` compressed with `kind` (not None).
std::vector<uint8_t> compressSection(DebugCompression kind, llvm::ArrayRef<uint8_t> data,
                                     uint64_t align);

// --compress-debug-sections: each non-empty .debug_* output section is
// built in memory with its relocations applied and replaced by its
// compressed form when that is smaller (GNU ld keeps the others as they
// are); the file offsets of the sections that are not loaded are then
// assigned again. After assignAddresses and fixLinkerDefinedSymbols.
void compressDebugSections(Context &ctx);

} // namespace mld
