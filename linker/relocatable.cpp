// -r: the passes that make an ET_REL output once inputs are read. What a
// normal link does with addresses, segments, GOT/PLT and dynamic sections
// has no place here; instead:
//   binRelocatableSections  input sections -> output sections by exact name
//                           (a COMDAT member keeps a section of its own, so
//                           that its group survives), notes combined;
//   assignIndices           section order and indices, .rela<name> after
//                           each section with relocations;
//   collectSymbols          .symtab: a section symbol per output section,
//                           each file's locals, then the globals as resolved
//                           (commons stay common, undefined stay undefined);
//   rewriteRelocations      every relocation against the output sections
//                           and .symtab (see rewriteOne);
//   fillGroups              one SHT_GROUP per COMDAT group that won;
//   layoutFile              file offsets, all addresses 0.
// The writer (writer.cpp) then copies the chunks; no relocation is applied.
#include "relocatable.h"

#include "context.h"
#include "dependency-file.h"
#include "diag.h"
#include "eh-frame.h"
#include "gc-sections.h"
#include "gnu-property.h"
#include "layout.h"
#include "map-file.h"
#include "reloc-log.h"
#include "stats.h"
#include "synthetic.h"
#include "writer.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/Support/Endian.h"

#include <cstring>
#include <map>
#include <set>

namespace mld {

using namespace llvm::ELF;
using llvm::support::endian::read32le;
using llvm::support::endian::write32le;

void RelaOutputSection::writeTo(Context &ctx, uint8_t *buf) {
  if (!relas.empty())
    memcpy(buf, relas.data(), relas.size() * sizeof(ElfRela));
}

static uint64_t alignTo(uint64_t v, uint64_t a) { return a <= 1 ? v : (v + a - 1) & ~(a - 1); }

namespace {

// The section index of a symbol: SHN_XINDEX from SHN_LORESERVE on, with the
// real index in .symtab_shndx (gABI, "Extended Section Indexes").
// (A real section may have the number of SHN_ABS or SHN_COMMON: those are
// set by the callers, never through here.)
uint16_t shortIndex(uint32_t idx) {
  return idx >= SHN_LORESERVE ? (uint16_t)SHN_XINDEX : (uint16_t)idx;
}

// .symtab of the ET_REL output, built whole before writing.
class RelSymtabSection : public Chunk {
public:
  RelSymtabSection() : Chunk(".symtab", SHT_SYMTAB, 0, 8) {
    shdr.sh_entsize = sizeof(ElfSym);
    syms.emplace_back(); // index 0
    xindex.push_back(0);
  }
  bool isNeeded(Context &) const override { return true; }
  void computeSize(Context &) override { shdr.sh_size = syms.size() * sizeof(ElfSym); }
  void writeTo(Context &, uint8_t *buf) override {
    memcpy(buf, syms.data(), syms.size() * sizeof(ElfSym));
  }
  // `shndx`: the section index of a symbol in a section (0 for the
  // others), kept in .symtab_shndx when st_shndx cannot hold it.
  uint32_t add(const ElfSym &s, uint32_t shndx) {
    syms.push_back(s);
    xindex.push_back(s.st_shndx == SHN_XINDEX ? shndx : 0);
    return syms.size() - 1;
  }
  std::vector<ElfSym> syms;
  std::vector<uint32_t> xindex; // for .symtab_shndx
};

// .symtab_shndx: one word per symbol, the section index of those whose
// st_shndx is SHN_XINDEX.
class SymtabShndxSection : public Chunk {
public:
  explicit SymtabShndxSection(RelSymtabSection *symtab)
      : Chunk(".symtab_shndx", SHT_SYMTAB_SHNDX, 0, 4), symtab(symtab) {
    shdr.sh_entsize = 4;
  }
  bool isNeeded(Context &) const override { return true; }
  void computeSize(Context &) override { shdr.sh_size = symtab->xindex.size() * 4; }
  void writeTo(Context &, uint8_t *buf) override {
    for (size_t i = 0; i < symtab->xindex.size(); i++)
      write32le(buf + i * 4, symtab->xindex[i]);
  }
  RelSymtabSection *symtab;
};

// A COMDAT group of the output: GRP_COMDAT, then its members' indices.
class GroupOutputSection : public Chunk {
public:
  GroupOutputSection() : Chunk(".group", SHT_GROUP, 0, 4) { shdr.sh_entsize = 4; }
  bool isNeeded(Context &) const override { return true; }
  void computeSize(Context &) override { shdr.sh_size = 4 * (1 + members.size()); }
  void writeTo(Context &, uint8_t *buf) override {
    write32le(buf, GRP_COMDAT);
    for (size_t i = 0; i < members.size(); i++)
      write32le(buf + 4 + i * 4, members[i]->shndx);
  }
  ObjectFile *file = nullptr;
  const ObjectFile::ComdatGroup *group = nullptr;
  std::vector<Chunk *> members; // output sections and their .rela
};

// What the -r passes share.
struct RelState {
  std::vector<OutputSection *> osecs;      // in output order
  std::vector<RelaOutputSection *> relaOf; // by position in osecs (or null)
  llvm::DenseMap<OutputSection *, size_t> position;
  std::vector<GroupOutputSection *> groups;
  RelSymtabSection *symtab = nullptr;
  SymtabShndxSection *symtabShndx = nullptr;
  std::vector<uint32_t> sectionSymbol;                  // by position in osecs
  llvm::DenseMap<const Symbol *, uint32_t> symbolIndex; // locals and globals
};

bool isDebugSection(std::string_view name) {
  return name.starts_with(".debug") || name.starts_with(".zdebug") || name.starts_with(".stab");
}

// ---- binning ---------------------------------------------------------------

struct RelBinner {
  Context &ctx;
  RelState &st;
  std::map<std::pair<std::string_view, OutputSection *>, OutputSection *>
      byName; // (name, SHF_LINK_ORDER target) -> section

