// Test fixtures shared by the unit tests: fake input files with no ELF bytes
// behind them, and a "relocation bench" that places one code section, one
// data section, one TLS section, .got, .got.plt and .plt at fixed addresses
// so each psABI formula can be checked against hand-computed bytes.
#pragma once

#include "arch-x86-64.h"
#include "context.h"
#include "input-files.h"
#include "synthetic.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace mld::test {

// An ObjectFile that only has a name ("a.o"): enough for resolution and for
// the "a.o:(.text+0x4)" locations in messages. `name` must outlive the file.
inline std::unique_ptr<ObjectFile> fakeObject(const char *name) {
  return std::make_unique<ObjectFile>(llvm::MemoryBufferRef(llvm::StringRef(), name), "");
}

inline ElfRela makeRela(uint64_t offset, uint32_t type, uint32_t symIndex, int64_t addend) {
  ElfRela r{};
  r.r_offset = offset;
  r.setSymbolAndType(symIndex, type, false);
  r.r_addend = addend;
  return r;
}

inline std::vector<uint8_t> le32(uint32_t v) {
  return {uint8_t(v), uint8_t(v >> 8), uint8_t(v >> 16), uint8_t(v >> 24)};
}

inline std::vector<uint8_t> le64(uint64_t v) {
  std::vector<uint8_t> r;
  for (int i = 0; i < 8; i++)
    r.push_back(uint8_t(v >> (8 * i)));
  return r;
}

// "48 8d 05 00 10 00 00": how failures print byte strings.
inline std::string hexBytes(const std::vector<uint8_t> &v) {
  static const char digits[] = "0123456789abcdef";
  std::string s;
  for (uint8_t b : v) {
    if (!s.empty())
      s += ' ';
    s += digits[b >> 4];
    s += digits[b & 15];
  }
  return s;
}

inline std::vector<uint8_t> concat(std::initializer_list<std::vector<uint8_t>> parts) {
  std::vector<uint8_t> r;
  for (const auto &p : parts)
    r.insert(r.end(), p.begin(), p.end());
  return r;
}

// One code section (a.o:(.text) at textVA), one data section (.data at
// dataVA), one TLS section (.tdata at tdataVA, TP at tpVA), and .got,
// .got.plt and .plt at fixed addresses. Symbols are added to a.o's symbol
// table; relocations are given by symbol; apply() runs applyRelocations
// over the given bytes and returns what it wrote.
class RelocBench {
public:
  static constexpr uint64_t textVA = 0x401000;
  static constexpr uint64_t pltVA = 0x402000;
  static constexpr uint64_t gotVA = 0x403000;
  static constexpr uint64_t gotPltVA = 0x403800;
  static constexpr uint64_t dataVA = 0x404000;
  static constexpr uint64_t tdataVA = 0x405000;
  static constexpr uint64_t tpVA = 0x405100;

  explicit RelocBench(Config config = Config{}) : ctx(std::move(config)) {
    file = fakeObject("a.o");
    Symbol *null = ctx.newLocalSymbol(); // index 0, STN_UNDEF
    null->isLocal = true;
    null->binding = llvm::ELF::STB_LOCAL;
    file->symbols.push_back(null);

    using namespace llvm::ELF;
    text = placeSection(".text", SHT_PROGBITS, SHF_ALLOC | SHF_EXECINSTR, textVA, 0x100);
    data = placeSection(".data", SHT_PROGBITS, SHF_ALLOC | SHF_WRITE, dataVA, 0x100);
    tdata = placeSection(".tdata", SHT_PROGBITS, SHF_ALLOC | SHF_WRITE | SHF_TLS, tdataVA, 0x100);
    ctx.got = ctx.make<GotSection>();
    ctx.got->shdr.sh_addr = gotVA;
    ctx.gotPlt = ctx.make<GotPltSection>();
    ctx.gotPlt->shdr.sh_addr = gotPltVA;
    ctx.plt = ctx.make<PltSection>();
    ctx.plt->shdr.sh_addr = pltVA;
    ctx.tlsBegin = tdataVA;
    ctx.tlsEnd = tpVA;
    ctx.tpAddr = tpVA;
  }

  // An input section of a.o placed at `va` in an output section of its own.
  InputSection *placeSection(const char *name, uint32_t type, uint64_t flags, uint64_t va,
                             uint64_t size) {
    OutputSection *osec = ctx.make<OutputSection>(name, type, flags);
    osec->shdr.sh_addr = va;
    InputSection *isec = ctx.newSection();
    isec->file = file.get();
    isec->name = name;
    isec->type = type;
    isec->flags = flags;
    isec->size = size;
    isec->osec = osec;
    isec->offset = 0;
    osec->members.push_back(isec);
    return isec;
  }

  // A global symbol of a.o defined at `sec` + `value`.
  Symbol *define(const char *name, InputSection *sec, uint64_t value,
                 uint8_t type = llvm::ELF::STT_NOTYPE, uint64_t size = 0) {
    Symbol *sym = addSymbol(name);
    sym->kind = SymbolKind::Defined;
    sym->section = sec;
    sym->value = value;
    sym->type = type;
    sym->size = size;
    return sym;
  }

  // A global symbol with a fixed address (SHN_ABS).
  Symbol *absolute(const char *name, uint64_t value) {
    Symbol *sym = addSymbol(name);
    sym->kind = SymbolKind::Defined;
    sym->isAbsolute = true;
    sym->value = value;
    return sym;
  }

  Symbol *undefined(const char *name, bool weak) {
    Symbol *sym = addSymbol(name);
    sym->kind = SymbolKind::Undefined;
    sym->isWeakRefOnly = weak;
    sym->binding = weak ? llvm::ELF::STB_WEAK : llvm::ELF::STB_GLOBAL;
    return sym;
  }

  Symbol *addSymbol(const char *name) {
    Symbol *sym = ctx.newLocalSymbol();
    sym->name = name;
    sym->file = file.get();
    file->symbols.push_back(sym);
    return sym;
  }

  uint32_t indexOf(const Symbol *sym) const {
    for (size_t i = 0; i < file->symbols.size(); i++)
      if (file->symbols[i] == sym)
        return i;
    ADD_FAILURE() << "symbol not in a.o";
    return 0;
  }

  void addRela(uint64_t offset, uint32_t type, const Symbol *sym, int64_t addend) {
    relas.push_back(makeRela(offset, type, indexOf(sym), addend));
  }

  // Puts `bytes` in a.o:(.text) with the relocations added so far, applies
  // them, and returns the section's relocated bytes.
  std::vector<uint8_t> apply(std::vector<uint8_t> bytes) {
    code = std::move(bytes);
    text->contents = llvm::ArrayRef<uint8_t>(code.data(), code.size());
    text->size = code.size();
    text->relas = llvm::ArrayRef<ElfRela>(relas.data(), relas.size());
    std::vector<uint8_t> out = code;
    applyRelocations(ctx, *text, out.data());
    return out;
  }

  // apply(), with what it printed on stderr in `err`.
  std::vector<uint8_t> applyCapturingErrors(std::vector<uint8_t> bytes, std::string &err) {
    testing::internal::CaptureStderr();
    std::vector<uint8_t> out = apply(std::move(bytes));
    err = testing::internal::GetCapturedStderr();
    return out;
  }

  Context ctx;
  std::unique_ptr<ObjectFile> file;
  InputSection *text, *data, *tdata;
  std::vector<ElfRela> relas;
  std::vector<uint8_t> code;
};

} // namespace mld::test
