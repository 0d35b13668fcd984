// Synthetic sections: output chunks whose contents the linker makes up
// rather than copies. Each class comment says what the *runtime* does with
// the section, since that is why it exists. The dynamic-linking ones
// (.dynamic, .dynsym, hash tables, versions, .interp) are in dynamic.h,
// merged SHF_MERGE data in merged-section.h.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "chunks.h"
#include "symbol.h"

namespace mld {

// A dynamic relocation as the linker decides it; resolved to an Elf64_Rela
// only when writing, because addresses are final then.
struct DynReloc {
  uint32_t type;
  Chunk *chunk = nullptr;       // place: chunk + offset ...
  InputSection *isec = nullptr; // ... or input section + offset
  uint64_t offset = 0;
  Symbol *sym = nullptr; // symbol for r_info (null: index 0)
  int64_t addend = 0;
  // RELATIVE and IRELATIVE: the addend is the symbol's final address plus
  // `addend`, computed at write time.
  bool addendIsSymbolVA = false;
  const char *why = ""; // for the relocation log
  uint64_t getOffset() const;
  // The value RELATIVE/IRELATIVE store: S + A, where a section symbol of a
  // mergeable section picks its piece by S + A (see arch-x86-64.cpp).
  uint64_t getTargetVA(Context &ctx) const;
};

// .got: one 8-byte slot per symbol whose address (or TP offset, or TLS
// module/offset pair) code loads indirectly. In a static executable the
// linker fills the slots; otherwise the loader does, through .rela.dyn.
class GotSection : public Chunk {
public:
  GotSection()
      : Chunk(".got", llvm::ELF::SHT_PROGBITS, llvm::ELF::SHF_ALLOC | llvm::ELF::SHF_WRITE, 8) {}
  enum class Kind : uint8_t { Addr, TpOff, TlsGdMod, TlsGdOff, TlsLdMod, TlsDesc, TlsDescArg };
  struct Entry {
    Kind kind;
    Symbol *sym;
  };
  uint32_t addEntry(Kind kind, Symbol *sym);
  void computeSize(Context &) override { shdr.sh_size = entries.size() * 8; }
  void writeTo(Context &ctx, uint8_t *buf) override;
  // Adds the dynamic relocations the loader needs to fill the slots.
  void addDynamicRelocs(Context &ctx);

  std::vector<Entry> entries;
  int32_t tlsLdIndex = -1; // the one module-ID slot pair for local dynamic
};

// .got.plt: GOT.PLT[0] = _DYNAMIC's address, GOT.PLT[1] and [2] left zero for the
// loader (the module handle and the lazy resolver), then slot 3+n for PLT
// entry n, first holding the address of PLTn's `push` (PLTn+6) so the first
// call falls through to the resolver. In a static executable it holds the
// IFUNC slots (.iplt), filled by IRELATIVE relocations at start-up.
// See docs/abi.md, "The PLT/GOT contract".
class GotPltSection : public Chunk {
public:
  GotPltSection()
      : Chunk(".got.plt", llvm::ELF::SHT_PROGBITS, llvm::ELF::SHF_ALLOC | llvm::ELF::SHF_WRITE, 8) {
  }
  bool isNeeded(Context &ctx) const override;
  void computeSize(Context &ctx) override;
  void writeTo(Context &ctx, uint8_t *buf) override;
  static constexpr uint32_t reserved = 3;
  bool referenced = false; // _GLOBAL_OFFSET_TABLE_ or a GOT-relative reloc
};

// .plt: the classic lazy PLT (psABI 3.5.7, "Procedure Linkage Table").
// PLT0 pushes GOT.PLT[1] and jumps to GOT.PLT[2]; entry i (PLT(i+1) in the
// psABI's numbering) jumps through GOT.PLT[i+3], and, the first time,
// pushes i and jumps to PLT0. Static IFUNC entries
// (.iplt) follow the lazy ones: `jmp *slot` only, since IRELATIVE fills the
// slot before main runs.
//
// With IBT (every input marked IBT-compatible, or -z ibt / -z ibtplt) the
// PLT is split as GNU ld splits it: calls go to .plt.sec entry n (endbr64;
// jmp *GOT.PLT[n+3]), and the .plt entry only does the first call's work
// (endbr64; push n; jmp PLT0), reached through the slot, so both start
// with the endbr64 an indirect branch must land on.
class PltSection : public Chunk {
public:
  PltSection()
      : Chunk(".plt", llvm::ELF::SHT_PROGBITS, llvm::ELF::SHF_ALLOC | llvm::ELF::SHF_EXECINSTR,
              16) {}
  static constexpr uint64_t headerSize = 16, entrySize = 16;
  void computeSize(Context &ctx) override;
  void writeTo(Context &ctx, uint8_t *buf) override;
  uint64_t entryVA(int32_t pltIndex) const; // where calls to lazy entry n go
  // What GOT.PLT[n+3] holds before the first call: the push of entry n
  // (its endbr64 with IBT).
  uint64_t lazyStartVA(int32_t pltIndex) const;
  uint64_t ipltEntryVA(int32_t ipltIndex) const;
  // The .got.plt slot of lazy entry n, and of IFUNC entry i.
  uint64_t slotVA(Context &ctx, int32_t pltIndex) const;
  uint64_t ipltSlotVA(Context &ctx, int32_t ipltIndex) const;