  OutputSection *newSection(InputSection &isec) {
    auto *osec = ctx.make<OutputSection>(std::string(isec.name), isec.type,
                                         isec.flags & ~(uint64_t)SHF_GROUP);
    osec->shdr.sh_entsize = isec.entsize;
    st.position[osec] = st.osecs.size();
    st.osecs.push_back(osec);
    ctx.outputSections.push_back(osec);
    return osec;
  }

  // Folds a member's type and flags into its section, as binSections does,
  // except that SHF_MERGE survives while every member agrees on it (the
  // next link merges the strings).
  void join(OutputSection *osec, InputSection &isec) {
    ElfShdr &sh = osec->shdr;
    if (!osec->members.empty()) {
      if (sh.sh_type == SHT_NOBITS && isec.type != SHT_NOBITS)
        sh.sh_type = isec.type;
      uint64_t mergeBits = SHF_MERGE | SHF_STRINGS;
      if ((isec.flags & mergeBits) != (sh.sh_flags & mergeBits) || isec.entsize != sh.sh_entsize) {
        sh.sh_flags &= ~mergeBits;
        sh.sh_entsize = 0;
      }
      sh.sh_flags |= isec.flags & ~(uint64_t)(SHF_GROUP | mergeBits);
    }
    osec->members.push_back(&isec);
    isec.osec = osec;
  }

  // The output section that SHF_LINK_ORDER section `isec` refers to.
  OutputSection *linkTarget(ObjectFile &file, InputSection &isec) {
    if (!(isec.flags & SHF_LINK_ORDER))
      return nullptr;
    auto shdrs = check(ctx, file.elf->sections(), file.displayName());
    uint32_t link = shdrs[isec.shndx].sh_link;
    InputSection *to = link < file.sections.size() ? file.sections[link] : nullptr;
    return to ? to->osec : nullptr;
  }

  void binFile(ObjectFile &file) {
    // The winning groups' members each get a section of their own.
    std::vector<GroupOutputSection *> groupOf(file.sections.size());
    for (const ObjectFile::ComdatGroup &g : file.comdatGroups) {
      auto it = ctx.comdatGroups.find(g.signature);
      if (it == ctx.comdatGroups.end() || it->second != &file)
        continue;
      auto *grp = ctx.make<GroupOutputSection>();
      grp->file = &file;
      grp->group = &g;
      st.groups.push_back(grp);
      for (uint32_t m : g.members)
        groupOf[m] = grp;
    }
    for (uint32_t i = 0; i < file.sections.size(); i++) {
      InputSection *isec = file.sections[i];
      if (!isec || !isec->isAlive)
        continue;
      if (GroupOutputSection *grp = groupOf[i]) {
        OutputSection *osec = newSection(*isec);
        osec->shdr.sh_flags |= SHF_GROUP;
        join(osec, *isec);
        grp->members.push_back(osec);
        continue;
      }
      OutputSection *&osec = byName[{isec->name, linkTarget(file, *isec)}];
      if (!osec)
        osec = newSection(*isec);
      join(osec, *isec);
    }
  }

