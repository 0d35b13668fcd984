// The relocation scan: for each relocation, decide what the output must
// provide so that it can be applied — a GOT slot, a PLT entry, a copy
// relocation, a dynamic relocation — or that it cannot be expressed at all.
// This file only decides; arch-x86-64.cpp applies.
#include "relocations.h"
#include "shared-file.h"
#include "stats.h"

#include "arch-x86-64.h"
#include "context.h"
#include "dynamic.h"
#include "diag.h"
#include "synthetic.h"
#include "version-script.h"

#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Parallel.h"
#include "llvm/Support/Path.h"

#include <map>
#include <optional>
#include <sstream>

namespace mld {

using namespace llvm::ELF;

static std::string readScript(Context &ctx, const std::string &path) {
  auto mb = llvm::MemoryBuffer::getFile(path, /*IsText=*/true);
  if (!mb)
    Fatal(ctx) << "cannot open " << path << ": " << mb.getError().message();
  return (*mb)->getBuffer().str();
}

std::optional<VersionScript> readLinkVersionScript(Context &ctx) {
  const Config &cfg = ctx.config;
  std::vector<std::pair<std::string, std::string>> sources;
  if (!cfg.versionScript.empty())
    sources.emplace_back(cfg.versionScript, readScript(ctx, cfg.versionScript));
  sources.insert(sources.end(), cfg.scriptVersions.begin(), cfg.scriptVersions.end());
  if (sources.empty())
    return std::nullopt;
  VersionScript all;
  for (const auto &[path, text] : sources) {
    std::string error;
    std::optional<VersionScript> one = parseVersionScript(text, error);
    if (!one)
      Fatal(ctx) << path << ": " << error;
    all.nodes.insert(all.nodes.end(), one->nodes.begin(), one->nodes.end());
  }
  return all;
}

// A definition that names its version (`.symver foo_v2, foo@@V2`, or
// `foo@V1` for a non-default one) keeps it whatever the script's patterns
// say, as in GNU ld: the node of that name gives the index (hidden for a
// single `@`), and only that node's `local:` patterns can hide it (unless
// one of its `global:` patterns names it too); a
// version no node names is an error, and an empty version (`foo@@`) leaves
// the name exported without a version.
static void applyExplicitVersion(Context &ctx, Symbol &sym, const VersionScript &script) {
  std::string_view rest = sym.name.substr(sym.name.find('@') + 1);
  bool hidden = !rest.starts_with("@");
  if (!hidden)
    rest.remove_prefix(1);
  if (rest.empty()) {
    sym.versionId = VER_NDX_GLOBAL;
    return;
  }
  size_t idx = 0;
  while (idx < script.nodes.size() && script.nodes[idx].name != rest)
    idx++;
  if (idx == script.nodes.size()) {
    Error(ctx) << ctx.config.outputPath << ": version node not found for symbol "
               << sym.name << " (defined in " << sym.file->displayName() << ")";
    return;
  }
  std::string_view base = sym.name.substr(0, sym.name.find('@'));
  auto matches = [&](const std::vector<VersionPattern> &pats) {
    for (const VersionPattern &pat : pats)
      if (pat.hasWildcard ? globMatch(pat.pattern, base) : pat.pattern == base)
        return true;
    return false;
  };
  const VersionNode &node = script.nodes[idx];
  if (!matches(node.globals) && matches(node.locals)) {
    sym.visibility = STV_HIDDEN;
    return;
  }
  sym.versionId = uint16_t(idx + 2) | (hidden ? VERSYM_HIDDEN : 0);
}

// --version-script: symbols a `local:` pattern matches stay inside the
// output; the others get their node's version (.gnu.version_d lists them).
static void applyVersionScript(Context &ctx) {
  const Config &cfg = ctx.config;
  std::string base = cfg.soname.empty()
                         ? llvm::sys::path::filename(cfg.outputPath).str()
                         : cfg.soname;
  std::optional<VersionScript> script = readLinkVersionScript(ctx);
  if (!script) {
    script.emplace();
    // --default-symver: every exported name gets version BASE, as if by
    // `BASE { global: *; };`.
    if (cfg.defaultSymver) {
      VersionNode &node = script->nodes.emplace_back();
      node.name = base;
      node.globals.push_back({"*", false, true});
    }
  }
  VersionMatcher matcher(*script);
  for (Symbol *sym : ctx.symtab.symbols) {
    if (!sym->isDefined() || sym->isLinkerDefined)
      continue;
    if (sym->name.find('@') != std::string_view::npos) {
      if (cfg.isShared())
        applyExplicitVersion(ctx, *sym, *script);
      continue;
    }
    VersionMatch m = matcher.match(sym->name);
    if (m.isLocal)
      sym->visibility = STV_HIDDEN;
    else if (cfg.isShared())
      sym->versionId = versionIndexOf(*script, m);
  }
  if (!ctx.verdef || !cfg.isShared())
    return;
  std::vector<std::string> &names = ctx.verdef->names;
  bool named = false;
  for (const VersionNode &node : script->nodes)
    named |= !node.name.empty();
  if (!named)
    return;
  names.push_back(base);
  ctx.verdef->parents.emplace_back();
  for (const VersionNode &node : script->nodes) {
    names.push_back(node.name);
    std::vector<uint16_t> parents;
    for (const std::string &p : node.parents)
      for (size_t i = 1; i < names.size(); i++)
        if (names[i] == p)
          parents.push_back(i);
    ctx.verdef->parents.push_back(parents);
  }
  for (const std::string &n : names)
    ctx.verdef->nameOffsets.push_back(ctx.dynstr->strings.add(n));
}

// The patterns of every FILE in paths (dynamic-list syntax), in order.
static std::vector<VersionPattern> readDynamicLists(Context &ctx,
                                                    const std::vector<std::string> &paths) {
  std::vector<VersionPattern> all;
  for (const std::string &path : paths) {
    std::string error;
    std::optional<std::vector<VersionPattern>> list =
        parseDynamicList(readScript(ctx, path), error);
    if (!list)
      Fatal(ctx) << path << ": " << error;
    all.insert(all.end(), list->begin(), list->end());
  }
  return all;
}

void computeImportExport(Context &ctx) {
  const Config &cfg = ctx.config;
  bool dynamic = ctx.hasDynamicSection && !cfg.isStatic;
  auto versionedNames = [&] {
    for (const ObjectFile *obj : ctx.objs)
      if (obj->hasVersionedNames)
        return true;
    return false;
  };
  if (dynamic && (!cfg.versionScript.empty() || !cfg.scriptVersions.empty() ||
                  (cfg.isShared() && (cfg.defaultSymver || versionedNames()))))
    applyVersionScript(ctx);
  // GNU ld's two lists. The dynamic list (--dynamic-list, and every data
  // symbol with --dynamic-list-data) names what an executable exports and
  // what stays preemptible in a shared object, where giving one at all binds
  // every other definition locally, as -Bsymbolic does. The export list
  // (--export-dynamic-symbol[-list]) also names what an executable exports,
  // but in a shared object it only keeps names preemptible that
  // -Bsymbolic or a dynamic list would bind.
  std::vector<VersionPattern> dynList, exportList;
  if (dynamic) {
    dynList = readDynamicLists(ctx, cfg.dynamicLists);
    exportList = readDynamicLists(ctx, cfg.exportDynamicSymbolLists);
    for (const std::string &glob : cfg.exportDynamicSyms)
      exportList.push_back({glob, false, glob.find_first_of("*?[") != std::string::npos});
  }
  bool hasDynList = !cfg.dynamicLists.empty() || cfg.dynamicListData;
  // --exclude-libs: definitions from members of these archives (by file
  // name, or ALL) are not exported.
  auto excluded = [&](const Symbol *sym) {
    if (cfg.excludeLibs.empty() || !sym->file || sym->file->archiveName.empty())
      return false;
    llvm::StringRef lib = llvm::sys::path::filename(sym->file->archiveName);
    for (const std::string &name : cfg.excludeLibs)
      if (name == "ALL" || lib == name)
        return true;
    return false;
  };
  auto listed = [&](const Symbol *sym) {
    return (cfg.dynamicListData && !sym->isFunc()) ||
           (!dynList.empty() && matchesAny(dynList, sym->name)) ||
           (!exportList.empty() && matchesAny(exportList, sym->name));
  };
  for (Symbol *sym : ctx.symtab.symbols) {
    bool defaultVis = sym->visibility == STV_DEFAULT ||
                      sym->visibility == STV_PROTECTED;
    if (sym->isShared()) {
      sym->isPreemptible = true;
      if (sym->isUsedInRegularObj)
        static_cast<SharedFile *>(sym->file)->isNeeded = true;
      continue;
    }
    if (!dynamic || !defaultVis)
      continue;
    if (sym->isUndefined()) {
      // In a shared object an undefined name is bound by the loader, a weak
      // one too unless -z nodynamic-undefined-weak fixes it at 0; in an
      // executable an undefined weak name resolves to 0.
      sym->isPreemptible =
          cfg.isShared() && (!sym->isUndefWeak() || cfg.zDynamicUndefinedWeak);
      continue;
    }
    if (!sym->isDefined() || sym->isLinkerDefined || excluded(sym))
      continue;
    if (cfg.isShared()) {
      sym->isExported = true;
      bool symbolic = hasDynList || cfg.bsymbolic || (cfg.bsymbolicFunctions && sym->isFunc());
      sym->isPreemptible = (!symbolic || listed(sym)) && sym->visibility == STV_DEFAULT;
    } else if (cfg.exportDynamic || sym->referencedByDso || listed(sym)) {
      // An executable exports what its libraries refer to (callbacks,
      // interposed functions), or everything with --export-dynamic.
      sym->isExported = true;
    }
  }
}

// What a reference needs, by output kind and by what the symbol is.
enum class Action : uint8_t {
  None,         // the value is known at link time
  Error,        // cannot be expressed in this output kind
  BaseRel,      // R_X86_64_RELATIVE: link-time address + load bias
  DynRel,       // a symbolic dynamic relocation (R_X86_64_64)
  Copy,         // copy the library's variable into our .bss (COPY)
  CanonicalPlt, // the function's address is our PLT entry
};
enum { Shared, Pie, Exec };                            // rows
enum { Absolute, Local, ImportedData, ImportedFunc };  // columns

// R_X86_64_64: a full word can always be a dynamic relocation in PIC output.
// A non-PIC executable instead copies imported data or takes a PLT entry as
// the function's address, so its code needs no dynamic relocation.
static constexpr Action absWordTable[3][4] = {
    //          Absolute      Local            ImportedData    ImportedFunc
    /*Shared*/ {Action::None, Action::BaseRel, Action::DynRel, Action::DynRel},
    /*Pie*/    {Action::None, Action::BaseRel, Action::DynRel, Action::DynRel},
    /*Exec*/   {Action::None, Action::None,    Action::Copy,   Action::CanonicalPlt},
};
// R_X86_64_32/32S/16/8: too narrow to hold a load-time address, so in PIC
// output only absolute symbols fit ("recompile with -fPIC").
static constexpr Action absNarrowTable[3][4] = {
    //          Absolute      Local          ImportedData   ImportedFunc
    /*Shared*/ {Action::None, Action::Error, Action::Error, Action::Error},
    /*Pie*/    {Action::None, Action::Error, Action::Error, Action::Error},
    /*Exec*/   {Action::None, Action::None,  Action::Copy,  Action::CanonicalPlt},
};
// PC-relative: a distance between two places in one module is fixed, but a
// loader cannot patch a PC-relative field for another module's symbol, and an
// absolute symbol moves relative to PIC code.
static constexpr Action pcTable[3][4] = {
    //          Absolute       Local         ImportedData   ImportedFunc
    /*Shared*/ {Action::Error, Action::None, Action::Error, Action::Error},
    /*Pie*/    {Action::Error, Action::None, Action::Copy,  Action::CanonicalPlt},
    /*Exec*/   {Action::None,  Action::None, Action::Copy,  Action::CanonicalPlt},
};

static int outputRow(const Context &ctx) {
  switch (ctx.config.kind) {
  case OutputKind::Shared: return Shared;
  case OutputKind::Pie:    return Pie;
  case OutputKind::Exec:   return Exec;
  }
  return Exec;
}

static int symbolColumn(const Symbol &sym) {
  if (sym.isAbsolute || (sym.isUndefWeak() && !sym.isPreemptible))
    return Absolute;
  if (!sym.isPreemptible)
    return Local;
  return sym.isFunc() ? ImportedFunc : ImportedData;
}

namespace {
// Scans a run of input sections. Scanners run in parallel, so a Scanner only
// records what it finds; scanRelocations applies the records in section
// order, which keeps GOT/PLT numbering and messages deterministic.
struct Scanner {
  explicit Scanner(Context &ctx) : ctx(ctx) {}
  Context &ctx;
  std::vector<std::pair<Symbol *, uint16_t>> needs;
  std::vector<DynReloc> relocs;
  std::vector<std::pair<Symbol *, std::string>> undefs; // (name, place)
  std::vector<std::string> errors;
  std::vector<std::string> warnings;
  bool textRel = false;
  const InputSection *lastTextRelSection = nullptr;
  std::vector<SharedFile *> usedDsos;
  bool gotPltReferenced = false;
  bool needsTlsLdSlots = false;

