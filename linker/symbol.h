// Symbol: one name in the link. A global Symbol is shared by every file that
// mentions the name and holds the winning definition; a local Symbol belongs
// to its file. The resolution rules live in symbol-table.cpp; what a
// relocation needs of a symbol (GOT, PLT, copy, dynsym) is decided in
// relocations.cpp and recorded here as flags and indices.
#pragma once

#include <cstdint>
#include <string_view>

#include "llvm/BinaryFormat/ELF.h"

namespace mld {

struct Context;
class CopyRelSection;
class InputFile;
class ObjectFile;
class SharedFile;
struct InputSection;
class Chunk;

enum class SymbolKind : uint8_t {
  Undefined, // referenced, not (yet) defined
  Defined,   // defined in an object file, or by the linker
  Common,    // a tentative definition (SHN_COMMON) until convertCommonSymbols()
  Shared,    // defined in a shared library we link against
};

// What relocations ask of a symbol. Set by scanRelocations, consumed by
// assignSyntheticEntries (which hands out the indices below).
enum SymbolNeeds : uint16_t {
  NeedsGot = 1 << 0,          // a .got slot holding the address
  NeedsPlt = 1 << 1,          // a .plt entry (+ .got.plt slot, .rela.plt JUMP_SLOT)
  NeedsCopy = 1 << 2,         // a COPY relocation into .bss (non-PIC executables)
  NeedsGotTp = 1 << 3,        // a .got slot holding the TP offset (initial exec)
  NeedsTlsGd = 1 << 4,        // two .got slots: DTPMOD64 + DTPOFF64 (general dynamic)
  NeedsDynsym = 1 << 5,       // an entry in .dynsym
  NeedsIplt = 1 << 6,         // static IFUNC: .iplt entry + IRELATIVE
  NeedsTlsDesc = 1 << 8,      // two .got slots: a TLS descriptor (R_X86_64_TLSDESC)
  NeedsCanonicalPlt = 1 << 7, // address taken in a non-PIC exec: PLT is the address
};

struct Symbol {
  std::string_view name;
  // The defining file (or, while Undefined, the first file that referred to it).
  InputFile *file = nullptr;
  // For a Defined symbol in an input section; null for absolute symbols and for
  // symbols the linker defines (whose value is a final address).
  InputSection *section = nullptr;
  // For linker-defined symbols: the output chunk the symbol lies in (used for
  // st_shndx), null for absolute ones.
  Chunk *chunk = nullptr;
  uint64_t value = 0;
  uint64_t size = 0;
  uint64_t commonAlign = 1; // alignment of a Common symbol

  SymbolKind kind = SymbolKind::Undefined;
  uint8_t binding = llvm::ELF::STB_GLOBAL;
  uint8_t type = llvm::ELF::STT_NOTYPE;
  uint8_t visibility = llvm::ELF::STV_DEFAULT;
  bool isLocal = false;
  bool isAbsolute = false; // SHN_ABS: not moved by a PIE load bias
  bool isLinkerDefined = false;
  bool isUsedInRegularObj = false; // referenced or defined by an object file
  // Referenced (undefined or common) by a regular object, -u or the entry:
  // an LTO plugin must keep the IR definition (GNU ld's non_ir_ref_regular).
  bool nonIrRef = false;
  bool isWeakRefOnly = true;     // every reference so far was weak
  bool isExported = false;       // goes into .dynsym as a definition
  bool isPreemptible = false;    // may be bound to another module's definition
  bool traced = false;           // named by -y
  bool writable = false;         // (shared) lies in a writable section of its library
  bool copyInRelro = false;      // NeedsCopy: the copy is in ctx.copyRelRo
  bool inDroppedSection = false; // (local) its section was not kept at all

  uint16_t needs = 0;
  uint16_t versionId = llvm::ELF::VER_NDX_GLOBAL; // index into .gnu.version*
  // Shared: the version index (in the library's .gnu.version_d) of the
  // definition we bound to; 0 when the library has no versions.
  uint16_t sharedVersion = 0;
  bool referencedByDso = false;       // a linked-against library refers to it
  bool hiddenDsoVersion = false;      // a library defines NAME@VERSION (non-default)
  SharedFile *strongDsoRef = nullptr; // a library with a non-weak reference

  // Indices handed out by assignSyntheticEntries; -1 when unused.
  int32_t gotIndex = -1;     // slot in .got holding the address
  int32_t gotTpIndex = -1;   // slot in .got holding the TP offset
  int32_t tlsGdIndex = -1;   // first of two .got slots for GD
  int32_t tlsDescIndex = -1; // first of two .got slots for a TLS descriptor
  int32_t pltIndex = -1;     // entry in .plt (n: .got.plt[3+n], .rela.plt[n])
  int32_t ipltIndex = -1;    // entry in .iplt (static IFUNC)
  int32_t dynsymIndex = -1;  // index in .dynsym
  uint32_t copyOffset = 0;   // NeedsCopy: offset in its copy-relocation section

  bool isDefined() const { return kind == SymbolKind::Defined; }
  bool isUndefined() const { return kind == SymbolKind::Undefined; }
  bool isShared() const { return kind == SymbolKind::Shared; }
  bool isWeak() const { return binding == llvm::ELF::STB_WEAK; }
  // Only a definition is an IFUNC: an undefined reference typed IFUNC is an
  // ordinary undefined symbol (a weak one resolves to 0), as for GNU ld.
  bool isIfunc() const { return type == llvm::ELF::STT_GNU_IFUNC && isDefined(); }
  bool isTls() const { return type == llvm::ELF::STT_TLS; }
  bool isFunc() const { return type == llvm::ELF::STT_FUNC || type == llvm::ELF::STT_GNU_IFUNC; }
  // Whether the definition was thrown away (a losing COMDAT group's member,
  // or a section --gc-sections removed): references get a tombstone or an
  // error, never an address.
  bool isInDiscardedSection() const;
  // An undefined weak reference that nothing defined resolves to 0.
  bool isUndefWeak() const { return isUndefined() && isWeakRefOnly; }
  // The name .dynsym records: a definition named with its version
  // (`.symver f2, foo@@V2` makes `foo@@V2`) is `foo` there, the version
  // going to .gnu.version.
  // Likewise an import of a library's NAME@VERSION.
  std::string_view dynamicName() const {
    return isDefined() || isShared() ? name.substr(0, name.find('@')) : name;
  }

  // The symbol's final virtual address (S in the psABI formulas). Defined
  // only after assignAddresses.
  uint64_t getVA(Context &ctx, int64_t addend = 0) const;
  // Where the definition itself is, not the PLT, .iplt or copy standing in
  // for it: an IFUNC's resolver (which may be absolute).
  uint64_t getDefinitionVA() const;
  uint64_t getGotVA(Context &ctx) const;
  uint64_t getGotTpVA(Context &ctx) const;
  uint64_t getTlsGdVA(Context &ctx) const;
  uint64_t getTlsDescVA(Context &ctx) const;
  uint64_t getPltVA(Context &ctx) const;
  uint64_t getCopyVA(Context &ctx) const;
  CopyRelSection *copySection(Context &ctx) const; // NeedsCopy
  // The output section index for .symtab/.dynsym (SHN_ABS / SHN_UNDEF too).
  uint16_t getOutputShndx() const;
};

// The name to show in a message: a section symbol has no name of its own
// (st_name 0), so it is shown by its section's name, as GNU ld does.
std::string_view messageName(const Symbol &sym);

} // namespace mld
