// --gc-sections: keep only the sections reachable from the roots (the entry
// point, exported and -u symbols, init/fini code and arrays, notes,
// SHF_GNU_RETAIN sections, sections named by a referenced __start_/__stop_
// symbol), following relocations with an explicit worklist: recursion
// would overflow the stack on large links. .eh_frame is not followed as a
// whole: an FDE keeps its LSDA (.gcc_except_table) alive only if its
// function is alive.
#include "gc-sections.h"

#include "context.h"
#include "diag.h"

#include "llvm/Support/Endian.h"

#include <iostream>
#include <cstring>
#include <unordered_set>

namespace mld {

using namespace llvm::ELF;
using llvm::support::endian::read32le;

namespace {
struct Marker {
  explicit Marker(Context &ctx) : ctx(ctx) {}
  Context &ctx;
  std::vector<InputSection *> worklist;
  size_t liveCount = 0;

  void mark(InputSection *isec) {
    if (isec && isec->isAlive && !isec->gcLive) {
      isec->gcLive = true;
      liveCount++;
      worklist.push_back(isec);
    }
  }
  void markSymbol(Symbol *sym) {
    if (sym && sym->isDefined() && sym->section)
      mark(sym->section);
  }
  void markTarget(InputSection &from, const ElfRela &rel) {
    Symbol *sym = from.file->symbols[rel.getSymbol(false)];
    if (sym->section)
      mark(sym->section);
    // A reference to __start_foo keeps every section named foo.
    if (sym->isUndefined() || sym->isLinkerDefined) {
      std::string_view n = sym->name;
      if (n.starts_with("__start_") || n.starts_with("__stop_"))
        markSectionsNamed(n.substr(n.starts_with("__start_") ? 8 : 7));
    }
  }
  // Names whose sections are already marked: every reference to
  // __start_foo would otherwise walk all input sections again.
  std::unordered_set<std::string_view> namesMarked;
  void markSectionsNamed(std::string_view name) {
    if (!namesMarked.insert(name).second)
      return;
    for (ObjectFile *f : ctx.objs)
      for (InputSection *isec : f->sections)
        if (isec && isec->name == name)
          mark(isec);
  }
  void propagate() {
    while (!worklist.empty()) {
      InputSection *isec = worklist.back();
      worklist.pop_back();
      if (isec->isEhFrame)
        continue;
      for (const ElfRela &rel : isec->relas)
        markTarget(*isec, rel);
    }
  }
  bool scanEhFrames();
};
} // namespace

static bool isRoot(const InputSection &isec) {
  std::string_view n = isec.name;
  if (!isec.isAlloc())
    return true; // debug info and the like are kept (and tombstoned)
  if (isec.flags & SHF_GNU_RETAIN || isec.type == SHT_NOTE ||
      isec.type == SHT_INIT_ARRAY || isec.type == SHT_FINI_ARRAY ||
      isec.type == SHT_PREINIT_ARRAY)
    return true;
  // Every name below starts with ".i", ".f", ".c", ".d", ".j" or ".p": most
  // sections (.text.*, .rodata.*, .data.*) are told apart by one byte.
  if (n.size() < 4 || !strchr("ifcdjp", n[1]))
    return false;
  for (std::string_view keep : {".init", ".fini", ".ctors", ".dtors",
                                ".init_array", ".fini_array", ".preinit_array",
                                ".jcr"})
    if (n == keep || (n.starts_with(keep) && n.size() > keep.size() &&
                      n[keep.size()] == '.'))
      return true;
  return false;
}

// An FDE whose function is alive keeps what else it references (its LSDA);
// a CIE keeps its personality routine. Returns whether anything new was
// marked.
bool Marker::scanEhFrames() {
  size_t before = liveCount;
  for (ObjectFile *f : ctx.objs) {
    for (InputSection *isec : f->sections) {
      if (!isec || !isec->isEhFrame || !isec->isAlive)
        continue;
      llvm::ArrayRef<uint8_t> d = isec->contents;
      size_t r = 0;
      for (uint64_t off = 0; off + 8 <= d.size();) {
        uint32_t len = read32le(d.data() + off);
        if (len == 0 || len == 0xffffffff || off + 4 + len > d.size())
          break;
        uint64_t end = off + 4 + len;
        bool isCie = read32le(d.data() + off + 4) == 0;
        size_t first = r;
        while (r < isec->relas.size() && isec->relas[r].r_offset < end)
          r++;
        bool alive = isCie;
        if (!isCie && first < r) {
          Symbol *fn = f->symbols[isec->relas[first].getSymbol(false)];
          alive = fn->section && fn->section->gcLive;
        }
        if (alive)
          for (size_t i = first; i < r; i++)
            markTarget(*isec, isec->relas[i]);
        off = end;
      }
    }
  }
  propagate();
  return liveCount != before;
}

void gcSections(Context &ctx) {
  Marker m(ctx);
  for (ObjectFile *f : ctx.objs)
    for (InputSection *isec : f->sections)
      if (isec && isec->isAlive && isRoot(*isec))
        m.mark(isec);
  m.markSymbol(ctx.entrySym);
  for (const std::string &name : ctx.config.undefinedSyms)
    m.markSymbol(ctx.symtab.find(name));
  for (Symbol *sym : ctx.symtab.symbols) {
    bool exported = ctx.config.isShared()
                        ? sym->visibility == STV_DEFAULT ||
                              sym->visibility == STV_PROTECTED
                        : ctx.config.exportDynamic || sym->referencedByDso;
    if (exported && sym->isDefined() && ctx.hasDynamicSection)
      m.markSymbol(sym);
    if (sym->kind == SymbolKind::Common)
      m.markSymbol(sym);
  }
  for (const std::string &name : {ctx.config.initSymbol, ctx.config.finiSymbol})
    m.markSymbol(ctx.symtab.find(name));
  m.propagate();
  while (m.scanEhFrames()) {
  }

  for (ObjectFile *f : ctx.objs) {
    for (InputSection *isec : f->sections) {
      if (!isec || !isec->isAlive || isec->gcLive || isec->isEhFrame)
        continue;
      isec->isAlive = false;
      if (ctx.config.printGcSections)
        std::cerr << "mld: removing unused section " << isec->describe()
                  << "\n";
    }
  }
}

} // namespace mld
