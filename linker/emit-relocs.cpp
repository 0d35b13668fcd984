// --emit-relocs: each relocation of each placed input section is written
// out again, as GNU ld writes it:
// - r_offset is the final address of the place (in non-allocated sections,
//   whose address is 0, the offset in the output section);
// - a global keeps its symbol (its index in .symtab) and its addend; a local
//   becomes its output section's STT_SECTION symbol, the distance from the
//   section's start folded into the addend (for a SHF_MERGE section symbol,
//   to the merged piece that S + A selected), so S + A is unchanged;
// - a GOTPCRELX that was relaxed (mov -> lea, call/jmp *GOT -> direct) is
//   R_X86_64_PC32, whose formula the rewritten bytes now follow; the jmp
//   form's displacement moved one byte back, so its r_offset does too. TLS
//   sequences keep their types, as with GNU ld (a tool reads them as the
//   model the code was written for);
// - a reference to a discarded section becomes R_X86_64_NONE.
#include "emit-relocs.h"

#include "arch-x86-64.h"
#include "context.h"
#include "relocatable.h"
#include "reloc-log.h"
#include "synthetic.h"

#include "llvm/ADT/DenseMap.h"

namespace mld {

using namespace llvm::ELF;

void createEmitRelocSections(Context &ctx) {
  std::vector<OutputSection *> osecs = ctx.outputSections;
  for (OutputSection *osec : osecs) {
    if (osec->members.empty())
      continue;
    // Every section can be the target of a local's relocation: each one
    // gets its STT_SECTION symbol.
    if (ctx.symtabSec) {
      Symbol *sym = ctx.newLocalSymbol();
      sym->kind = SymbolKind::Defined;
      sym->type = STT_SECTION;
      sym->binding = STB_LOCAL;
      sym->isLocal = true;
      sym->isLinkerDefined = true;
      sym->chunk = osec;
      ctx.symtabSec->sectionSymbols.push_back(sym);
    }
    size_t n = 0;
    for (InputSection *isec : osec->members)
      if (isec->file)
        n += isec->relas.size();
    if (n == 0)
      continue;
    auto *rela = ctx.make<RelaOutputSection>(osec);
    rela->relas.resize(n);
  }
}

namespace {

struct Emitter {
  explicit Emitter(Context &ctx) : ctx(ctx) {}
  Context &ctx;
  llvm::DenseMap<const Symbol *, uint32_t> index; // in .symtab
  llvm::DenseMap<const Chunk *, uint32_t> sectionIndex;

  // The section symbol (and the address it stands for) of output section
  // `c`, or 0 when .symtab is stripped.
  uint32_t sectionSymbol(const Chunk *c) {
    auto it = sectionIndex.find(c);
    return it == sectionIndex.end() ? 0 : it->second;
  }

  ElfRela emit(InputSection &isec, const ElfRela &in, const char *&note);
};

ElfRela Emitter::emit(InputSection &isec, const ElfRela &in, const char *&note) {
  ElfRela out = in;
  out.r_offset = isec.getVA(in.r_offset);
  uint32_t type = in.getType(false);
  Symbol &sym = *isec.file->symbols[in.getSymbol(false)];
  if (in.getSymbol(false) == 0)
    return out;
  if (sym.isInDiscardedSection()) {
    out.setSymbolAndType(0, R_X86_64_NONE, false);
    out.r_addend = 0;
    note = "target section discarded";
    return out;
  }
  if ((type == R_X86_64_GOTPCRELX || type == R_X86_64_REX_GOTPCRELX) &&
      canRelaxGotPcRelX(ctx, isec, in, sym)) {
    type = R_X86_64_PC32;
    note = "relaxed GOTPCRELX";
    if (isec.contents[in.r_offset - 2] == 0xff && isec.contents[in.r_offset - 1] == 0x25)
      out.r_offset -= 1; // jmp *GOT -> jmp rel32; nop
  }
  auto it = sym.isLocal ? index.end() : index.find(&sym);
  if (it != index.end()) {
    out.setSymbolAndType(it->second, type, false);
    return out;
  }
  // A local (or a global .symtab left out): its section's symbol.
  int64_t A = in.r_addend;
  uint64_t S;
  const Chunk *osec = nullptr;
  if (sym.type == STT_SECTION && sym.section && sym.section->isMergeable()) {
    S = sym.section->getVA(sym.value + A); // the piece S + A selects
    A = 0;
    osec = sym.section->merged->out->osec;
  } else {
    S = sym.getVA(ctx);
    if (sym.section)
      osec = sym.section->merged ? sym.section->merged->out->osec : sym.section->osec;
    else
      osec = sym.chunk;
  }
  uint32_t secSym = osec ? sectionSymbol(osec) : 0;
  uint64_t base = secSym ? osec->shdr.sh_addr : 0;
  out.setSymbolAndType(secSym, type, false);
  out.r_addend = (int64_t)(S - base) + A;
  return out;
}

} // namespace

void fillEmitRelocSections(Context &ctx) {
  Emitter em{ctx};
  if (ctx.symtabSec) {
    for (Symbol *sym : ctx.symtabSec->sectionSymbols) {
      sym->value = sym->chunk->shdr.sh_addr;
    }
    const auto &entries = ctx.symtabSec->entries;
    for (size_t i = 0; i < entries.size(); i++) {
      const Symbol *sym = entries[i].sym;
      if (sym->type == STT_SECTION)
        em.sectionIndex[sym->chunk] = i + 1;
      else if (!sym->isLocal)
        em.index[sym] = i + 1;
    }
  }
  for (Chunk *c : ctx.chunks) {
    auto *rela = dynamic_cast<RelaOutputSection *>(c);
    if (!rela)
      continue;
    rela->shdr.sh_link = ctx.symtabSec ? ((Chunk *)ctx.symtabSec)->shndx : 0;
    rela->shdr.sh_info = rela->target->shndx;
    size_t k = 0;
    for (InputSection *isec : rela->target->members) {
      if (!isec->file)
        continue;
      for (const ElfRela &in : isec->relas) {
        const char *note = "";
        ElfRela &out = rela->relas[k++] = em.emit(*isec, in, note);
        if (ctx.relocLog) {
          uint32_t idx = out.getSymbol(false);
          std::string name;
          if (idx && ctx.symtabSec) {
            const Symbol *s = ctx.symtabSec->entries[idx - 1].sym;
            name = s->type == STT_SECTION ? s->chunk->name : std::string(s->name);
          }
          ctx.relocLog->addRewritten(*isec, in, *isec->file->symbols[in.getSymbol(false)],
                                     rela->name, out.r_offset, out.getType(false), name,
                                     out.r_addend, note);
        }
      }
    }
  }
}

} // namespace mld
