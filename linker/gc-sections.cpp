// --gc-sections: keep only the sections reachable from the roots (the entry
// point, exported and -u symbols, init/fini code and arrays, notes,
// SHF_GNU_RETAIN sections, sections named by a referenced __start_/__stop_
// symbol), following relocations with an explicit worklist: recursion
// would overflow the stack on large links. .eh_frame is not followed as a
// whole: an FDE keeps its LSDA (.gcc_except_table) alive only if its
// function is alive.
#include "gc-sections.h"
#include "stats.h"

#include "context.h"
#include "parallel.h"
#include "diag.h"

#include "llvm/Support/Endian.h"

#include <atomic>
#include <cstring>
#include <iostream>
#include <mutex>
#include <unordered_set>

namespace mld {

using namespace llvm::ELF;
using llvm::support::endian::read32le;

namespace {
// Marks sections live, on all threads at once: a section's gcLive flag is
// set by an atomic exchange, so exactly one thread queues each section.
// The live set is the least one closed under the rules, whatever the
// order of marking, so the result does not depend on the threads.
struct Marker {
  explicit Marker(Context &ctx) : ctx(ctx) {}
  Context &ctx;
  std::atomic<size_t> liveCount{0};
  // Names whose sections are already marked: every reference to
  // __start_foo would otherwise walk all input sections again.
  std::mutex namesMutex;
  std::unordered_set<std::string_view> namesMarked;

  static bool isLive(InputSection &isec) {
    return std::atomic_ref<bool>(isec.gcLive).load(std::memory_order_relaxed);
  }
  // Marks `isec` and queues it on `out` if it was not live yet.
  void mark(InputSection *isec, std::vector<InputSection *> &out) {
    if (isec && isec->isAlive && !isLive(*isec) &&
        !std::atomic_ref<bool>(isec->gcLive).exchange(true)) {
      liveCount++;
      out.push_back(isec);
    }
  }
  void markSymbol(Symbol *sym, std::vector<InputSection *> &out) {
    if (sym && sym->isDefined() && sym->section)
      mark(sym->section, out);
  }
  void markTarget(InputSection &from, const ElfRela &rel, std::vector<InputSection *> &out) {
    Symbol *sym = from.file->symbols[rel.getSymbol(false)];
    if (sym->section)
      mark(sym->section, out);
    // A reference to __start_foo keeps every section named foo (unless
    // -z start-stop-gc: then they need a reference of their own).
    if ((sym->isUndefined() || sym->isLinkerDefined) && !ctx.config.zStartStopGc) {
      std::string_view n = sym->name;
      if (n.starts_with("__start_") || n.starts_with("__stop_"))
        markSectionsNamed(n.substr(n.starts_with("__start_") ? 8 : 7), out);
    }
  }
  void markSectionsNamed(std::string_view name, std::vector<InputSection *> &out) {
    {
      std::lock_guard<std::mutex> lock(namesMutex);
      if (!namesMarked.insert(name).second)
        return;
    }
    for (ObjectFile *f : ctx.objs)
      for (InputSection *isec : f->sections)
        if (isec && isec->name == name)
          mark(isec, out);
  }
  void propagate(std::vector<InputSection *> frontier);
  bool scanEhFrames();
};
} // namespace

// Follows relocations from the queued sections until nothing new is
// reached. Each task walks its share depth-first on a stack of its own;
// past a budget it hands what is left to the next round, so that one task
// does not end up with the whole graph while the others idle.
void Marker::propagate(std::vector<InputSection *> frontier) {
  constexpr size_t budget = 4096;
  while (!frontier.empty()) {
    size_t tasks = std::min<size_t>(llvm::parallel::strategy.compute_thread_count() * 4,
                                    (frontier.size() + 63) / 64);
    tasks = std::max<size_t>(tasks, 1);
    std::vector<std::vector<InputSection *>> left(tasks);
    llvm::parallelForEachN(0, tasks, [&](size_t t) {
      std::vector<InputSection *> stack(frontier.begin() + frontier.size() * t / tasks,
                                        frontier.begin() + frontier.size() * (t + 1) / tasks);
      size_t done = 0;
      while (!stack.empty() && done < budget) {
        InputSection *isec = stack.back();
        stack.pop_back();
        done++;
        if (isec->isEhFrame)
          continue;
        for (const ElfRela &rel : isec->relas)
          markTarget(*isec, rel, stack);
      }
      left[t] = std::move(stack);
    });
    frontier.clear();
    for (std::vector<InputSection *> &v : left)
      frontier.insert(frontier.end(), v.begin(), v.end());
  }
}

static bool isRoot(const InputSection &isec) {
  std::string_view n = isec.name;
  if (!isec.isAlloc())
    return true; // debug info and the like are kept (and tombstoned)
  if (isec.flags & SHF_GNU_RETAIN || isec.type == SHT_NOTE || isec.type == SHT_INIT_ARRAY ||
      isec.type == SHT_FINI_ARRAY || isec.type == SHT_PREINIT_ARRAY)
    return true;
  // Every name below starts with ".i", ".f", ".c", ".d", ".j" or ".p": most
  // sections (.text.*, .rodata.*, .data.*) are told apart by one byte.
  if (n.size() < 4 || !strchr("ifcdjp", n[1]))
    return false;
  for (std::string_view keep : {".init", ".fini", ".ctors", ".dtors", ".init_array", ".fini_array",
                                ".preinit_array", ".jcr"})
    if (n == keep || (n.starts_with(keep) && n.size() > keep.size() && n[keep.size()] == '.'))
      return true;
  return false;
}

// An FDE whose function is alive keeps what else it references (its LSDA);
// a CIE keeps its personality routine. Returns whether anything new was
// marked.
bool Marker::scanEhFrames() {
  size_t before = liveCount;
  std::vector<std::vector<InputSection *>> found(ctx.objs.size());
  parallelForIndices(ctx.objs.size(), 16, [&](size_t k) {
    ObjectFile *f = ctx.objs[k];
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
          alive = fn->section && isLive(*fn->section);
        }
        if (alive)
          for (size_t i = first; i < r; i++)
            markTarget(*isec, isec->relas[i], found[k]);
        off = end;
      }
    }
  });
  std::vector<InputSection *> frontier;
  for (std::vector<InputSection *> &v : found)
    frontier.insert(frontier.end(), v.begin(), v.end());
  propagate(std::move(frontier));
  return liveCount != before;
}

