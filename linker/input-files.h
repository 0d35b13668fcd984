// The files a link reads: relocatable objects, archive members, shared
// libraries. All are read through LLVM's Object library over mmap'd buffers;
// section contents and symbol tables are referenced, never copied.
#pragma once

#include <cstdint>
#include <forward_list>
#include <memory>
#include <string>
#include <vector>

#include "input-section.h"
#include "symbol.h" // complete: ObjectFile holds a std::vector<Symbol>
#include "llvm/ADT/CachedHashString.h"
#include "llvm/Object/ELF.h"
#include "llvm/Support/MemoryBuffer.h"

namespace mld {

struct Context;

class InputFile {
public:
  // Ir: compiler IR an LTO plugin claimed (lto-plugin.h); its symbols take
  // part in resolution, but it has no sections.
  enum class Kind : uint8_t { Object, Shared, Internal, Ir };
  InputFile(Kind kind, llvm::MemoryBufferRef mb, std::string archiveName)
      : fileKind(kind), mb(mb), archiveName(std::move(archiveName)) {
    std::string name = mb.getBufferIdentifier().str();
    nameCache = this->archiveName.empty() ? name : this->archiveName + "(" + name + ")";
  }
  virtual ~InputFile() = default;

  Kind fileKind;
  llvm::MemoryBufferRef mb;
  std::string archiveName; // set for archive members
  // Symbol for each index of the file's symbol table (locals and globals).
  std::vector<Symbol *> symbols;
  uint32_t priority = 0; // command-line order; lower wins ties

private:
  std::string nameCache;

public:
  // "a.o" or "libfoo.a(b.o)" (built once: messages and parsing ask often).
  const std::string &displayName() const { return nameCache; }
};

// Opens `mb` as a 64-bit ELF file, checking that its section header table
// lies inside it (Fatal, naming `name`, otherwise).
std::unique_ptr<llvm::object::ELFFile<ELFT>> openElf(Context &ctx, llvm::MemoryBufferRef mb,
                                                     const std::string &name);

// A relocatable object (ET_REL), whether given directly or pulled from an archive.
class ObjectFile : public InputFile {
public:
  ObjectFile(llvm::MemoryBufferRef mb, std::string archiveName)
      : InputFile(Kind::Object, mb, std::move(archiveName)) {}

  // Reads sections, COMDAT groups and symbols; inserts globals into the
  // symbol table and resolves them against earlier definitions.
  void parse(Context &ctx);
  // parse() in two halves: readSections touches only this file (and may run
  // on any thread); resolveSymbols must run in command-line order.
  void readSections(Context &ctx);
  void resolveSymbols(Context &ctx);
  // Whether global symbol `i` can make the walk pull an archive member: a
  // non-weak reference, or a non-weak definition in a COMDAT group (which
  // is a reference if another file's group wins). After readSections.
  bool mayPullFor(uint32_t i) const;

  std::unique_ptr<llvm::object::ELFFile<ELFT>> elf;
  llvm::ArrayRef<ElfSym> elfSyms;
  llvm::StringRef strtab;
  // SHT_SYMTAB_SHNDX: the section index of symbols whose st_shndx is
  // SHN_XINDEX (files with 65,280 sections or more); empty otherwise.
  llvm::ArrayRef<llvm::support::ulittle32_t> symtabShndx;
  uint32_t firstGlobal = 0;
  // The section index of symbol i, read through SHN_XINDEX when needed;
  // SHN_ABS/SHN_COMMON/SHN_UNDEF as they are.
  uint32_t symbolSectionIndex(uint32_t i) const;
  // InputSection for each section index; null for sections not copied out
  // (symtab, strtab, rela, group, discarded COMDAT members, ...).
  std::vector<InputSection *> sections;
  std::vector<InputSection> sectionStorage; // reserved once: pointers stay valid
  // COMDAT groups, with their signatures hashed by readSections.
  struct ComdatGroup {
    uint32_t sectionIndex; // the SHT_GROUP section
    uint32_t symbolIndex;  // its sh_info: the symbol naming the signature
    llvm::CachedHashStringRef signature{"", 0};
    std::vector<uint32_t> members; // member section indices
  };
  std::vector<ComdatGroup> comdatGroups;
  std::vector<bool> inComdatGroup; // by section index (empty: no groups)
  // LTO: the first .gnu.lto_* / .llvm.lto section (empty: none), and whether
  // the file holds only IR (gcc's slim objects define __gnu_lto_slim).
  std::string_view ltoSection;
  bool isLtoSlim = false;
  std::vector<Symbol> localSymbols;
  // Names and name hashes of the global symbols, read by readSections (in
  // parallel) so that resolveSymbols only looks them up.
  std::vector<std::string_view> globalNames;
  bool hasVersionedNames = false; // a global named `name@VER` or `name@@VER`
  std::vector<uint32_t> globalHashes;

  // Decompressed contents and .zdebug_x -> .debug_x names (compress.h).
  // Lists, not deques: sections keep views into them, and an empty
  // std::deque allocates ~600 bytes, paid by each of thousands of objects.
  std::forward_list<std::vector<uint8_t>> plainContents;
  std::forward_list<std::string> plainNames;

private:
  void parseSections(Context &ctx);
  void decompressInput(Context &ctx, InputSection &isec);
  void parseLocalSymbols(Context &ctx);
  void resolveGlobalSymbols(Context &ctx);
};

} // namespace mld
