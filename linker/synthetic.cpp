// GOT, PLT, their relocation sections, string and symbol tables, and the
// symbols the linker defines.
#include "synthetic.h"

#include "arch-x86-64.h"
#include "context.h"
#include "parallel.h"
#include "diag.h"
#include "dynamic.h"
#include "input-files.h"

#include "llvm/Support/Endian.h"
#include "llvm/Support/Parallel.h"

#include <algorithm>
#include <cstring>

namespace mld {

using namespace llvm::ELF;
using llvm::support::endian::write64le;

uint64_t DynReloc::getOffset() const {
  return isec ? isec->getVA(offset) : chunk->shdr.sh_addr + offset;
}

uint64_t DynReloc::getTargetVA(Context &ctx) const {
  if (sym->type == STT_SECTION && sym->section && sym->section->isMergeable())
    return sym->section->getVA(sym->value + addend);
  return sym->getVA(ctx) + addend;
}

// ---- .got ----------------------------------------------------------------

uint32_t GotSection::addEntry(Kind kind, Symbol *sym) {
  entries.push_back({kind, sym});
  return entries.size() - 1;
}

void GotSection::writeTo(Context &ctx, uint8_t *buf) {
  for (size_t i = 0; i < entries.size(); i++) {
    const Entry &e = entries[i];
    uint64_t v = 0;
    switch (e.kind) {
    case Kind::Addr:
      // A preemptible symbol's slot is filled by GLOB_DAT at load time.
      // (For a local IFUNC, getVA is its .iplt entry: the canonical address.)
      if (!e.sym->isPreemptible)
        v = e.sym->getVA(ctx);
      break;
    case Kind::TpOff:
      if (!ctx.config.isShared() && !e.sym->isPreemptible)
        v = e.sym->getVA(ctx) - ctx.tpAddr;
      break;
    case Kind::TlsGdMod:
    case Kind::TlsLdMod:
      // An executable is always TLS module 1 (gABI, "Thread-Local Storage").
      if (!ctx.config.isShared() && !ctx.hasDynamicSection)
        v = 1;
      break;
    case Kind::TlsGdOff:
      if (!e.sym->isPreemptible)
        v = e.sym->getVA(ctx) - ctx.tlsBegin;
      break;
    case Kind::TlsDesc:
    case Kind::TlsDescArg:
      break; // the loader fills the descriptor (function, argument)
    }
    write64le(buf + i * 8, v);
  }
}

// ---- .got.plt --------------------------------------------------------------

bool GotPltSection::isNeeded(Context &ctx) const {
  return referenced || ctx.hasDynamicSection ||
         (ctx.plt && (!ctx.plt->symbols.empty() || !ctx.plt->ipltSymbols.empty()));
}

void GotPltSection::computeSize(Context &ctx) {
  shdr.sh_size = (reserved + ctx.plt->symbols.size() + ctx.plt->ipltSymbols.size()) * 8;
}

void GotPltSection::writeTo(Context &ctx, uint8_t *buf) {
  // GOT.PLT[0]: the link-time address of _DYNAMIC, which lets a loader find the
  // dynamic section before it has relocated anything. GOT.PLT[1], [2]: zero.
  if (ctx.dynamic)
    write64le(buf, ((Chunk *)ctx.dynamic)->shdr.sh_addr);
  size_t n = ctx.plt->symbols.size();
  for (size_t i = 0; i < n; i++)
    write64le(buf + (reserved + i) * 8, ctx.plt->lazyStartVA(i));
  for (size_t i = 0; i < ctx.plt->ipltSymbols.size(); i++) {
    Symbol *sym = ctx.plt->ipltSymbols[i];
    write64le(buf + (reserved + n + i) * 8, sym->getDefinitionVA());
  }
}

// ---- .plt ------------------------------------------------------------------

void PltSection::computeSize(Context &ctx) {
  shdr.sh_size = (symbols.empty() ? 0 : headerSize + symbols.size() * entrySize) +
                 ipltSymbols.size() * entrySize;
}

uint64_t PltSection::entryVA(int32_t n) const {
  if (sec)
    return sec->shdr.sh_addr + (uint64_t)n * entrySize;
  return shdr.sh_addr + headerSize + (uint64_t)n * entrySize;
}

uint64_t PltSection::lazyStartVA(int32_t n) const {
  uint64_t entry = shdr.sh_addr + headerSize + (uint64_t)n * entrySize;
  return sec ? entry : entry + 6; // (the classic entry's push follows its jmp)
}

uint64_t PltSection::ipltEntryVA(int32_t i) const {
  uint64_t lazy = symbols.empty() ? 0 : headerSize + symbols.size() * entrySize;
  return shdr.sh_addr + lazy + (uint64_t)i * entrySize;
}

uint64_t PltSection::slotVA(Context &ctx, int32_t n) const {
  return ctx.gotPlt->shdr.sh_addr + (GotPltSection::reserved + n) * 8;
}

uint64_t PltSection::ipltSlotVA(Context &ctx, int32_t i) const {
  return ctx.gotPlt->shdr.sh_addr + (GotPltSection::reserved + symbols.size() + i) * 8;
}

void PltSection::writeTo(Context &ctx, uint8_t *buf) {
  uint64_t off = 0;
  if (!symbols.empty()) {
    writePltHeader(ctx, buf, shdr.sh_addr, ctx.gotPlt->shdr.sh_addr);
    off = headerSize;
    for (size_t i = 0; i < symbols.size(); i++, off += entrySize) {
      if (sec)
        writeIbtPltEntry(buf + off, shdr.sh_addr + off, i, shdr.sh_addr);
      else
        writePltEntry(buf + off, entryVA(i), slotVA(ctx, i), i, shdr.sh_addr);
    }
  }
  for (size_t i = 0; i < ipltSymbols.size(); i++, off += entrySize)
    writeIpltEntry(buf + off, ipltEntryVA(i), ipltSlotVA(ctx, i), ctx.ibtPlt);
}

void PltSecSection::computeSize(Context &ctx) {
  shdr.sh_size = ctx.plt->sec ? ctx.plt->symbols.size() * PltSection::entrySize : 0;
}

void PltSecSection::writeTo(Context &ctx, uint8_t *buf) {
  for (size_t i = 0; i < ctx.plt->symbols.size(); i++)
    writePltSecEntry(buf + i * PltSection::entrySize, ctx.plt->entryVA(i), ctx.plt->slotVA(ctx, i));
}

// ---- .rela.dyn / .rela.plt ---------------------------------------------------

static void writeRela(Context &ctx, uint8_t *buf, const DynReloc &r) {
  auto *rela = reinterpret_cast<ElfRela *>(buf);
  rela->r_offset = r.getOffset();
  uint32_t symIdx = r.sym && r.sym->dynsymIndex > 0 ? r.sym->dynsymIndex : 0;
  rela->setSymbolAndType(symIdx, r.type, false);
  rela->r_addend = r.addendIsSymbolVA ? r.getTargetVA(ctx) : r.addend;
}

void RelaDynSection::computeSize(Context &) { shdr.sh_size = relocs.size() * sizeof(ElfRela); }

void RelaDynSection::sortRelocs() {
  // RELATIVE first, so that DT_RELACOUNT can say how many need no symbol
  // lookup; the rest keep their order. (Sorting RELATIVE by address would
  // only help the loader's cache, at a cost here of n log n.)
  // (By hand rather than std::stable_partition, whose buffer would hold a
  // second copy of every relocation; only the non-RELATIVE ones are set
  // aside here.)
  std::vector<DynReloc> others;
  size_t kept = 0;
  for (DynReloc &r : relocs) {
    if (r.type == R_X86_64_RELATIVE)
      relocs[kept++] = r;
    else
      others.push_back(r);
  }
  std::copy(others.begin(), others.end(), relocs.begin() + kept);
  relativeCount = kept;
}

void RelaDynSection::writeTo(Context &ctx, uint8_t *buf) {
  for (const DynReloc &r : relocs) {
    writeRela(ctx, buf, r);
    buf += sizeof(ElfRela);
  }
}

void RelaPltSection::computeSize(Context &ctx) {
  shdr.sh_size = (ctx.plt->symbols.size() + ctx.plt->ipltSymbols.size()) * sizeof(ElfRela);
}

void RelaPltSection::writeTo(Context &ctx, uint8_t *buf) {
  // Entry n <-> PLT entry n <-> .got.plt[3+n]: the loader's fixup finds the
  // relocation by the index PLTn pushed (docs/abi.md).
  for (size_t i = 0; i < ctx.plt->symbols.size(); i++) {
    DynReloc r{R_X86_64_JUMP_SLOT};
    r.chunk = ctx.gotPlt;
    r.offset = (GotPltSection::reserved + i) * 8;
    r.sym = ctx.plt->symbols[i];
    writeRela(ctx, buf, r);
    buf += sizeof(ElfRela);
  }
  // IRELATIVE: the slot receives resolver() at start-up; addend = resolver.
  for (size_t i = 0; i < ctx.plt->ipltSymbols.size(); i++) {
    Symbol *sym = ctx.plt->ipltSymbols[i];
    auto *rela = reinterpret_cast<ElfRela *>(buf);
    rela->r_offset = ctx.plt->ipltSlotVA(ctx, i);
    rela->setSymbolAndType(0, R_X86_64_IRELATIVE, false);
    rela->r_addend = sym->getDefinitionVA();
    buf += sizeof(ElfRela);
  }
}

// ---- copy relocations ----------------------------------------------------

void CopyRelSection::writeTo(Context &, uint8_t *buf) {
  if (!isNoBits())
    memset(buf, 0, shdr.sh_size);
}

uint32_t CopyRelSection::add(Symbol *sym) {
  // The copy must be as aligned as the original could have been: use the
  // largest power of two dividing its address (capped), as GNU ld does.
  uint64_t v = sym->value;
  uint64_t align = v ? std::min<uint64_t>(v & -v, 64) : 64;
  uint64_t off = (shdr.sh_size + align - 1) & ~(align - 1);
  shdr.sh_size = off + sym->size;
  shdr.sh_addralign = std::max<uint64_t>(shdr.sh_addralign, align);
  symbols.push_back(sym);
  return off;
}

// ---- string tables -------------------------------------------------------

uint32_t StringTableBuilder::add(std::string_view s) {
  if (s.empty())
    return 0;
  if (!dedup)
    return append(s);
  auto [it, inserted] = offsets.try_emplace(s, data.size());
  if (inserted) {
    data.append(s);
    data.push_back('\0');
  }
  return it->second;
}

// ---- .symtab ---------------------------------------------------------------

static bool isPlaced(const Symbol &sym) {
  if (!sym.section)
    return true;
  const InputSection *s = sym.section->merged ? sym.section->merged->out : sym.section;
  return s->osec != nullptr && (sym.section->isAlive || sym.section->merged);
}

// Chooses .symtab's symbols in parallel, in runs (a file's locals, or a
// range of the global table), then lays out their names in .strtab with a
// prefix sum over the runs and copies them in parallel: the table is the
// same as a serial walk would make.
void SymtabSection::collect(Context &ctx) {
  struct Run {
    std::vector<std::pair<Symbol *, std::string_view>> syms;
    uint64_t bytes = 0; // of their names in .strtab
    size_t first = 0;   // index of syms[0] in entries
    void add(Symbol *sym) {
      syms.push_back({sym, sym->name});
      bytes += sym->name.empty() ? 0 : sym->name.size() + 1;
    }
  };
  auto keepGlobalAsLocal = [](const Symbol &s) {
    return s.visibility == STV_HIDDEN || s.visibility == STV_INTERNAL;
  };
  // Locals: each file's STT_FILE and local symbols, then hidden globals
  // (a hidden symbol is local to the output, so it goes with the locals),
  // then the other globals.
  std::vector<Run> locals(ctx.objs.size());
  parallelForIndices(ctx.objs.size(), 16, [&](size_t f) {
    ObjectFile *file = ctx.objs[f];
    for (uint32_t i = 1; i < file->firstGlobal; i++) {
      Symbol &sym = file->localSymbols[i];
      if (sym.type == STT_SECTION || sym.name.empty())
        continue;
      if (sym.type != STT_FILE && (!sym.isDefined() || !isPlaced(sym)))
        continue;
      if (sym.name.starts_with(".L"))
        continue;
      locals[f].add(&sym);
    }
  });
  const std::vector<Symbol *> &all = ctx.symtab.symbols;
  constexpr size_t runSize = 4096;
  size_t nruns = (all.size() + runSize - 1) / runSize;
  std::vector<Run> hidden(nruns), globals(nruns);
  llvm::parallelForEachN(0, nruns, [&](size_t r) {
    for (size_t i = r * runSize; i < std::min(all.size(), (r + 1) * runSize); i++) {
      Symbol *sym = all[i];
      if (keepGlobalAsLocal(*sym) && sym->isDefined()) {
        if (isPlaced(*sym))
          hidden[r].add(sym);
        continue;
      }
      if (sym->isDefined() ? !isPlaced(*sym) : !sym->isUsedInRegularObj)
        continue;
      if (sym->isShared() && !sym->isUsedInRegularObj)
        continue;
      globals[r].add(sym);
    }
  });

  // Section symbols (--emit-relocs relocations refer to them) first.
  std::vector<Run> sections(1);
  for (Symbol *sym : sectionSymbols)
    sections[0].add(sym);
  std::vector<Run *> runs;
  for (std::vector<Run> *v : {&sections, &locals, &hidden, &globals})
    for (Run &run : *v)
      runs.push_back(&run);
  std::vector<uint64_t> nameOff(runs.size());
  StringTableBuilder &strtab = ctx.strtabSec->strings;
  size_t n = entries.size();
  uint64_t off = strtab.size();
  for (size_t i = 0; i < runs.size(); i++) {
    // sh_info: the index of the first global.
    if (!globals.empty() && runs[i] == &globals[0])
      shdr.sh_info = n + 1;
    runs[i]->first = n;
    n += runs[i]->syms.size();
    nameOff[i] = off;
    off += runs[i]->bytes;
  }
  if (globals.empty())
    shdr.sh_info = n + 1;
  entries.resize(n);
  strtab.grow(off - strtab.size());
  parallelForIndices(runs.size(), 16, [&](size_t i) {
    uint64_t o = nameOff[i];
    Entry *e = entries.data() + runs[i]->first;
    for (auto [sym, name] : runs[i]->syms) {
      if (name.empty()) {
        *e++ = {sym, 0};
        continue;
      }
      memcpy(strtab.at(o), name.data(), name.size());
      *e++ = {sym, (uint32_t)o};
      o += name.size() + 1;
    }
  });
}

void SymtabSection::writeTo(Context &ctx, uint8_t *buf) {
  auto *out = reinterpret_cast<ElfSym *>(buf) + 1;
  for (const Entry &e : entries) {
    const Symbol &sym = *e.sym;
    ElfSym &es = *out++;
    es.st_name = e.nameOffset;
    // Hidden definitions were placed among the locals by collect().
    bool hiddenDef =
        sym.isDefined() && (sym.visibility == STV_HIDDEN || sym.visibility == STV_INTERNAL);
    uint8_t binding = sym.isLocal || hiddenDef ? (uint8_t)STB_LOCAL : sym.binding;
    es.setBindingAndType(binding, sym.type);
    es.st_other = sym.visibility;
    es.st_size = sym.size;
    if (sym.type == STT_FILE) {
      es.st_shndx = SHN_ABS;
      es.st_value = 0;
      continue;
    }
    // A COPY-relocated object lives in this output now: it is defined at
    // its copy, as GNU ld lists it (and as .dynsym says).
    if (sym.needs & NeedsCopy) {
      es.st_shndx = sym.copySection(ctx)->shndx;
      es.st_value = sym.getCopyVA(ctx);
      continue;
    }
    if (!sym.isDefined()) {
      es.st_shndx = SHN_UNDEF;
      es.st_value = 0;
      continue;
    }
    es.st_shndx = sym.getOutputShndx();
    uint64_t va = sym.getVA(ctx);
    // TLS symbols' values are offsets in the TLS segment (gABI).
    es.st_value = sym.isTls() && !sym.isAbsolute ? va - ctx.tlsBegin : va;
  }
}

} // namespace mld
