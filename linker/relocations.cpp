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
#include <unordered_set>

namespace mld {

using namespace llvm::ELF;

// What a reference needs, by output kind and by what the symbol is.
enum class Action : uint8_t {
  None,         // the value is known at link time
  Error,        // cannot be expressed in this output kind
  BaseRel,      // R_X86_64_RELATIVE: link-time address + load bias
  DynRel,       // a symbolic dynamic relocation (R_X86_64_64)
  Copy,         // copy the library's variable into our .bss (COPY)
  CanonicalPlt, // the function's address is our PLT entry
};
enum { Shared, Pie, Exec };                           // rows
enum { Absolute, Local, ImportedData, ImportedFunc }; // columns

// R_X86_64_64: a full word can always be a dynamic relocation in PIC output.
// A non-PIC executable instead copies imported data or takes a PLT entry as
// the function's address, so its code needs no dynamic relocation.
static constexpr Action absWordTable[3][4] = {
    //          Absolute      Local            ImportedData    ImportedFunc
    /*Shared*/ {Action::None, Action::BaseRel, Action::DynRel, Action::DynRel},
    /*Pie*/ {Action::None, Action::BaseRel, Action::DynRel, Action::DynRel},
    /*Exec*/ {Action::None, Action::None, Action::Copy, Action::CanonicalPlt},
};
// R_X86_64_32/32S/16/8: too narrow to hold a load-time address, so in PIC
// output only absolute symbols fit ("recompile with -fPIC").
static constexpr Action absNarrowTable[3][4] = {
    //          Absolute      Local          ImportedData   ImportedFunc
    /*Shared*/ {Action::None, Action::Error, Action::Error, Action::Error},
    /*Pie*/ {Action::None, Action::Error, Action::Error, Action::Error},
    /*Exec*/ {Action::None, Action::None, Action::Copy, Action::CanonicalPlt},
};
// PC-relative: a distance between two places in one module is fixed, but a
// loader cannot patch a PC-relative field for another module's symbol, and an
// absolute symbol moves relative to PIC code.
static constexpr Action pcTable[3][4] = {
    //          Absolute       Local         ImportedData   ImportedFunc
    /*Shared*/ {Action::Error, Action::None, Action::Error, Action::Error},
    /*Pie*/ {Action::Error, Action::None, Action::Copy, Action::CanonicalPlt},
    /*Exec*/ {Action::None, Action::None, Action::Copy, Action::CanonicalPlt},
};

static int outputRow(const Context &ctx) {
  switch (ctx.config.kind) {
  case OutputKind::Shared:
    return Shared;
  case OutputKind::Pie:
    return Pie;
  case OutputKind::Exec:
    return Exec;
  }
  return Exec;
}

static int symbolColumn(const Symbol &sym) {
  // (An undefined name that is not imported is 0: a weak one, or one left
  // undefined by --unresolved-symbols or --warn-unresolved-symbols.)
  if (sym.isAbsolute || (sym.isUndefined() && !sym.isPreemptible))
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

void Scanner::act(Action a, InputSection &isec, const ElfRela &rel, Symbol &sym) {
  uint32_t type = rel.getType(false);
  switch (a) {
  case Action::None:
    return;
  case Action::Error: {
    std::string what = ctx.config.isShared() ? "a shared object" : "a PIE object";
    std::string fix = ctx.config.isShared() ? "-fPIC" : "-fPIE";
    error(isec.describe(rel.r_offset), ": relocation ", relocTypeName(type), " against '",
          messageName(sym), "' can not be used when making ", what, "; recompile with ", fix);
    return;
  }
  case Action::BaseRel:
  case Action::DynRel: {
    // What counts is the output section: an input without SHF_WRITE that
    // joins a writable output (.init_array) is written like the rest.
    if (!(isec.osec->shdr.sh_flags & SHF_WRITE)) {
      switch (ctx.config.textRel) {
      case Config::TextRel::Error:
        error(isec.describe(rel.r_offset), ": relocation ", relocTypeName(type), " against '",
              messageName(sym), "' in read-only section ", isec.name,
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
      error(isec.describe(rel.r_offset), ": relocation ", relocTypeName(type), " against '",
            messageName(sym),
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

  // An undefined name that is reported stops the link, unless reports are
  // warnings (--warn-unresolved-symbols): then, like an ignored one, it is
  // resolved as in a link that allows it (imported in a shared object,
  // fixed at 0 in an executable, as by GNU ld for non-PIC executables).
  if (sym.isUndefined() && !sym.isLocal && !sym.isWeakRefOnly && ctx.config.reportObjectUndefs() &&
      !ctx.config.ignoresUndefined(sym.name)) {
    undefs.push_back({&sym, isec.describe(rel.r_offset)});
    if (!ctx.config.warnUnresolved)
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
    act(info.size == 8 ? absWordTable[row][col] : absNarrowTable[row][col], isec, rel, sym);
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
      error(isec.describe(rel.r_offset), ": relocation ", relocTypeName(type), " against '",
            messageName(sym), "' cannot be used with -shared; recompile with -fPIC");
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
  ScopedTimer timer(ctx, "scanRelocations");
  // A relocation makes at most one dynamic relocation, or a GOT slot whose
  // relocation buildDynamicTables appends later: so the number of
  // relocations is room enough in practice. It is reserved up front, as
  // address space only (pages are touched as the list fills), so that the
  // late appends do not copy the whole list.
  if (ctx.hasDynamicSection)
    ctx.relaDyn->relocs.reserve(ctx.inputRelocCount);
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
    ctx.relaDyn->relocs.insert(ctx.relaDyn->relocs.end(), sc.relocs.begin(), sc.relocs.end());
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
    Diag d = ctx.config.warnUnresolved ? Warn(ctx) : Error(ctx);
    d << "undefined symbol: " << symbolName(ctx, sym->name);
    size_t shown = std::min<size_t>(refs.size(), 3);
    for (size_t i = 0; i < shown; i++)
      d << "\n>>> referenced by " << refs[i];
    if (refs.size() > shown)
      d << "\n>>> referenced " << refs.size() - shown << " more times";
  }

  if (ctx.hasTextRel && ctx.config.textRel == Config::TextRel::Warn)
    Warn(ctx) << "creating DT_TEXTREL in " << (ctx.config.isShared() ? "a shared object" : "a PIE");

  // The entry point and -u names count as references too.
  if (ctx.entrySym && ctx.entrySym->isUndefined() && ctx.config.kind != OutputKind::Shared)
    Warn(ctx) << "cannot find entry symbol " << ctx.entrySym->name << "; not setting start address";
}

void assignSyntheticEntries(Context &ctx) {
  ScopedTimer timer(ctx, "assignSyntheticEntries");
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