void gcSections(Context &ctx) {
  ScopedTimer timer(ctx, "gcSections");
  Marker m(ctx);
  // Roots: sections kept for what they are, then what symbols keep.
  std::vector<std::vector<InputSection *>> roots(ctx.objs.size() + 1);
  parallelForIndices(ctx.objs.size(), 16, [&](size_t k) {
    for (InputSection *isec : ctx.objs[k]->sections)
      if (isec && isec->isAlive && isRoot(*isec))
        m.mark(isec, roots[k]);
  });
  std::vector<InputSection *> &more = roots.back();
  m.markSymbol(ctx.entrySym, more);
  for (const std::string &name : ctx.config.undefinedSyms)
    m.markSymbol(ctx.symtab.find(name), more);
  for (const Defsym &d : ctx.config.defsyms) // (NAME is defined after gc)
    if (!d.target.empty())
      m.markSymbol(ctx.symtab.find(d.target), more);
  for (Symbol *sym : ctx.symtab.symbols) {
    bool exported = ctx.config.isShared()
                        ? sym->visibility == STV_DEFAULT || sym->visibility == STV_PROTECTED
                        : ctx.config.exportDynamic || sym->referencedByDso;
    if (exported && sym->isDefined() && ctx.hasDynamicSection)
      m.markSymbol(sym, more);
    if (sym->kind == SymbolKind::Common)
      m.markSymbol(sym, more);
  }
  for (const std::string &name : {ctx.config.initSymbol, ctx.config.finiSymbol})
    m.markSymbol(ctx.symtab.find(name), more);
  std::vector<InputSection *> frontier;
  for (std::vector<InputSection *> &v : roots)
    frontier.insert(frontier.end(), v.begin(), v.end());
  m.propagate(std::move(frontier));
  while (m.scanEhFrames()) {
  }

  auto dead = [](InputSection *isec) {
    return isec && isec->isAlive && !isec->gcLive && !isec->isEhFrame;
  };
  if (ctx.config.printGcSections) {
    for (ObjectFile *f : ctx.objs)
      for (InputSection *isec : f->sections)
        if (dead(isec)) {
          isec->isAlive = false;
          std::cerr << "mld: removing unused section " << isec->describe() << "\n";
        }
    return;
  }
  parallelForIndices(ctx.objs.size(), 16, [&](size_t k) {
    for (InputSection *isec : ctx.objs[k]->sections)
      if (dead(isec))
        isec->isAlive = false;
  });
}

} // namespace mld
