// Shared libraries linked against. See shared-file.cpp.
#pragma once

#include "input-files.h"

namespace mld {

// A shared library we link against: its dynamic symbols, DT_SONAME and
// version definitions. Nothing from it is copied into the output.
class SharedFile : public InputFile {
public:
  SharedFile(llvm::MemoryBufferRef mb) : InputFile(Kind::Shared, mb, "") {}
  void parse(Context &ctx);
  // parse() in two halves, as for ObjectFile: read() touches only this file;
  // resolveSymbols() runs in command-line order.
  void read(Context &ctx);
  void resolveSymbols(Context &ctx);

  std::unique_ptr<llvm::object::ELFFile<ELFT>> elf;
  llvm::ArrayRef<ElfSym> elfSyms; // .dynsym
  // Names and their hashes by .dynsym index (empty for locals).
  std::vector<std::string_view> names;
  std::vector<uint32_t> hashes;
  std::string soname;
  bool hasSoname = false; // DT_SONAME present (else soname is set by the walk)
  std::string audit;      // its DT_AUDIT: goes into our DT_DEPAUDIT if we need it
  bool asNeeded = false;
  bool isNeeded = false; // some reference resolved to it (for --as-needed)
  // Version names by version index (from .gnu.version_d), and per dynsym.
  std::vector<std::string> verdefNames;
  std::vector<uint16_t> versyms;
  std::vector<Symbol *> dynSymbols;
  // Whether data in section `sh` stays writable at run time: SHF_WRITE and
  // not inside the library's PT_GNU_RELRO (a COPY of .data.rel.ro data is
  // read-only after relocation too, so it goes under our RELRO, as GNU ld
  // places it).
  bool isWritableAtRunTime(const ElfShdr &sh) const;
  // Resolves `sym` with the definition at .dynsym index i; if it wins,
  // records its version and whether it stays writable (for COPY).
  bool claimDefinition(Context &ctx, Symbol &sym, uint32_t i, llvm::ArrayRef<ElfShdr> shdrs);
  uint64_t relroStart = 0, relroEnd = 0;
};

// --as-needed, GNU ld's rule: a library is needed if a regular object
// refers to one of its definitions non-weakly. (GNU ld also counts a
// library's reference unless it lists the library in its DT_NEEDED; mld,
// which reads no DT_NEEDED of libraries, does not.) A name
// only weak references ask for is then not taken from a library left out:
// it stays an undefined weak name (0, or bound by the loader in a shared
// object). Runs once every input is read, before the relocation scan.
void settleAsNeededLibraries(Context &ctx);

// A reference naming a version, NAME@VER (`.symver f, NAME@VER`), is
// satisfied by a library's default definition NAME@@VER as well as by a
// hidden NAME@VER, as GNU ld binds it. Default definitions are known by the
// plain name (what unversioned references find), so such references are
// bound here, once every input is read.
void bindVersionedReferences(Context &ctx);

} // namespace mld
