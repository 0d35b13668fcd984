// The linker, as the list of its passes. Each pass is one call, with the
// reason it is where it is; option handling stays in options.cpp.
#include "driver.h"

#include "export-policy.h"
#include "arch-x86-64.h"
#include "build-id.h"
#include "dynamic.h"
#include "eh-frame.h"
#include "emit-relocs.h"
#include "gc-sections.h"
#include "compress.h"
#include "context.h"
#include "dependency-file.h"
#include "diag.h"
#include "gnu-property.h"
#include "layout.h"
#include "linker-symbols.h"
#include "map-file.h"
#include "merged-section.h"
#include "options.h"
#include "read-inputs.h"
#include "shared-file.h"
#include "reloc-log.h"
#include "relocatable.h"
#include "relocations.h"
#include "relr.h"
#include "synthetic.h"
#include "stats.h"
#include "writer.h"

namespace mld {

using namespace llvm::ELF;

// --no-allow-shlib-undefined (or --unresolved-symbols=report-all or
// ignore-in-object-files): a name a linked-against library needs must be
// defined somewhere in the link. As in GNU ld, only libraries the output
// will need count (not an --as-needed one nothing refers to), and it is a
// warning with --warn-unresolved-symbols. Not checked by default (GNU ld
// checks executables by default; mld reads no DT_NEEDED of libraries, whose
// own dependencies may define such names). Needs isNeeded, so it runs after
// scanRelocations. A name regular objects refer to is theirs to report.
static void reportShlibUndefined(Context &ctx) {
  if (!ctx.config.reportShlibUndefs())
    return;
  for (Symbol *sym : ctx.symtab.symbols) {
    SharedFile *so = sym->strongDsoRef;
    if (!so || !sym->isUndefined() || sym->isUsedInRegularObj || sym->hiddenDsoVersion ||
        (so->asNeeded && !so->isNeeded) || ctx.config.ignoresUndefined(sym->name))
      continue;
    Diag d = ctx.config.warnUnresolved ? Warn(ctx) : Error(ctx);
    d << "undefined reference due to --no-allow-shlib-undefined: " << symbolName(ctx, sym->name)
      << "\n>>> referenced by " << so->displayName();
  }
}

static void reportDuplicates(Context &ctx) {
  for (const DuplicateDef &d : ctx.symtab.duplicates)
    Error(ctx) << "duplicate symbol: " << symbolName(ctx, d.sym->name) << "\n>>> defined at "
               << d.first << "\n>>> defined at " << d.second;
}

// --require-defined SYM: like -u, and an error when no input (object or
// shared library) defines it, in GNU ld's words.
static void reportMissingRequired(Context &ctx) {
  for (const std::string &name : ctx.config.requiredSyms) {
    Symbol *sym = ctx.symtab.find(name);
    if (!sym || !(sym->isDefined() || sym->isShared()))
      Error(ctx) << "required symbol `" << name << "' not defined";
  }
}

// The headers and the sections only the linker can make. Created before
// binning so that input sections of the same name (a stray .got) cannot
// collide with them.
static void createSyntheticSections(Context &ctx) {
  ctx.ehdr = ctx.make<OutputEhdr>();
  ctx.phdr = ctx.make<OutputPhdr>();
  ctx.got = ctx.make<GotSection>();
  ctx.gotPlt = ctx.make<GotPltSection>();
  ctx.plt = ctx.make<PltSection>();
  ctx.pltSec = ctx.make<PltSecSection>();
  if (ctx.ibtPlt)
    ctx.plt->sec = ctx.pltSec;
  ctx.relaDyn = ctx.make<RelaDynSection>();
  ctx.relaPlt = ctx.make<RelaPltSection>();
  // GNU ld packs only PIC output (a static PIE too); an ET_EXEC has no
  // RELATIVE relocations to pack.
  if (ctx.config.zPackRelativeRelocs && ctx.isPic())
    ctx.relrDyn = ctx.make<RelrDynSection>();
  ctx.copyRel = ctx.make<CopyRelSection>(false);
  ctx.copyRelRo = ctx.make<CopyRelSection>(true);
  if (!ctx.config.stripAll) {
    ctx.symtabSec = ctx.make<SymtabSection>();
    ctx.strtabSec = ctx.make<StrtabSection>(".strtab", 0, /*dedup=*/false);
  }
  ctx.shstrtabSec = ctx.make<ShstrtabSection>();
  ctx.shdr = ctx.make<OutputShdr>();
  createDynamicSections(ctx);
  if (ctx.config.buildId != BuildId::None)
    ctx.buildId = ctx.make<BuildIdSection>();
}

// .eh_frame_hdr indexes .eh_frame, so it exists only if .eh_frame does.
static void createEhFrameHdr(Context &ctx) {
  for (OutputSection *osec : ctx.outputSections)
    if (osec->name == ".eh_frame")
      ctx.ehFrame = osec;
  if (ctx.config.ehFrameHdr && ctx.ehFrame)
    ctx.ehFrameHdr = ctx.make<EhFrameHdrSection>();
}

// .comment gets our identification next to the compilers' (merged with
// theirs by splitMergeableSections, so one copy of each distinct string).
static InputSection *makeCommentSection(Context &ctx) {
  static const char ident[] = "mld " MLD_VERSION;
  InputSection *isec = ctx.newSection();
  isec->name = ".comment";
  isec->type = SHT_PROGBITS;
  isec->flags = SHF_MERGE | SHF_STRINGS;
  isec->entsize = 1;
  isec->contents = llvm::ArrayRef<uint8_t>(reinterpret_cast<const uint8_t *>(ident), sizeof ident);
  isec->size = sizeof ident;
  return isec;
}

// Steps 2 and 3 of link(): what happens to input sections before they are
// binned, then the output sections they are binned into.
static void prepareSections(Context &ctx) {
  ScopedTimer timer(ctx, "prepareSections");
  // Tentative definitions become .bss space.
  convertCommonSymbols(ctx);
  if (ctx.config.gcSections)
    gcSections(ctx);
  // One .note.gnu.property, combined from the inputs' notes.
  mergeGnuPropertyNotes(ctx);
  ctx.packageNote = makePackageNote(ctx);
  SectionsToPrepare todo = findSectionsToPrepare(ctx); // (-s/-S strip debug)
  pruneEhFrames(ctx, todo.ehFrames);
  splitMergeableSections(ctx, todo.mergeable, makeCommentSection(ctx));
}

static void createOutputSections(Context &ctx) {
  ScopedTimer timer(ctx, "createOutputSections");
  createSyntheticSections(ctx);
  binSections(ctx); // .text.* -> .text, ...
  createEhFrameHdr(ctx);
  addLinkerDefinedSymbols(ctx);
  defineDefsyms(ctx); // (after them: a --defsym may name one)
  // --emit-relocs: the .rela sections exist before layout sizes them.
  if (ctx.config.emitRelocs)
    createEmitRelocSections(ctx);
}

// Step 6: order chunks, group them into segments, assign addresses.
static void layOut(Context &ctx) {
  ScopedTimer timer(ctx, "layout");
  finalizeChunks(ctx);
  createSegments(ctx);
  ctx.phdr->computeSize(ctx);
  assignAddresses(ctx);
  sizeRelrDyn(ctx); // (lays out again if .relr.dyn grows)
}

int link(const Config &config) {
  Context ctx(config);
  const Config &cfg = ctx.config;
  ctx.imageBase = imageBase(cfg);
  if (cfg.relocLogPath.size())
    ctx.relocLog = std::make_unique<RelocLog>(cfg.relocLogFormat == LogFormat::Json);

  // 1. Read every input in command-line order, resolving symbols as each
  //    file arrives and pulling archive members GNU ld's way (the entry
  //    point and -u names first, as references that can pull members).
  readInputFiles(ctx);
  bindVersionedReferences(ctx);
  reportDuplicates(ctx);
  reportMissingRequired(ctx);
  checkpoint(ctx);
  if (!cfg.relocatable)
    settleAsNeededLibraries(ctx);
  // -- Every input file is known; every name has its winning definition.

  // -r: an ET_REL output, by the passes of relocatable.cpp (no addresses,
  // segments or dynamic sections; relocations kept, not applied).
  if (cfg.relocatable)
    linkRelocatable(ctx);

  // A PIE, a shared object, or an executable that uses shared libraries is
  // loaded by a dynamic loader (a static PIE relocates itself with the same
  // tables), so it gets .dynamic and its companions.
  ctx.hasDynamicSection = cfg.kind != OutputKind::Exec || !ctx.dsos.empty();

  // 2. Commons, --gc-sections, .eh_frame pruning and SHF_MERGE
  //    deduplication, before sections are binned.
  prepareSections(ctx);
  // 3. The synthetic sections, then input sections binned into output
  //    sections, then the linker-defined symbols that name them.
  createOutputSections(ctx);
  // -- No new input sections after this point.

  // 4. Decide what each relocation needs (GOT, PLT, copy, dynamic reloc)
  //    and report what cannot be linked (undefined names, non-PIC code in
  //    PIC output).
  computeImportExport(ctx);
  scanRelocations(ctx);
  reportShlibUndefined(ctx);
  checkpoint(ctx);

  // 5. Hand out GOT/PLT indices in one deterministic pass; then the list
  //    of dynamic relocations is complete: with -z pack-relative-relocs
  //    most RELATIVE ones move to .relr.dyn; the others come first, and
  //    their number decides whether .dynamic has a DT_RELACOUNT (so
  //    before layout).
  assignSyntheticEntries(ctx);
  buildDynamicTables(ctx);
  packRelativeRelocs(ctx);
  ctx.relaDyn->sortRelocs();
  // -- No new symbols or slots after this point.

  // 6. Order chunks, group them into segments, assign addresses.
  layOut(ctx);
  // -- Layout is fixed: every address is final.

  // 7. Give linker-defined symbols their values.
  fixLinkerDefinedSymbols(ctx);
  if (cfg.emitRelocs)
    fillEmitRelocSections(ctx);

  // --compress-debug-sections: the debug sections, relocated, compressed.
  {
    ScopedTimer t(ctx, "compressDebugSections");
    compressDebugSections(ctx);
  }

  // 8. Write the map, then the file (relocations applied in place), commit.
  if (!cfg.mapPath.empty())
    writeMapFile(ctx);
  writeOutput(ctx);
  writeDependencyFile(ctx);
  reportStats(ctx);
  // Done: leave without tearing down millions of objects one by one (the
  // kernel reclaims the memory at once), as lld and mold do.
  exitLink(ctx, 0);
}

} // namespace mld