  void need(Symbol &sym, uint16_t flags) { needs.push_back({&sym, flags}); }
  template <typename... T> void error(const T &...parts) {
    std::ostringstream os;
    (os << ... << parts);
    errors.push_back(os.str());
  }
  void scanSection(InputSection &isec);
  void scanOne(InputSection &isec, const ElfRela &rel);
  void act(Action a, InputSection &isec, const ElfRela &rel, Symbol &sym);
};
} // namespace

void Scanner::act(Action a, InputSection &isec, const ElfRela &rel,
                  Symbol &sym) {
  uint32_t type = rel.getType(false);
  switch (a) {
  case Action::None:
    return;
  case Action::Error: {
    std::string what = ctx.config.isShared() ? "a shared object"
                                             : "a PIE object";
    std::string fix = ctx.config.isShared() ? "-fPIC" : "-fPIE";
    error(isec.describe(rel.r_offset), ": relocation ", relocTypeName(type),
          " against '", messageName(sym), "' can not be used when making ", what,
          "; recompile with ", fix);
    return;
  }
  case Action::BaseRel:
  case Action::DynRel: {
    // What counts is the output section: an input without SHF_WRITE that
    // joins a writable output (.init_array) is written like the rest.
    if (!(isec.osec->shdr.sh_flags & SHF_WRITE)) {
      switch (ctx.config.textRel) {
      case Config::TextRel::Error:
        error(isec.describe(rel.r_offset), ": relocation ", relocTypeName(type),
              " against '", messageName(sym), "' in read-only section ", isec.name,
              " needs a dynamic relocation; recompile with -fPIC");
        return;
      case Config::TextRel::Warn:
        // Once per section, as GNU ld does.
        if (lastTextRelSection != &isec)
          warnings.push_back(isec.file->displayName() + ": relocation against '" +
                             std::string(messageName(sym)) + "' in read-only section " +
                             std::string(isec.name));
        lastTextRelSection = &isec;
        break;
      case Config::TextRel::Allow:
        break;
      }
      textRel = true;
    }
    DynReloc r{};
    r.isec = &isec;
    r.offset = rel.r_offset;
    r.sym = &sym;
    if (a == Action::BaseRel) {
      // (A local IFUNC's address is its .iplt entry, so RELATIVE too.)
      r.type = R_X86_64_RELATIVE;
      r.addend = rel.r_addend;
      r.addendIsSymbolVA = true;
      r.why = "address of a local symbol in PIC output: link-time address + load bias";
    } else {
      r.type = R_X86_64_64;
      r.addend = rel.r_addend;
      r.why = "address of a preemptible symbol: looked up by the loader";
      need(sym, NeedsDynsym);
    }
    relocs.push_back(r);
    return;
  }
  case Action::Copy:
    if (!sym.isShared()) {
      error(isec.describe(rel.r_offset), ": relocation ", relocTypeName(type),
            " against '", messageName(sym),
            "' needs a copy relocation, but the symbol is not defined in a "
            "shared library");
      return;
    }
    need(sym, NeedsCopy | NeedsDynsym);
    return;
  case Action::CanonicalPlt:
    need(sym, NeedsPlt | NeedsCanonicalPlt | NeedsDynsym);
    return;
  }
}

void Scanner::scanOne(InputSection &isec, const ElfRela &rel) {
  uint32_t type = rel.getType(false);
  RelInfo info = classifyReloc(type);
  if (info.expr == RelExpr::None || info.expr == RelExpr::Unsupported)
    return; // unsupported types are reported, with their place, when applied
  Symbol &sym = *isec.file->symbols[rel.getSymbol(false)];
  // References to discarded code need nothing; applying them writes a
  // tombstone (or reports the reference, outside unwind tables).
  if (sym.isInDiscardedSection())
    return;

  if (sym.isUndefined() && !sym.isLocal && !sym.isWeakRefOnly &&
      !(ctx.config.isShared() && !ctx.config.noUndefined)) {
    undefs.push_back({&sym, isec.describe(rel.r_offset)});
    return;
  }
  if (sym.isShared())
    usedDsos.push_back(static_cast<SharedFile *>(sym.file));

  // A static IFUNC is called through an .iplt entry whose slot an IRELATIVE
  // relocation fills; that entry is also the function's address everywhere.
  // Its references then follow the rules for a local symbol: a GOT slot or
  // a RELATIVE relocation holds the entry's address.
  if (sym.isIfunc() && !sym.isPreemptible)
    need(sym, NeedsIplt);

  int row = outputRow(ctx), col = symbolColumn(sym);
  switch (info.expr) {
  case RelExpr::Abs:
    act(info.size == 8 ? absWordTable[row][col] : absNarrowTable[row][col],
        isec, rel, sym);
    return;
  case RelExpr::Pc:
    act(pcTable[row][col], isec, rel, sym);
    return;
  case RelExpr::Plt:
    if (sym.isPreemptible)
      need(sym, NeedsPlt | NeedsDynsym);
    return;
  case RelExpr::PltOff:
    if (sym.isPreemptible)
      need(sym, NeedsPlt | NeedsDynsym);
    gotPltReferenced = true;
    return;
  case RelExpr::GotPcRelax:
    if (canRelaxGotPcRelX(ctx, isec, rel, sym))
      return;
    [[fallthrough]];
  case RelExpr::GotPc:
  case RelExpr::GotRel:
    need(sym, NeedsGot | (sym.isPreemptible ? NeedsDynsym : 0));
    gotPltReferenced = true;
    return;
  case RelExpr::GotOff:
  case RelExpr::GotBasePc:
    gotPltReferenced = true;
    return;
  case RelExpr::GotTpPc:
    if (!canRelaxGotTpOff(ctx, isec, rel, sym))
      need(sym, NeedsGotTp | (sym.isPreemptible ? NeedsDynsym : 0));
    return;
  case RelExpr::TlsGdPc:
    if (!canRelaxTlsGdLd(ctx, sym))
      need(sym, NeedsTlsGd | (sym.isPreemptible ? NeedsDynsym : 0));
    return;
  case RelExpr::TlsDescPc:
    if (!ctx.config.isShared()) {
      if (!canRelaxTlsGdLd(ctx, sym))
        need(sym, NeedsGotTp | NeedsDynsym);
    } else {
      need(sym, NeedsTlsDesc | (sym.isPreemptible ? NeedsDynsym : 0));
    }
    return;
  case RelExpr::TlsLdPc:
    if (!canRelaxTlsGdLd(ctx, sym))
      needsTlsLdSlots = true;
    return;
  case RelExpr::TpOff:
    if (ctx.config.isShared())
      error(isec.describe(rel.r_offset), ": relocation ", relocTypeName(type),
            " against '", messageName(sym),
            "' cannot be used with -shared; recompile with -fPIC");
    return;
  default:
    return;
  }
}

void Scanner::scanSection(InputSection &isec) {
  for (size_t i = 0; i < isec.relas.size(); i++) {
    const ElfRela &rel = isec.relas[i];
    scanOne(isec, rel);
    // A GD/LD sequence relaxed to local exec no longer calls
    // __tls_get_addr: the call's relocation is dropped with it.
    uint32_t type = rel.getType(false);
    if ((type == R_X86_64_TLSGD || type == R_X86_64_TLSLD) &&
        canRelaxTlsGdLd(ctx, *isec.file->symbols[rel.getSymbol(false)]))
      i++;
  }
}

void scanRelocations(Context &ctx) {
  std::vector<InputSection *> sections;
  for (ObjectFile *file : ctx.objs)
    for (InputSection *isec : file->sections)
      if (isec && isec->isAlive && isec->isAlloc() && !isec->relas.empty())
        sections.push_back(isec);

  // Contiguous runs of sections, scanned in parallel.
  std::optional<ScopedTimer> phase(std::in_place, ctx, "scanSections");
  size_t runs = std::min<size_t>(sections.size(), 256);
  std::vector<Scanner> scanners;
  scanners.reserve(runs);
  for (size_t r = 0; r < runs; r++)
    scanners.emplace_back(ctx);
  llvm::parallelForEachN(0, runs, [&](size_t r) {
    size_t begin = sections.size() * r / runs;
    size_t end = sections.size() * (r + 1) / runs;
    for (size_t i = begin; i < end; i++)
      scanners[r].scanSection(*sections[i]);
  });

  phase.emplace(ctx, "mergeScanResults");
  // Apply the records in section order. Each run's buffers are released
  // as soon as they are applied, so memory does not hold two copies.
  size_t total = ctx.relaDyn->relocs.size();
  for (Scanner &sc : scanners)
    total += sc.relocs.size();
  ctx.relaDyn->relocs.reserve(total);
  std::vector<Symbol *> undefOrder;
  std::map<Symbol *, std::vector<std::string>> undefRefs;
  for (Scanner &sc : scanners) {
    for (auto &[sym, flags] : sc.needs) {
      if (!sym->needs)
        ctx.symbolsWithNeeds.push_back(sym);
      sym->needs |= flags;
    }
    ctx.relaDyn->relocs.insert(ctx.relaDyn->relocs.end(), sc.relocs.begin(),
                               sc.relocs.end());
    std::vector<DynReloc>().swap(sc.relocs);
    std::vector<std::pair<Symbol *, uint16_t>>().swap(sc.needs);
    for (const std::string &msg : sc.errors)
      Error(ctx) << msg;
    for (const std::string &msg : sc.warnings)
      Warn(ctx) << msg;
    ctx.hasTextRel |= sc.textRel;
    for (auto &[sym, place] : sc.undefs) {
      auto &refs = undefRefs[sym];
      if (refs.empty())
        undefOrder.push_back(sym);
      refs.push_back(std::move(place));
    }
    for (SharedFile *so : sc.usedDsos)
      so->isNeeded = true;
    if (sc.gotPltReferenced)
      ctx.gotPlt->referenced = true;
    if (sc.needsTlsLdSlots && ctx.got->tlsLdIndex < 0) {
      ctx.got->tlsLdIndex = ctx.got->addEntry(GotSection::Kind::TlsLdMod, nullptr);
      ctx.got->addEntry(GotSection::Kind::TlsLdMod, nullptr);
    }
  }

  for (Symbol *sym : undefOrder) {
    const std::vector<std::string> &refs = undefRefs[sym];
    Diag d = Error(ctx);
    d << "undefined symbol: " << sym->name;
    size_t shown = std::min<size_t>(refs.size(), 3);
    for (size_t i = 0; i < shown; i++)
      d << "\n>>> referenced by " << refs[i];
    if (refs.size() > shown)
      d << "\n>>> referenced " << refs.size() - shown << " more times";
  }

  if (ctx.hasTextRel && ctx.config.textRel == Config::TextRel::Warn)
    Warn(ctx) << "creating DT_TEXTREL in "
              << (ctx.config.isShared() ? "a shared object" : "a PIE");

  // The entry point and -u names count as references too.
  if (ctx.entrySym && ctx.entrySym->isUndefined() &&
      ctx.config.kind != OutputKind::Shared)
    Warn(ctx) << "cannot find entry symbol " << ctx.entrySym->name
              << "; not setting start address";
}

void assignSyntheticEntries(Context &ctx) {
  for (Symbol *sym : ctx.symbolsWithNeeds) {
    if (sym->needs & NeedsIplt) {
      sym->ipltIndex = ctx.plt->ipltSymbols.size();
      ctx.plt->ipltSymbols.push_back(sym);
    }
    if (sym->needs & NeedsGot)
      sym->gotIndex = ctx.got->addEntry(GotSection::Kind::Addr, sym);
    if (sym->needs & NeedsGotTp)
      sym->gotTpIndex = ctx.got->addEntry(GotSection::Kind::TpOff, sym);
    if (sym->needs & NeedsTlsDesc) {
      sym->tlsDescIndex = ctx.got->addEntry(GotSection::Kind::TlsDesc, sym);
      ctx.got->addEntry(GotSection::Kind::TlsDescArg, sym);
    }
    if (sym->needs & NeedsTlsGd) {
      sym->tlsGdIndex = ctx.got->addEntry(GotSection::Kind::TlsGdMod, sym);
      ctx.got->addEntry(GotSection::Kind::TlsGdOff, sym);
    }
    if ((sym->needs & NeedsPlt) && sym->ipltIndex < 0) {
      sym->pltIndex = ctx.plt->symbols.size();
      ctx.plt->symbols.push_back(sym);
    }
    if (sym->needs & NeedsCopy) {
      // Without RELRO, GNU ld copies read-only variables into .bss too.
      sym->copyInRelro = !sym->writable && ctx.config.zRelro;
      sym->copyOffset = sym->copySection(ctx)->add(sym);
    }
  }
  // A copied variable's strong alias in its library (weak environ and
  // global __environ are one object, and libc's own code uses the global
  // name) must name the copy too, or the library would go on using its
  // original through that name. Weak aliases are left alone, as GNU ld does.
  for (CopyRelSection *sec : {ctx.copyRel, ctx.copyRelRo}) {
    for (Symbol *sym : sec->symbols) {
      auto *so = static_cast<SharedFile *>(sym->file);
      for (size_t i = 0; i < so->dynSymbols.size(); i++) {
        Symbol *alias = so->dynSymbols[i];
        if (!alias || alias == sym || alias->file != so || !alias->isShared() ||
            (alias->needs & NeedsCopy) || alias->value != sym->value ||
            alias->binding != STB_GLOBAL)
          continue;
        alias->needs |= NeedsCopy | NeedsDynsym;
        alias->copyOffset = sym->copyOffset;
        alias->copyInRelro = sym->copyInRelro;
      }
    }
  }
}

} // namespace mld