  void place(InputSection *isec) { join(newSection(*isec), *isec); }

  // -d: the commons, made definitions, join the inputs' .bss.
  void placeCommons() {
    for (InputSection *isec : ctx.commonSections) {
      isec->name = ".bss";
      OutputSection *&osec = byName[{isec->name, nullptr}];
      if (!osec)
        osec = newSection(*isec);
      join(osec, *isec);
    }
  }
};

// .note.GNU-stack: present if any input had one or -z (no)execstack was
// given, executable if any input's asked for it (GNU ld's rule). The
// reader drops these sections, so their headers are looked at here.
InputSection *makeGnuStackNote(Context &ctx) {
  bool any = false, exec = ctx.config.zExecStack;
  for (ObjectFile *file : ctx.objs) {
    auto shdrs = check(ctx, file->elf->sections(), file->displayName());
    for (const ElfShdr &sh : shdrs) {
      if (sh.sh_type != SHT_PROGBITS || sh.sh_size != 0)
        continue;
      auto name = file->elf->getSectionName(sh);
      if (!name || *name != ".note.GNU-stack")
        continue;
      any = true;
      exec |= (sh.sh_flags & SHF_EXECINSTR) != 0;
    }
  }
  if (!any && !exec)
    return nullptr;
  InputSection *isec = ctx.newSection();
  isec->name = ".note.GNU-stack";
  isec->type = SHT_PROGBITS;
  isec->flags = exec ? (uint64_t)SHF_EXECINSTR : 0;
  return isec;
}

void binRelocatableSections(Context &ctx, RelState &st) {
  // The inputs' property notes are replaced by their combination.
  mergeGnuPropertyNotes(ctx);
  RelBinner binner{ctx, st, {}};
  for (ObjectFile *file : ctx.objs)
    binner.binFile(*file);
  binner.placeCommons();
  if (InputSection *stack = makeGnuStackNote(ctx))
    binner.place(stack);
  for (OutputSection *osec : st.osecs)
    osec->computeSize(ctx);
}

// ---- section order and indices ---------------------------------------------

void assignIndices(Context &ctx, RelState &st) {
  st.relaOf.assign(st.osecs.size(), nullptr);
  for (size_t i = 0; i < st.osecs.size(); i++)
    for (InputSection *isec : st.osecs[i]->members)
      if (!isec->relas.empty()) {
        st.relaOf[i] = ctx.make<RelaOutputSection>(st.osecs[i]);
        if (st.osecs[i]->shdr.sh_flags & SHF_GROUP)
          st.relaOf[i]->shdr.sh_flags |= SHF_GROUP;
        break;
      }
  // A group none of whose members is kept (all debug info, with -S) goes.
  std::erase_if(st.groups, [](GroupOutputSection *g) { return g->members.empty(); });
  std::vector<Chunk *> &order = ctx.chunks;
  order.push_back(ctx.ehdr);
  for (GroupOutputSection *g : st.groups)
    order.push_back(g);
  for (size_t i = 0; i < st.osecs.size(); i++) {
    order.push_back(st.osecs[i]);
    if (st.relaOf[i])
      order.push_back(st.relaOf[i]);
  }
  st.symtab = ctx.make<RelSymtabSection>();
  order.push_back(st.symtab);
  // Section indices from SHN_LORESERVE on need .symtab_shndx.
  if (order.size() - 1 >= SHN_LORESERVE) {
    st.symtabShndx = ctx.make<SymtabShndxSection>(st.symtab);
    order.push_back(st.symtabShndx);
  }
  order.push_back(ctx.strtabSec);
  order.push_back(ctx.shstrtabSec);
  order.push_back(ctx.shdr);
  uint32_t idx = 1;
  for (Chunk *c : order)
    if (!c->isHeader()) {
      c->shndx = idx++;
      c->shdr.sh_name = ctx.shstrtabSec->strings.add(c->name);
    }
  ((Chunk *)st.symtab)->shdr.sh_link = ((Chunk *)ctx.strtabSec)->shndx;
  if (st.symtabShndx)
    st.symtabShndx->shdr.sh_link = st.symtab->shndx;
  for (size_t i = 0; i < st.osecs.size(); i++)
    if (RelaOutputSection *r = st.relaOf[i]) {
      r->shdr.sh_link = st.symtab->shndx;
      r->shdr.sh_info = st.osecs[i]->shndx;
    }
  // SHF_LINK_ORDER: sh_link names the section this one describes.
  for (OutputSection *osec : st.osecs) {
    if (!(osec->shdr.sh_flags & SHF_LINK_ORDER) || !osec->members.front()->file)
      continue;
    InputSection *first = osec->members.front();
    auto shdrs = check(ctx, first->file->elf->sections(), first->file->displayName());
    uint32_t link = shdrs[first->shndx].sh_link;
    InputSection *to = link < first->file->sections.size() ? first->file->sections[link] : nullptr;
    osec->shdr.sh_link = to && to->osec ? to->osec->shndx : 0;
  }
  for (GroupOutputSection *g : st.groups) {
    std::vector<Chunk *> withRelas;
    for (Chunk *m : g->members) {
      withRelas.push_back(m);
      if (RelaOutputSection *r = st.relaOf[st.position[static_cast<OutputSection *>(m)]])
        withRelas.push_back(r);
    }
    g->members = std::move(withRelas);
  }
}

// ---- .symtab -----------------------------------------------------------------

bool isPlacedSection(const InputSection *isec) { return isec && isec->isAlive && isec->osec; }

ElfSym makeSym(Context &ctx, const Symbol &sym, uint8_t binding, uint32_t &shndx) {
  ElfSym es{};
  es.st_name = sym.name.empty() ? 0 : ctx.strtabSec->strings.add(sym.name);
  es.setBindingAndType(binding, sym.type);
  es.st_other = sym.visibility;
  es.st_size = sym.size;
  shndx = 0;
  if (sym.type == STT_FILE || sym.isAbsolute) {
    es.st_shndx = SHN_ABS;
    es.st_value = sym.type == STT_FILE ? 0 : sym.value;
  } else if (sym.kind == SymbolKind::Common) {
    es.st_shndx = SHN_COMMON;
    es.st_value = sym.commonAlign; // a common's value is its alignment
  } else if (sym.isDefined() && isPlacedSection(sym.section)) {
    shndx = sym.section->osec->shndx;
    es.st_shndx = shortIndex(shndx);
    es.st_value = sym.section->offset + sym.value;
  } else {
    es.st_shndx = SHN_UNDEF;
    es.st_size = 0;
  }
  return es;
}

// Section symbols first, then each file's locals (STT_FILE first, as the
// input had them), then the globals in the order they were first seen.
void collectSymbols(Context &ctx, RelState &st) {
  RelSymtabSection &tab = *st.symtab;
  st.sectionSymbol.resize(st.osecs.size());
  for (size_t i = 0; i < st.osecs.size(); i++) {
    ElfSym es{};
    es.setBindingAndType(STB_LOCAL, STT_SECTION);
    es.st_shndx = shortIndex(st.osecs[i]->shndx);
    st.sectionSymbol[i] = tab.add(es, st.osecs[i]->shndx);
  }
  llvm::DenseMap<ObjectFile *, std::vector<GroupOutputSection *>> groupsOf;
  for (GroupOutputSection *g : st.groups)
    groupsOf[g->file].push_back(g);
  for (ObjectFile *file : ctx.objs) {
    for (uint32_t i = 1; i < file->firstGlobal; i++) {
      Symbol &sym = file->localSymbols[i];
      if (sym.type == STT_SECTION)
        continue;
      // Locals of discarded sections go (references to them become
      // R_X86_64_NONE, see rewriteOne); so do undefined locals.
      if (sym.type != STT_FILE && !sym.isAbsolute &&
          !(sym.isDefined() && isPlacedSection(sym.section)))
        continue;
      uint32_t shndx;
      ElfSym es = makeSym(ctx, sym, STB_LOCAL, shndx);
      st.symbolIndex[&sym] = tab.add(es, shndx);
    }
    // A group whose signature is a local symbol of no kept section (GCC
    // defines it in the SHT_GROUP section itself) gets one, in its group.
    if (auto it = groupsOf.find(file); it != groupsOf.end())
      for (GroupOutputSection *g : it->second) {
        Symbol *sig = file->symbols[g->group->symbolIndex];
        if (!sig->isLocal || sig->type == STT_SECTION || st.symbolIndex.count(sig))
          continue;
        ElfSym es{};
        es.st_name = ctx.strtabSec->strings.add(sig->name);
        es.setBindingAndType(STB_LOCAL, STT_NOTYPE);
        es.st_shndx = shortIndex(g->shndx);
        st.symbolIndex[sig] = tab.add(es, g->shndx);
      }
  }
  ((Chunk *)st.symtab)->shdr.sh_info = tab.syms.size();
  std::set<std::string_view> named(ctx.config.undefinedSyms.begin(),
                                   ctx.config.undefinedSyms.end());
  for (Symbol *sym : ctx.symtab.symbols) {
    // (-u names stay in the object, as references for the next link.)
    bool keep = named.count(sym->name) || sym->kind == SymbolKind::Common ||
                (sym->isDefined() && (sym->isAbsolute || isPlacedSection(sym->section))) ||
                (!sym->isDefined() && sym->isUsedInRegularObj);
    if (!keep)
      continue;
    uint8_t binding = sym->binding;
    if (!sym->isDefined() && sym->kind != SymbolKind::Common)
      binding = sym->isWeakRefOnly ? STB_WEAK : STB_GLOBAL;
    uint32_t shndx;
    ElfSym es = makeSym(ctx, *sym, binding, shndx);
    st.symbolIndex[sym] = tab.add(es, shndx);
  }
}

// ---- relocations -----------------------------------------------------------

// One input relocation as the output states it. A named symbol stays the
// target (locals included: a reference into a SHF_MERGE section must keep
// its symbol, since the next link picks the string by the symbol's value,
// not by S + A); a section symbol becomes the output section's, with the
// input section's place folded into the addend. A reference into a
// discarded section (a losing COMDAT copy) becomes R_X86_64_NONE, or, in
// debug sections, is dropped, as GNU ld does. Returns false to drop it.
bool rewriteOne(Context &ctx, RelState &st, InputSection &isec, const ElfRela &in, ElfRela &out) {
  out = in;
  out.r_offset = isec.offset + in.r_offset;
  uint32_t type = in.getType(false);
  uint32_t symIdx = in.getSymbol(false);
  if (symIdx == 0)
    return true;
  Symbol *sym = isec.file->symbols[symIdx];
  if (auto it = st.symbolIndex.find(sym); it != st.symbolIndex.end()) {
    out.setSymbolAndType(it->second, type, false);
    return true;
  }
  if (sym->isLocal && sym->isDefined() && isPlacedSection(sym->section)) {
    size_t pos = st.position[sym->section->osec];
    out.setSymbolAndType(st.sectionSymbol[pos], type, false);
    out.r_addend = in.r_addend + sym->section->offset + sym->value;
    return true;
  }
  if (sym->isLocal && sym->isAbsolute) {
    out.setSymbolAndType(0, type, false);
    out.r_addend = in.r_addend + sym->value;
    return true;
  }
  if (isDebugSection(isec.name))
    return false;
  out.setSymbolAndType(0, R_X86_64_NONE, false);
  out.r_addend = 0;
  return true;
}

// The name an output relocation's symbol shows in the log.
std::string outputSymbolName(Context &ctx, const RelState &st, uint32_t idx) {
  if (idx == 0)
    return "";
  if (idx <= st.osecs.size())
    return st.osecs[idx - 1]->name; // the section symbols come first
  const ElfSym &es = st.symtab->syms[idx];
  return es.st_name ? std::string(ctx.strtabSec->strings.at(es.st_name)) : "";
}

void logRewritten(Context &ctx, const RelState &st, InputSection &isec, const ElfRela &in,
                  const ElfRela *out, const RelaOutputSection &rela) {
  const Symbol &sym = *isec.file->symbols[in.getSymbol(false)];
  if (!out) {
    ctx.relocLog->addRewritten(isec, in, sym, rela.name, 0, R_X86_64_NONE, "", 0,
                               "dropped: target section discarded");
    return;
  }
  uint32_t idx = out->getSymbol(false);
  ctx.relocLog->addRewritten(isec, in, sym, rela.name, out->r_offset, out->getType(false),
                             outputSymbolName(ctx, st, idx), out->r_addend,
                             out->getType(false) == R_X86_64_NONE &&
                                     in.getType(false) != R_X86_64_NONE
                                 ? "target section discarded"
                                 : "");
}

void rewriteRelocations(Context &ctx, RelState &st) {
  for (size_t i = 0; i < st.osecs.size(); i++) {
    RelaOutputSection *rela = st.relaOf[i];
    if (!rela)
      continue;
    for (InputSection *isec : st.osecs[i]->members) {
      if (!isec->file)
        continue;
      for (const ElfRela &in : isec->relas) {
        ElfRela out;
        bool kept = rewriteOne(ctx, st, *isec, in, out);
        if (kept)
          rela->relas.push_back(out);
        if (ctx.relocLog)
          logRewritten(ctx, st, *isec, in, kept ? &out : nullptr, *rela);
      }
    }
  }
}

// Each group names its signature by a symbol of .symtab: the global of
// that name, or the section symbol of the member the signature's local
// symbol stands for.
void fillGroups(Context &ctx, RelState &st) {
  for (GroupOutputSection *g : st.groups) {
    Symbol *sig = g->file->symbols[g->group->symbolIndex];
    uint32_t idx = 0;
    if (auto it = st.symbolIndex.find(sig); it != st.symbolIndex.end())
      idx = it->second;
    else if (sig->section && sig->section->osec)
      idx = st.sectionSymbol[st.position[sig->section->osec]];
    else
      Fatal(ctx) << g->file->displayName() << ": COMDAT group " << g->group->signature.val().str()
                 << ": signature symbol is not "
                 << "in the output";
    g->shdr.sh_link = st.symtab->shndx;
    g->shdr.sh_info = idx;
  }
}

// Offsets in order, every address 0; the section headers last.
void layoutFile(Context &ctx) {
  for (Chunk *c : ctx.chunks)
    if (!dynamic_cast<OutputSection *>(c))
      c->computeSize(ctx);
  uint64_t off = 0;
  for (Chunk *c : ctx.chunks) {
    if (c != ctx.ehdr)
      off = alignTo(off, std::max<uint64_t>(c->shdr.sh_addralign, 1));
    c->shdr.sh_offset = off;
    c->shdr.sh_addr = 0;
    if (!c->isNoBits())
      off += c->shdr.sh_size;
  }
  ctx.fileSize = off;
}

} // namespace

[[noreturn]] void linkRelocatable(Context &ctx) {
  RelState st;
  {
    ScopedTimer t(ctx, "prepareSections");
    // -d (-dc, -dp): commons get their space now, as in a final link;
    // otherwise they stay SHN_COMMON for the next link to allocate.
    if (ctx.config.defineCommon)
      convertCommonSymbols(ctx);
    // -S (and -s, which cannot drop the symbols relocations need) drop
    // debug sections; .eh_frame loses the FDEs of discarded functions.
    SectionsToPrepare todo = findSectionsToPrepare(ctx);
    pruneEhFrames(ctx, todo.ehFrames);
  }
  ctx.ehdr = ctx.make<OutputEhdr>();
  ctx.strtabSec = ctx.make<StrtabSection>(".strtab", 0, /*dedup=*/false);
  ctx.shstrtabSec = ctx.make<ShstrtabSection>();
  ctx.shdr = ctx.make<OutputShdr>();
  {
    ScopedTimer t(ctx, "binSections");
    binRelocatableSections(ctx, st);
  }
  {
    ScopedTimer t(ctx, "symbolsAndRelocations");
    assignIndices(ctx, st);
    collectSymbols(ctx, st);
    rewriteRelocations(ctx, st);
    fillGroups(ctx, st);
  }
  checkpoint(ctx);
  layoutFile(ctx);
  if (!ctx.config.mapPath.empty())
    writeMapFile(ctx);
  writeOutput(ctx);
  writeDependencyFile(ctx);
  reportStats(ctx);
  exitLink(ctx, 0);
}

} // namespace mld