  std::vector<Symbol *> symbols;     // lazy entries, index = pltIndex
  std::vector<Symbol *> ipltSymbols; // IFUNC entries, index = ipltIndex
  const Chunk *sec = nullptr;        // .plt.sec, when the PLT is IBT-enabled
};

// .plt.sec: with IBT, entry n is the target of calls to lazy PLT entry n.
class PltSecSection : public Chunk {
public:
  PltSecSection()
      : Chunk(".plt.sec", llvm::ELF::SHT_PROGBITS, llvm::ELF::SHF_ALLOC | llvm::ELF::SHF_EXECINSTR,
              16) {}
  void computeSize(Context &ctx) override;
  void writeTo(Context &ctx, uint8_t *buf) override;
};

// .rela.dyn: relocations the loader applies at start-up (RELATIVE, GLOB_DAT,
// 64, COPY, TPOFF64, DTPMOD64, DTPOFF64, IRELATIVE). RELATIVE ones come
// first so DT_RELACOUNT can tell the loader how many need no lookup.
class RelaDynSection : public Chunk {
public:
  RelaDynSection() : Chunk(".rela.dyn", llvm::ELF::SHT_RELA, llvm::ELF::SHF_ALLOC, 8) {
    shdr.sh_entsize = sizeof(ElfRela);
  }
  void computeSize(Context &) override;
  void writeTo(Context &ctx, uint8_t *buf) override;
  // RELATIVE first (DT_RELACOUNT), order otherwise kept; counts them.
  // Called once the list is complete (after buildDynamicTables).
  void sortRelocs();
  std::vector<DynReloc> relocs;
  uint64_t relativeCount = 0;
};

// .rela.plt: entry n is the JUMP_SLOT for .got.plt[3+n] (lazy PLT entry n).
// In a static executable it holds the IRELATIVE relocations for the IFUNC
// slots instead, between __rela_iplt_start and __rela_iplt_end, which libc's
// start-up code applies.
class RelaPltSection : public Chunk {
public:
  RelaPltSection() : Chunk(".rela.plt", llvm::ELF::SHT_RELA, llvm::ELF::SHF_ALLOC, 8) {
    shdr.sh_entsize = sizeof(ElfRela);
  }
  void computeSize(Context &ctx) override;
  void writeTo(Context &ctx, uint8_t *buf) override;
};

// A string table (.strtab, .dynstr, .shstrtab). Strings are kept by
// reference, so callers pass strings that outlive the link (names in the
// mapped inputs, in the string saver, or in a file or chunk object).
// .dynstr and .shstrtab store each string once; .symtab's .strtab, which
// only debuggers read, appends without looking names up (the cost of
// hashing every symbol name twice is not worth the bytes).
class StringTableBuilder {
public:
  explicit StringTableBuilder(bool dedup = true) : dedup(dedup) {}
  uint32_t add(std::string_view s);
  // Appends without looking `s` up (the caller knows it is new).
  uint32_t append(std::string_view s) {
    uint32_t off = data.size();
    data.append(s);
    data.push_back('\0');
    return off;
  }
  // Appends n zero bytes for the caller to fill (from any thread), at
  // offsets from at(); returns where they start. For tables that do not
  // deduplicate, since the strings are not looked up.
  uint32_t grow(size_t n) {
    uint32_t off = data.size();
    data.resize(off + n);
    return off;
  }
  char *at(uint32_t off) { return data.data() + off; }
  uint64_t size() const { return data.size(); }
  void writeTo(uint8_t *buf) const { memcpy(buf, data.data(), data.size()); }

private:
  bool dedup;
  std::string data = std::string(1, '\0');
  std::unordered_map<std::string_view, uint32_t> offsets;
};

class StrtabSection : public Chunk {
public:
  explicit StrtabSection(std::string name, uint64_t flags = 0, bool dedup = true)
      : Chunk(std::move(name), llvm::ELF::SHT_STRTAB, flags, 1), strings(dedup) {}
  bool isNeeded(Context &) const override { return true; }
  void computeSize(Context &) override { shdr.sh_size = strings.size(); }
  void writeTo(Context &, uint8_t *buf) override { strings.writeTo(buf); }
  StringTableBuilder strings;
};

class ShstrtabSection : public StrtabSection {
public:
  ShstrtabSection() : StrtabSection(".shstrtab") {}
};

// .symtab: for debuggers and tools only; nothing at run time reads it.
// Locals first (sh_info = first global), as the gABI requires.
class SymtabSection : public Chunk {
public:
  SymtabSection() : Chunk(".symtab", llvm::ELF::SHT_SYMTAB, 0, 8) {
    shdr.sh_entsize = sizeof(ElfSym);
  }
  bool isNeeded(Context &) const override { return true; }
  // Chooses the symbols and adds their names to .strtab.
  void collect(Context &ctx);
  void computeSize(Context &) override { shdr.sh_size = (1 + entries.size()) * sizeof(ElfSym); }
  void writeTo(Context &ctx, uint8_t *buf) override;

