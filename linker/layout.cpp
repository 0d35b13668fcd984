// Layout: binning input sections into output sections, ordering the output
// chunks, grouping them into segments, and giving everything an address and
// a file offset. After assignAddresses every address is final.
#include "layout.h"
#include "stats.h"
#include "section-order.h"

#include "context.h"
#include "parallel.h"
#include "diag.h"
#include "dynamic.h"
#include "synthetic.h"
#include "version-script.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Parallel.h"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <map>
#include <mutex>
#include <unordered_map>

namespace mld {

using namespace llvm::ELF;

// A common symbol becomes a definition in a .bss-like section of its own
// (the largest size and alignment won in resolution), as GNU ld's *(COMMON).
void convertCommonSymbols(Context &ctx) {
  ScopedTimer timer(ctx, "convertCommonSymbols");
  for (Symbol *sym : ctx.symtab.symbols) {
    if (sym->kind != SymbolKind::Common)
      continue;
    InputSection *isec = ctx.newSection();
    isec->file = static_cast<ObjectFile *>(sym->file);
    isec->name = "COMMON";
    isec->type = SHT_NOBITS;
    isec->flags = SHF_ALLOC | SHF_WRITE;
    isec->align = sym->commonAlign;
    isec->size = sym->size;
    sym->kind = SymbolKind::Defined;
    sym->section = isec;
    sym->value = 0;
    if (sym->type == STT_NOTYPE)
      sym->type = STT_OBJECT;
    ctx.commonSections.push_back(isec);
  }
  // --sort-common: GNU ld's classes are alignments 16 and more, 8, 4, 2
  // and 1; within a class the order stays that of resolution.
  if (ctx.config.sortCommon == Config::SortCommon::None)
    return;
  bool descending = ctx.config.sortCommon == Config::SortCommon::Descending;
  auto alignClass = [](const InputSection *isec) { return std::min<uint64_t>(isec->align, 16); };
  std::stable_sort(ctx.commonSections.begin(), ctx.commonSections.end(),
                   [&](const InputSection *a, const InputSection *b) {
                     return descending ? alignClass(a) > alignClass(b)
                                       : alignClass(a) < alignClass(b);
                   });
}

// One parallel walk over every input section (reading them all costs more
// than what most of the passes before binning do with the few they want):
// -s and -S leave debugging information out (before merging, since
// .debug_str is a mergeable string section), and the live .eh_frame and
// SHF_MERGE sections are listed in link order.
SectionsToPrepare findSectionsToPrepare(Context &ctx) {
  ScopedTimer timer(ctx, "findSectionsToPrepare");
  bool strip = ctx.config.stripAll || ctx.config.stripDebug;
  std::vector<SectionsToPrepare> perFile(ctx.objs.size());
  parallelForIndices(ctx.objs.size(), 16, [&](size_t i) {
    for (InputSection *isec : ctx.objs[i]->sections) {
      if (!isec || !isec->isAlive)
        continue;
      if (strip && !isec->isAlloc() &&
          (isec->name.starts_with(".debug") || isec->name.starts_with(".zdebug"))) {
        isec->isAlive = false;
        continue;
      }
      if (isec->isEhFrame)
        perFile[i].ehFrames.push_back(isec);
      if ((isec->flags & SHF_MERGE) && !isec->isNoBits() && isec->size != 0 &&
          ((isec->flags & SHF_STRINGS) || isec->entsize != 0))
        perFile[i].mergeable.push_back(isec);
    }
  });
  SectionsToPrepare all;
  for (SectionsToPrepare &f : perFile) {
    all.ehFrames.insert(all.ehFrames.end(), f.ehFrames.begin(), f.ehFrames.end());
    all.mergeable.insert(all.mergeable.end(), f.mergeable.begin(), f.mergeable.end());
  }
  return all;
}

std::string_view outputSectionName(std::string_view name, uint64_t flags) {
  // .text.foo, .rodata.str1.1, .data.rel.ro.local, .bss.x, .tdata.y, ...
  // go to the section named by their prefix, as GNU ld's default script.
  static const std::string_view prefixes[] = {
      ".text.",       ".rodata.",     ".data.rel.ro.",   ".data.",
      ".bss.",        ".tdata.",      ".tbss.",          ".gcc_except_table.",
      ".init_array.", ".fini_array.", ".preinit_array.", ".ldata.",
      ".lrodata.",    ".lbss.",       ".sdata.",         ".sbss."};
  if (name == "COMMON")
    return ".bss";
  // Every prefix is ".x...": the second byte rules most of them out.
  if (name.size() < 2)
    return name;
  if (std::string_view array = arrayOfOldTable(name); !array.empty())
    return array;
  for (std::string_view p : prefixes)
    if (p[1] == name[1] && (name.starts_with(p) || name == p.substr(0, p.size() - 1)))
      return p.substr(0, p.size() - 1);
  if (name == ".text.unlikely" || name == ".text.hot")
    return ".text";
  return name;
}

// Whether GNU ld's default linker script leaves the section an orphan
// (names it nowhere): --unique without a glob splits only these.
static bool isOrphanSection(std::string_view name) {
  static const std::string_view named[] = {".interp",
                                           ".note.gnu.build-id",
                                           ".hash",
                                           ".gnu.hash",
                                           ".dynsym",
                                           ".dynstr",
                                           ".gnu.version",
                                           ".gnu.version_d",
                                           ".gnu.version_r",
                                           ".init",
                                           ".plt",
                                           ".plt.got",
                                           ".plt.sec",
                                           ".text",
                                           ".fini",
                                           ".rodata",
                                           ".rodata1",
                                           ".eh_frame_hdr",
                                           ".eh_frame",
                                           ".gcc_except_table",
                                           ".gnu_extab",
                                           ".exception_ranges",
                                           ".tdata",
                                           ".tbss",
                                           ".preinit_array",
                                           ".init_array",
                                           ".fini_array",
                                           ".ctors",
                                           ".dtors",
                                           ".jcr",
                                           ".data.rel.ro",
                                           ".dynamic",
                                           ".got",
                                           ".got.plt",
                                           ".data",
                                           ".data1",
                                           ".bss",
                                           ".lbss",
                                           ".lrodata",
                                           ".ldata",
                                           ".comment",
                                           ".gnu.build.attributes",
                                           ".note.gnu.property",
                                           ".note.GNU-stack",
                                           ".gnu.attributes",
                                           "COMMON"};
  static const std::string_view namedPrefixes[] = {
      ".debug", ".zdebug", ".rela", ".stab", ".gnu.linkonce", ".gnu.warning", ".line", ".gnu.lto_"};
  if (outputSectionName(name, 0) != name)
    return false; // .text.*, .data.*, ...: a wildcard of the script takes it
  for (std::string_view n : named)
    if (name == n)
      return false;
  for (std::string_view p : namedPrefixes)
    if (name.starts_with(p))
      return false;
  return true;
}

// --unique: whether the input section gets an output section of its own.
static bool isUniqueSection(const Config &cfg, std::string_view name) {
  if (cfg.uniqueOrphans && isOrphanSection(name))
    return true;
  for (const std::string &glob : cfg.uniqueSections)
    if (globMatch(glob, name))
      return true;
  return false;
}

namespace {
// An output section as binning builds it, with the place (file index,
// section index) of its first member: output sections are numbered in
// order of first appearance.
struct Bin {
  std::unique_ptr<OutputSection> osec; // until it joins ctx.chunkStorage
  OutputSection *out;
  std::atomic<uint64_t> firstSeen{UINT64_MAX};
  bool started = false; // type and flags set from its first member
  size_t count = 0;     // members so far
};

// What binning needs to know of one file's members of one output section:
// the first member's type and flags (for the file that creates it), and the
// effect of all of them on the section's type and flags.
struct BinSummary {
  Bin *bin;
  std::string_view name;
  unsigned cls; // orphanClass of its members
  uint32_t firstType;
  uint64_t firstFlags;
  uint32_t firstProgbits = 0; // first member that is not NOBITS, if any
  bool hasProgbits = false;
  uint32_t lastSpecial = 0; // last INIT/FINI/PREINIT_ARRAY or NOTE member
  bool hasSpecial = false;
  uint64_t flags = 0; // OR of the members' flags
  size_t count = 0;
  size_t next = 0;     // where the file's next member goes in osec->members
  bool unique = false; // --unique: the bin is this one section's alone
};

// One file's live sections and the summary each belongs to.
struct FileBins {
  std::vector<InputSection *> live;
  std::vector<uint32_t> summaryOf; // per live section
  std::vector<BinSummary> summaries;
};

// GNU ld puts an orphan section into an output section of its name only if
// both are SHF_ALLOC or both not, and both NOBITS or both not; otherwise it
// makes another output section of the same name. Sections its default
// script names (.data, .bss, ...) take every input of their name. The class
// of an input section: 0 for those, 1 + (alloc, nobits) for orphans.
static unsigned orphanBits(uint32_t type, uint64_t flags) {
  return 1 + ((flags & SHF_ALLOC) ? 1 : 0) + (type == SHT_NOBITS ? 2 : 0);
}

static unsigned orphanClass(std::string_view outName, uint32_t type, uint64_t flags) {
  return isOrphanSection(outName) ? orphanBits(type, flags) : 0;
}

// Output sections by name and orphan class, shared by the threads that bin
// files.
struct BinTable {
  std::mutex mu;
  std::unordered_map<std::string_view, std::unique_ptr<Bin>> byName[5];
  Bin *get(std::string_view name, unsigned cls) {
    std::lock_guard<std::mutex> lock(mu);
    std::unique_ptr<Bin> &b = byName[cls][name];
    if (!b) {
      b = std::make_unique<Bin>();
      b->osec = std::make_unique<OutputSection>(std::string(name), 0, 0);
      b->out = b->osec.get();
    }
    return b.get();
  }
  // --unique: an output section no other input section joins.
  std::vector<std::unique_ptr<Bin>> uniques;
  Bin *getUnique(std::string_view name) {
    std::lock_guard<std::mutex> lock(mu);
    auto b = std::make_unique<Bin>();
    b->osec = std::make_unique<OutputSection>(std::string(name), 0, 0);
    b->out = b->osec.get();
    uniques.push_back(std::move(b));
    return uniques.back().get();
  }
};

bool isSpecialType(uint32_t t) {
  return t == SHT_INIT_ARRAY || t == SHT_FINI_ARRAY || t == SHT_PREINIT_ARRAY || t == SHT_NOTE;
}
} // namespace

// Reads each live section of file `fileIndex` once: its output section
// (set in isec->osec), and the file's summary per output section.
static void binFile(const Config &cfg, BinTable &table, ObjectFile &file, uint64_t fileIndex,
                    FileBins &fb, uint64_t &relocs) {
  bool anyUnique = cfg.uniqueOrphans || !cfg.uniqueSections.empty();
  uint32_t last = UINT32_MAX;
  fb.live.reserve(file.sections.size());
  fb.summaryOf.reserve(file.sections.size());
  for (uint32_t i = 0; i < file.sections.size(); i++) {
    InputSection *isec = file.sections[i];
    if (!isec || !isec->isAlive)
      continue;
    relocs += isec->relas.size();
    std::string_view name = outputSectionName(isec->name, isec->flags);
    // Consecutive sections usually go to the same place; a file has few.
    // (Names of the same output section mostly share their bytes too: the
    // prefixes outputSectionName returns are static strings.)
    auto same = [](std::string_view a, std::string_view b) {
      return a.size() == b.size() &&
             (a.data() == b.data() || memcmp(a.data(), b.data(), a.size()) == 0);
    };
    bool unique = anyUnique && isUniqueSection(cfg, isec->name);
    // An orphan's class is known from its summary once the name was seen.
    auto sameBin = [&](const BinSummary &b) {
      return !b.unique && same(b.name, name) &&
             (b.cls == 0 || b.cls == orphanBits(isec->type, isec->flags));
    };
    if (unique || last == UINT32_MAX || !sameBin(fb.summaries[last])) {
      last = UINT32_MAX;
      for (uint32_t k = 0; k < fb.summaries.size() && !unique; k++)
        if (sameBin(fb.summaries[k])) {
          last = k;
          break;
        }
      if (last == UINT32_MAX) {
        last = fb.summaries.size();
        unsigned cls = orphanClass(name, isec->type, isec->flags);
        Bin *bin = unique ? table.getUnique(isec->name) : table.get(name, cls);
        uint64_t seen = fileIndex << 32 | i;
        uint64_t cur = bin->firstSeen.load();
        while (seen < cur && !bin->firstSeen.compare_exchange_weak(cur, seen))
          ;
        fb.summaries.push_back({bin, name, cls, isec->type, isec->flags});
        fb.summaries.back().unique = unique;
      }
    }
    BinSummary &b = fb.summaries[last];
    if (!b.hasProgbits && isec->type != SHT_NOBITS) {
      b.hasProgbits = true;
      b.firstProgbits = isec->type;
    }
    if (isSpecialType(isec->type)) {
      b.hasSpecial = true;
      b.lastSpecial = isec->type;
    }
    b.flags |= isec->flags & ~(uint64_t)(SHF_GROUP | SHF_MERGE | SHF_STRINGS);
    b.count++;
    isec->osec = b.bin->out;
    fb.live.push_back(isec);
    fb.summaryOf.push_back(last);
  }
}

// GNU ld's rule for an output section's SHF_MERGE, SHF_STRINGS and
// sh_entsize: kept when every input section of it has the same ones (as
// .debug_str and .comment usually do), dropped as soon as one differs. Here
// the inputs that had them are the merged sections, one per (name, flags,
// entsize); any other member had none.
static void keepAgreedMergeFlags(Context &ctx) {
  const uint64_t bits = SHF_MERGE | SHF_STRINGS;
  struct Agreed {
    uint64_t flags, entsize;
    size_t count;
  };
  std::unordered_map<OutputSection *, Agreed> agreed;
  for (auto &[key, ms] : ctx.mergedSections) {
    OutputSection *osec = ms->out->osec;
    if (!osec)
      continue;
    uint64_t flags = std::get<1>(key) & bits, entsize = std::get<2>(key);
    auto [it, fresh] = agreed.try_emplace(osec, Agreed{flags, entsize, 0});
    if (it->second.flags != flags || it->second.entsize != entsize)
      it->second.flags = 0;
    it->second.count++;
  }
  for (auto &[osec, a] : agreed) {
    if (!a.flags || a.count != osec->members.size())
      continue;
    osec->shdr.sh_flags |= a.flags;
    osec->shdr.sh_entsize = a.entsize;
  }
}

// Maps every live input section to its output section, creating output
// sections in order of first appearance. Leaves each OutputSection's members
// in command-line order (init/fini arrays by priority). Files are binned in
// parallel (each section is read once); output sections are then numbered
// by first appearance, their types and flags folded from the files'
// summaries in link order, and the members lists filled in parallel.
void binSections(Context &ctx) {
  ScopedTimer timer(ctx, "binSections");
  BinTable table;
  std::vector<FileBins> files(ctx.objs.size());
  std::vector<uint64_t> relocs(ctx.objs.size());
  parallelForIndices(ctx.objs.size(), 16, [&](size_t i) {
    binFile(ctx.config, table, *ctx.objs[i], i, files[i], relocs[i]);
  });
  for (uint64_t n : relocs)
    ctx.inputRelocCount += n;

  std::vector<Bin *> bins;
  for (auto &byName : table.byName)
    for (auto &[name, bin] : byName)
      bins.push_back(bin.get());
  for (std::unique_ptr<Bin> &bin : table.uniques)
    bins.push_back(bin.get());
  std::sort(bins.begin(), bins.end(),
            [](Bin *a, Bin *b) { return a->firstSeen.load() < b->firstSeen.load(); });
  auto addChunk = [&](Bin *bin) {
    ctx.outputSections.push_back(bin->out);
    ctx.chunkStorage.push_back(std::move(bin->osec));
  };
  for (Bin *bin : bins)
    addChunk(bin);

  // A section starts with its first member's type and flags; each member
  // then updates them (the summaries hold the effect of a file's members).
  auto start = [](Bin *bin, uint32_t type, uint64_t flags) {
    if (bin->started)
      return;
    bin->started = true;
    bin->out->shdr.sh_type = type;
    bin->out->shdr.sh_flags = flags & ~(uint64_t)SHF_GROUP;
  };
  for (FileBins &fb : files) {
    for (BinSummary &b : fb.summaries) {
      start(b.bin, b.firstType, b.firstFlags);
      ElfShdr &shdr = b.bin->out->shdr;
      // A PROGBITS member makes the whole section occupy file space.
      if (shdr.sh_type == SHT_NOBITS && b.hasProgbits)
        shdr.sh_type = b.firstProgbits;
      if (b.hasSpecial)
        shdr.sh_type = b.lastSpecial;
      shdr.sh_flags |= b.flags;
      b.next = b.bin->count;
      b.bin->count += b.count;
    }
  }
  for (Bin *bin : bins)
    bin->out->members.resize(bin->count);
  parallelForIndices(files.size(), 16, [&](size_t i) {
    FileBins &fb = files[i];
    for (size_t k = 0; k < fb.live.size(); k++) {
      BinSummary &b = fb.summaries[fb.summaryOf[k]];
      b.bin->out->members[b.next++] = fb.live[k];
    }
  });

  // The linker's own sections follow, one by one.
  auto place = [&](InputSection *isec) {
    std::string_view name = outputSectionName(isec->name, isec->flags);
    Bin *bin = table.get(name, orphanClass(name, isec->type, isec->flags));
    if (bin->osec)
      addChunk(bin);
    start(bin, isec->type, isec->flags);
    OutputSection *osec = bin->out;
    if (osec->shdr.sh_type == SHT_NOBITS && isec->type != SHT_NOBITS)
      osec->shdr.sh_type = isec->type;
    if (isSpecialType(isec->type))
      osec->shdr.sh_type = isec->type;
    osec->shdr.sh_flags |= isec->flags & ~(uint64_t)(SHF_GROUP | SHF_MERGE | SHF_STRINGS);
    osec->members.push_back(isec);
    isec->osec = osec;
  };
  for (auto &[key, ms] : ctx.mergedSections)
    place(ms->out);
  for (InputSection *isec : ctx.commonSections)
    place(isec);
  if (ctx.gnuPropertyNote)
    place(ctx.gnuPropertyNote);
  if (ctx.packageNote)
    place(ctx.packageNote);

  for (OutputSection *osec : ctx.outputSections) {
    orderMembers(ctx, *osec);
    if (osec->shdr.sh_flags & SHF_MERGE)
      osec->shdr.sh_entsize = 0;
  }
  keepAgreedMergeFlags(ctx);
}

// Layout order. Segments follow from it: read-only headers and dynamic
// metadata, then code, then read-only data, then RELRO data (made read-only
// after relocation), then writable data, then .bss, then what is not loaded.
static uint32_t rankOf(Context &ctx, Chunk *c) {
  if (c == ctx.ehdr)
    return 0;
  if (c == ctx.phdr)
    return 1;
  if (c == ctx.shdr)
    return 0xffffffff;
  const std::string &n = c->name;
  uint64_t f = c->shdr.sh_flags;
  if (!(f & SHF_ALLOC)) {
    if (n == ".symtab")
      return 9000;
    if (n == ".strtab")
      return 9001;
    if (n == ".shstrtab")
      return 9002;
    return 8000;
  }
  static const std::pair<const char *, uint32_t> fixed[] = {
      {".interp", 100},
      {".note.gnu.property", 110},
      {".note.gnu.build-id", 111},
      {".note.ABI-tag", 112},
      {".note.package", 113},
      {".hash", 130},
      {".gnu.hash", 131},
      {".dynsym", 132},
      {".dynstr", 133},
      {".gnu.version", 134},
      {".gnu.version_d", 135},
      {".gnu.version_r", 136},
      {".rela.dyn", 140},
      {".rela.plt", 141},
      {".relr.dyn", 142}, // after .rela.plt, as in GNU ld
      {".init", 1000},
      {".plt", 1010},
      {".plt.sec", 1011},
      {".text", 1020},
      {".fini", 1090},
      {".rodata", 2000},
      {".eh_frame_hdr", 2100},
      {".eh_frame", 2110},
      {".gcc_except_table", 2120},
      {".tdata", 3000},
      {".tbss", 3010},
      {".preinit_array", 3100},
      {".init_array", 3110},
      {".fini_array", 3120},
      {".ctors", 3125},
      {".dtors", 3126},
      {".data.rel.ro", 3130},
      {".dynamic", 3140},
      {".got", 3150},
      {".got.plt", 4000},
      {".data", 4100},
      {".bss", 6000},
      // -mcmodel=medium/large data, after all the rest (as in GNU ld's
      // default script) so that it cannot push small data out of the
      // +-2 GiB reach of code: .lbss joins .bss's segment, .lrodata and
      // .ldata get segments of their own (createSegments).
      {".lbss", 6100},
      {".lrodata", 7000},
      {".ldata", 7100}};
  if (c == (Chunk *)ctx.copyRelRo)
    return 3131; // right after the inputs' .data.rel.ro
  for (auto &[name, rank] : fixed) {
    if (n != name)
      continue;
    // With -z now, .got.plt is never written after start-up: it joins RELRO.
    if (rank == 4000 && ctx.config.zNow && ctx.config.zRelro)
      return 3160;
    if (c == (Chunk *)ctx.copyRel)
      return 6001;
    return rank;
  }
  if (c->shdr.sh_type == SHT_NOTE)
    return 120;
  if (f & SHF_TLS)
    return c->isNoBits() ? 3011 : 3001;
  if (f & SHF_EXECINSTR)
    return 1030;
  if (!(f & SHF_WRITE))
    return 2050;
  if (c->isNoBits())
    return 6002;
  return 4200;
}

static bool isRelroRank(uint32_t rank) { return rank >= 3000 && rank < 4000; }

// --section-start=SEC=ADDR (and -Ttext/-Tdata/-Tbss): SEC goes at ADDR,
// in a PT_LOAD of its own. Such sections move after every other allocated
// chunk, in address order (GNU ld's default script places them last too),
// so ADDR must lie above the rest of the image; assignAddresses checks it.
// The TLS sections move together, as PT_TLS covers them as one block, and a
// moved section leaves RELRO (which must stay one contiguous range).
static void placeFixedSections(Context &ctx, std::vector<Chunk *> &chunks) {
  const auto &starts = ctx.config.sectionStarts;
  if (starts.empty())
    return;
  std::optional<uint64_t> tlsAddr;
  for (Chunk *c : chunks) {
    auto it = starts.find(c->name);
    if (it == starts.end() || !c->isAlloc() || c->isHeader())
      continue;
    c->fixedAddr = it->second;
    if (c->isTls())
      tlsAddr = std::min(tlsAddr.value_or(it->second), it->second);
  }
  // Sort key of a moved chunk: its address (the TLS block's for TLS), then
  // its old place.
  auto key = [&](Chunk *c) -> std::optional<uint64_t> {
    if (c->fixedAddr)
      return c->isTls() ? tlsAddr : c->fixedAddr;
    if (c->isTls() && c->isAlloc())
      return tlsAddr;
    return std::nullopt;
  };
  auto firstNonAlloc = std::find_if(chunks.begin(), chunks.end(),
                                    [](Chunk *c) { return !c->isAlloc() && !c->isHeader(); });
  std::vector<Chunk *> moved;
  for (Chunk *c : chunks)
    if (c->isAlloc() && key(c))
      moved.push_back(c);
  if (moved.empty())
    return;
  std::stable_sort(moved.begin(), moved.end(),
                   [&](Chunk *a, Chunk *b) { return *key(a) < *key(b); });
  for (Chunk *c : moved)
    c->isRelro = false;
  std::vector<Chunk *> out(chunks.begin(), firstNonAlloc);
  out.erase(
      std::remove_if(out.begin(), out.end(), [&](Chunk *c) { return c->isAlloc() && key(c); }),
      out.end());
  out.insert(out.end(), moved.begin(), moved.end());
  out.insert(out.end(), firstNonAlloc, chunks.end());
  chunks = std::move(out);
}

// Chooses the chunks that go out, sorts them into layout order, gives each a
// section index and a name in .shstrtab, and fills .symtab's list.
// After this pass no chunk is added or removed.
void finalizeChunks(Context &ctx) {
  ScopedTimer timer(ctx, "finalizeChunks");
  std::vector<Chunk *> all;
  for (auto &c : ctx.chunkStorage)
    all.push_back(c.get());
  // Output sections' sizes (and their members' offsets) depend only on
  // their members: computed once, one section per task. The other chunks
  // twice: .dynamic's size depends on which other sections are non-empty.
  std::vector<OutputSection *> osecs;
  std::vector<Chunk *> others;
  for (Chunk *c : all) {
    if (auto *osec = dynamic_cast<OutputSection *>(c))
      osecs.push_back(osec);
    else
      others.push_back(c);
  }
  {
    ScopedTimer t(ctx, "computeSizes");
    llvm::parallelForEach(osecs, [&](OutputSection *osec) { osec->computeSize(ctx); });
    for (int pass = 0; pass < 2; pass++)
      for (Chunk *c : others)
        c->computeSize(ctx);
  }
  std::vector<Chunk *> kept;
  for (Chunk *c : all)
    if (c->isNeeded(ctx))
      kept.push_back(c);
  for (Chunk *c : kept) {
    c->rank = rankOf(ctx, c);
    c->isRelro = ctx.config.zRelro && isRelroRank(c->rank) && c->isAlloc();
  }
  std::stable_sort(kept.begin(), kept.end(), [](Chunk *a, Chunk *b) { return a->rank < b->rank; });
  placeFixedSections(ctx, kept);
  ctx.chunks = kept;

  uint32_t idx = 1;
  for (Chunk *c : ctx.chunks)
    if (!c->isHeader())
      c->shndx = idx++;
  for (Chunk *c : ctx.chunks)
    if (!c->isHeader())
      c->shdr.sh_name = ctx.shstrtabSec->strings.add(c->name);
  // sh_link / sh_info tie each table to the one it indexes (gABI).
  auto link = [](Chunk *c, Chunk *to) {
    if (c && to)
      c->shdr.sh_link = to->shndx;
  };
  link(ctx.dynsym, ctx.dynstr);
  link(ctx.hash, ctx.dynsym);
  link(ctx.gnuHash, ctx.dynsym);
  link(ctx.versym, ctx.dynsym);
  link(ctx.verneed, ctx.dynstr);
  link(ctx.verdef, ctx.dynstr);
  link(ctx.dynamic, ctx.dynstr);
  if (ctx.dynsym) {
    link(ctx.relaDyn, ctx.dynsym);
    link(ctx.relaPlt, ctx.dynsym);
  }
  if (ctx.relaPlt && ctx.gotPlt && ctx.dynsym) {
    ctx.relaPlt->shdr.sh_flags |= SHF_INFO_LINK;
    ctx.relaPlt->shdr.sh_info = ctx.gotPlt->shndx;
  }
  if (ctx.symtabSec) {
    ScopedTimer t(ctx, "collectSymtab");
    ctx.symtabSec->collect(ctx);
    ctx.symtabSec->shdr.sh_link = ((Chunk *)ctx.strtabSec)->shndx;
  }
  // .symtab, .strtab and .shstrtab grew; .shdr counts ctx.chunks now.
  ScopedTimer t(ctx, "finalSizes");
  for (Chunk *c : ctx.chunks)
    if (!dynamic_cast<OutputSection *>(c))
      c->computeSize(ctx);
}

static uint32_t segmentFlags(const Chunk *c) {
  uint32_t f = PF_R;
  if (c->shdr.sh_flags & SHF_WRITE)
    f |= PF_W;
  if (c->shdr.sh_flags & SHF_EXECINSTR)
    f |= PF_X;
  return f;
}

// One PT_NOTE per run of adjacent notes of one alignment, as GNU ld: a
// reader walks a PT_NOTE by its p_align, so the 4-aligned notes after the
// 8-aligned .note.gnu.property would be misread in a segment of align 8.
static void addNoteSegments(Context &ctx) {
  Segment *note = nullptr;
  Chunk *prev = nullptr;
  for (Chunk *c : ctx.chunks) {
    if (c->isAlloc() && c->shdr.sh_type == SHT_NOTE) {
      Chunk *last = note ? note->chunks.back() : nullptr;
      if (!last || prev != last || last->shdr.sh_addralign != c->shdr.sh_addralign) {
        note = &ctx.segments.emplace_back();
        note->p_type = PT_NOTE;
        note->p_flags = PF_R;
      }
      note->chunks.push_back(c);
    }
    prev = c;
  }
}

// Groups chunks into program headers. Only the structure is decided here
// (which chunks each segment covers); addresses come in assignAddresses.
void createSegments(Context &ctx) {
  ScopedTimer timer(ctx, "createSegments");
  ctx.segments.clear();
  auto add = [&](uint32_t type, uint32_t flags) -> Segment & {
    Segment &s = ctx.segments.emplace_back();
    s.p_type = type;
    s.p_flags = flags;
    return s;
  };
  if (ctx.interp)
    add(PT_PHDR, PF_R).chunks.push_back(ctx.phdr);
  if (ctx.interp)
    add(PT_INTERP, PF_R).chunks.push_back((Chunk *)ctx.interp);

  // A PT_LOAD's file bytes are one run ending where its memory-only part
  // (.bss) begins: a section with bytes after a NOBITS one starts another
  // PT_LOAD (.ldata after .bss with -mcmodel=medium and no .lrodata; GNU
  // ld's default script starts a segment there too). .tbss takes no address
  // space in the segment, so it does not count.
  Segment *load = nullptr;
  bool loadHasBss = false;
  for (Chunk *c : ctx.chunks) {
    if (!c->isAlloc())
      break;
    uint32_t flags = segmentFlags(c);
    if (!load || load->p_flags != flags || c->fixedAddr || (loadHasBss && !c->isNoBits())) {
      load = &add(PT_LOAD, flags);
      loadHasBss = false;
    }
    loadHasBss |= c->isNoBits() && !c->isTls();
    load->chunks.push_back(c);
  }
  // The rest in GNU ld's order: DYNAMIC, NOTEs, TLS, GNU_PROPERTY,
  // GNU_EH_FRAME, GNU_STACK, GNU_RELRO, so that tools comparing program
  // headers with ld.bfd's output see the same list.
  if (ctx.dynamic)
    add(PT_DYNAMIC, PF_R | PF_W).chunks.push_back((Chunk *)ctx.dynamic);
  addNoteSegments(ctx);
  // TLS template: .tdata and .tbss, contiguous in layout order.
  {
    Segment *tls = nullptr;
    for (Chunk *c : ctx.chunks)
      if (c->isAlloc() && c->isTls())
        (tls ? tls : (tls = &add(PT_TLS, PF_R)))->chunks.push_back(c);
  }
  // glibc's ld.so reads the x86 feature and ISA-level bits (IBT, SHSTK)
  // through PT_GNU_PROPERTY, not by walking the PT_NOTEs.
  for (Chunk *c : ctx.chunks)
    if (c->isAlloc() && c->shdr.sh_type == SHT_NOTE && c->name == ".note.gnu.property") {
      add(PT_GNU_PROPERTY, PF_R).chunks.push_back(c);
      break;
    }
  if (ctx.ehFrameHdr)
    add(PT_GNU_EH_FRAME, PF_R).chunks.push_back((Chunk *)ctx.ehFrameHdr);
  // -z stack-size: the loader sizes the main thread's stack from p_memsz.
  add(PT_GNU_STACK, ctx.config.zExecStack ? PF_R | PF_W | PF_X : PF_R | PF_W).p_memsz =
      ctx.config.zStackSize;
  {
    Segment *relro = nullptr;
    for (Chunk *c : ctx.chunks)
      if (c->isRelro)
        (relro ? relro : (relro = &add(PT_GNU_RELRO, PF_R)))->chunks.push_back(c);
  }
}

static uint64_t alignTo(uint64_t v, uint64_t a) { return a <= 1 ? v : (v + a - 1) & ~(a - 1); }

// Sections that are not loaded follow the loaded ones, 8-aligned where they
// ask for it, then the section header table.
void placeUnloadedChunks(Context &ctx) {
  uint64_t offset = ctx.loadedEnd;
  for (Chunk *c : ctx.chunks) {
    if (c->isAlloc() || c == ctx.shdr)
      continue;
    offset = alignTo(offset, std::max<uint64_t>(c->shdr.sh_addralign, 1));
    c->shdr.sh_offset = offset;
    c->shdr.sh_addr = 0;
    offset += c->isNoBits() ? 0 : c->shdr.sh_size;
  }
  offset = alignTo(offset, 8);
  ctx.shdr->shdr.sh_offset = offset;
  ctx.fileSize = offset + ctx.shdr->shdr.sh_size;
}

// Gives every chunk sh_addr and sh_offset, then fills in the segments.
// Invariants: within a PT_LOAD, offset - address is constant, so the segment
// maps with one mmap (p_offset ≡ p_vaddr mod page size); each PT_LOAD starts
// on a fresh page, so no page is both writable and executable; the RELRO
// region ends on a page boundary, so mprotect-ing it leaves .data writable;
// .tbss takes no address space (its bytes exist once per thread, elsewhere).
void assignAddresses(Context &ctx) {
  ScopedTimer timer(ctx, "assignAddresses");
  uint64_t page = ctx.config.pageSize;
  uint64_t vaddr = ctx.imageBase;
  uint64_t offset = 0;
  Segment *curLoad = nullptr;
  bool inRelro = false;

  auto loadOf = [&](Chunk *c) -> Segment * {
    for (Segment &s : ctx.segments)
      if (s.p_type == PT_LOAD && std::find(s.chunks.begin(), s.chunks.end(), c) != s.chunks.end())
        return &s;
    return nullptr;
  };

  for (Chunk *c : ctx.chunks) {
    if (!c->isAlloc())
      break;
    Segment *load = loadOf(c);
    if (load != curLoad) {
      if (curLoad) {
        vaddr = alignTo(vaddr, page);
        offset = alignTo(offset, page);
      }
      curLoad = load;
    }
    // Leaving RELRO: the rest of the segment starts on a new page.
    if (inRelro && !c->isRelro) {
      vaddr = alignTo(vaddr, page);
      offset = alignTo(offset, page);
    }
    inRelro = c->isRelro;

    uint64_t align = std::max<uint64_t>(c->shdr.sh_addralign, 1);
    if (c->fixedAddr) {
      if (*c->fixedAddr < vaddr)
        Fatal(ctx) << "section " << c->name << ": --section-start address 0x"
                   << llvm::utohexstr(*c->fixedAddr)
                   << " lies below the sections placed before it (which end at 0x"
                   << llvm::utohexstr(vaddr)
                   << "); mld places such sections after the rest of the image";
      // A fresh page of the file, at the same offset in the page as ADDR.
      offset = alignTo(offset, page) + (*c->fixedAddr & (page - 1));
      vaddr = *c->fixedAddr;
      align = 1; // the address is taken as given
    }
    uint64_t start = alignTo(vaddr, align);
    if (!c->isNoBits())
      offset += start - vaddr;
    c->shdr.sh_addr = start;
    c->shdr.sh_offset = offset;
    // GNU ld's default script closes .bss and .ldata with
    // `. = ALIGN(. != 0 ? 8 : 1)`: a non-empty one ends on an 8-byte address.
    if ((c->name == ".bss" || c->name == ".ldata") && c->shdr.sh_size && !c->isHeader())
      c->shdr.sh_size = alignTo(start + c->shdr.sh_size, 8) - start;
    bool isTbss = c->isTls() && c->isNoBits();
    if (isTbss)
      continue; // no address space in the image
    vaddr = start + c->shdr.sh_size;
    if (!c->isNoBits())
      offset += c->shdr.sh_size;
  }
  ctx.loadedEnd = offset;
  placeUnloadedChunks(ctx);

  // Segment extents from their chunks.
  for (Segment &s : ctx.segments) {
    if (s.chunks.empty()) {
      s.p_align = s.p_type == PT_GNU_STACK ? 16 : 1;
      continue;
    }
    Chunk *first = s.chunks.front();
    s.p_vaddr = first->shdr.sh_addr;
    s.p_offset = first->shdr.sh_offset;
    uint64_t fileEnd = s.p_offset, memEnd = s.p_vaddr;
    uint64_t align = 1;
    for (Chunk *c : s.chunks) {
      align = std::max<uint64_t>(align, c->shdr.sh_addralign);
      if (!c->isNoBits())
        fileEnd = std::max(fileEnd, c->shdr.sh_offset + c->shdr.sh_size);
      bool isTbss = c->isTls() && c->isNoBits();
      if (!isTbss || s.p_type == PT_TLS)
        memEnd = std::max(memEnd, c->shdr.sh_addr + c->shdr.sh_size);
    }
    s.p_filesz = fileEnd - s.p_offset;
    s.p_memsz = memEnd - s.p_vaddr;
    s.p_align = align;
    if (s.p_type == PT_LOAD)
      s.p_align = page;
    if (s.p_type == PT_GNU_RELRO) {
      // The loader mprotects whole pages: extend to the page boundary that
      // assignAddresses left before the first non-RELRO chunk.
      s.p_memsz = alignTo(s.p_vaddr + s.p_memsz, page) - s.p_vaddr;
      s.p_filesz = s.p_memsz;
      s.p_align = 1;
    }
    if (s.p_type == PT_TLS) {
      ctx.tlsBegin = s.p_vaddr;
      ctx.tlsEnd = s.p_vaddr + s.p_memsz;
      ctx.tlsAlign = align;
      // x86-64 uses TLS variant II: the block ends at the thread pointer,
      // rounded up to the block's alignment.
      ctx.tpAddr = alignTo(ctx.tlsEnd, align);
    }
  }
  // The first PT_LOAD begins with the headers at offset 0.
  for (Segment &s : ctx.segments)
    if (s.p_type == PT_LOAD && s.chunks.front() == ctx.ehdr) {
      s.p_offset = 0;
      s.p_vaddr = ctx.imageBase;
    }
}

} // namespace mld