  struct Entry {
    Symbol *sym;
    uint32_t nameOffset;
  };
  std::vector<Entry> entries;
  // STT_SECTION symbols to put first (--emit-relocs, emit-relocs.cpp).
  std::vector<Symbol *> sectionSymbols;
};

// Space for COPY relocations: a non-PIC executable that refers to a
// library's variable directly gets its own copy here, and the loader copies
// the library's initial value into it (R_X86_64_COPY), so that every module
// uses this one instance. A variable from a read-only section of its library
// is copied into a .data.rel.ro of ours, under RELRO, so that it stays
// read-only after start-up (as GNU ld does); the others into .bss.
class CopyRelSection : public Chunk {
public:
  explicit CopyRelSection(bool relro)
      : Chunk(relro ? ".data.rel.ro" : ".bss",
              relro ? llvm::ELF::SHT_PROGBITS : llvm::ELF::SHT_NOBITS,
              llvm::ELF::SHF_ALLOC | llvm::ELF::SHF_WRITE, 32) {}
  void computeSize(Context &) override {}
  void writeTo(Context &ctx, uint8_t *buf) override; // zeros (the loader copies)
  uint32_t add(Symbol *sym);                         // returns the symbol's offset
  std::vector<Symbol *> symbols;
};

} // namespace mld
