// The linker, as the list of its passes. Each pass is one call, with the
// reason it is where it is; option handling stays in options.cpp.
#include "driver.h"

#include "arch-x86-64.h"
#include "build-id.h"
#include "dynamic.h"
#include "eh-frame.h"
#include "emit-relocs.h"
#include "gc-sections.h"
#include "gnu-property.h"
#include "compress.h"
#include "context.h"
#include "diag.h"
#include "gnu-property.h"
#include "layout.h"
#include "linker-symbols.h"
#include "map-file.h"
#include "merged-section.h"
#include "read-inputs.h"
#include "reloc-log.h"
#include "relocatable.h"
#include "relocations.h"
#include "synthetic.h"
#include "stats.h"
#include "writer.h"


namespace mld {

using namespace llvm::ELF;

// --no-allow-shlib-undefined: a name a linked-against library needs must be
// defined somewhere in the link (GNU ld's default for executables; mld
// checks it only when asked, since it reads no DT_NEEDED of libraries).
static void reportShlibUndefined(Context &ctx) {
  if (ctx.config.allowShlibUndefined || ctx.config.isShared())
    return;
  for (Symbol *sym : ctx.symtab.symbols)
    if (sym->strongDsoRef && sym->isUndefined() && !sym->hiddenDsoVersion)
      Error(ctx) << "undefined reference due to --no-allow-shlib-undefined: "
                 << sym->name << "\n>>> referenced by "
                 << sym->strongDsoRef->displayName();
}

static void reportDuplicates(Context &ctx) {
  for (const DuplicateDef &d : ctx.symtab.duplicates)
    Error(ctx) << "duplicate symbol: " << d.sym->name
               << "\n>>> defined at " << d.first
               << "\n>>> defined at " << d.second;
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
  ctx.relaDyn = ctx.make<RelaDynSection>();
  ctx.relaPlt = ctx.make<RelaPltSection>();
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
  isec->contents = llvm::ArrayRef<uint8_t>(
      reinterpret_cast<const uint8_t *>(ident), sizeof ident);
  isec->size = sizeof ident;
  return isec;
}

int link(const Config &config) {
  Context ctx(config);
  const Config &cfg = ctx.config;
  ctx.imageBase = cfg.imageBase.value_or(cfg.kind == OutputKind::Exec ? 0x400000
                                                                      : 0);
  if (cfg.relocLogPath.size())
    ctx.relocLog = std::make_unique<RelocLog>(cfg.relocLogFormat == LogFormat::Json);

  // The entry point is a reference like any other, so that it can pull the
  // archive member that defines it (lld and GNU ld both do this).
  // (-r makes an object, which has no entry point.)
  std::string entry = cfg.entry.empty() && !cfg.isShared() && !cfg.relocatable
                          ? "_start"
                          : cfg.entry;
  if (!entry.empty()) {
    ctx.entrySym = ctx.symtab.intern(ctx.saver.save(entry));
    ctx.entrySym->isWeakRefOnly = false;
    ctx.entrySym->nonIrRef = true; // LTO keeps the entry point
  }

  // 1. Read every input in command-line order, resolving symbols as each
  //    file arrives and pulling archive members GNU ld's way.
  {
    ScopedTimer t(ctx, "readInputFiles");
    readInputFiles(ctx);
  }
  reportDuplicates(ctx);
  reportShlibUndefined(ctx);
  checkpoint(ctx);
  // -- Every input file is known; every name has its winning definition.

  // -r: an ET_REL output, by the passes of relocatable.cpp (no addresses,
  // segments or dynamic sections; relocations kept, not applied).
  if (cfg.relocatable)
    linkRelocatable(ctx);

  // A PIE, a shared object, or an executable that uses shared libraries is
  // loaded by a dynamic loader (a static PIE relocates itself with the same
  // tables), so it gets .dynamic and its companions.
  ctx.hasDynamicSection = cfg.kind != OutputKind::Exec ||
                          (!ctx.dsos.empty() && !cfg.isStatic);

  // 2. Turn tentative definitions into .bss space, and deduplicate
  //    SHF_MERGE pieces, before sections are binned.
  {
    ScopedTimer t(ctx, "prepareSections");
    {
      ScopedTimer t2(ctx, "convertCommonSymbols");
      convertCommonSymbols(ctx);
    }
    if (cfg.gcSections) {
      ScopedTimer t2(ctx, "gcSections");
      gcSections(ctx);
    }
    // One .note.gnu.property, combined from the inputs' notes.
    mergeGnuPropertyNotes(ctx);
    SectionsToPrepare todo;
    {
      ScopedTimer t2(ctx, "findSectionsToPrepare");
      todo = findSectionsToPrepare(ctx); // (and -s/-S strip debug info)
    }
    {
      ScopedTimer t2(ctx, "pruneEhFrames");
      pruneEhFrames(ctx, todo.ehFrames);
    }
    {
      ScopedTimer t2(ctx, "splitMergeableSections");
      InputSection *comment = makeCommentSection(ctx);
      splitMergeableSections(ctx, todo.mergeable, comment);
    }
  }

  // 3. Create the synthetic sections, then bin input sections into output
  //    sections (.text.* -> .text, ...).
  {
    ScopedTimer t(ctx, "createOutputSections");
    createSyntheticSections(ctx);
    {
      ScopedTimer t2(ctx, "binSections");
      binSections(ctx);
    }
    createEhFrameHdr(ctx);
    {
      ScopedTimer t2(ctx, "addLinkerDefinedSymbols");
      addLinkerDefinedSymbols(ctx);
      defineDefsyms(ctx); // (after them: a --defsym may name one)
    }
    // --emit-relocs: the .rela sections exist before layout sizes them.
    if (cfg.emitRelocs)
      createEmitRelocSections(ctx);
  }
  // -- No new input sections after this point.

  // 4. Decide what each relocation needs (GOT, PLT, copy, dynamic reloc)
  //    and report what cannot be linked (undefined names, non-PIC code in
  //    PIC output).
  {
    ScopedTimer t(ctx, "computeImportExport");
    computeImportExport(ctx);
  }
  {
    ScopedTimer t(ctx, "scanRelocations");
    // A relocation makes at most one dynamic relocation, or a GOT slot
    // whose relocation buildDynamicTables appends later: so the number of
    // relocations is room enough in practice. It is reserved up front, as
    // address space only (pages are touched as the list fills), so that the
    // late appends do not copy the whole list.
    if (ctx.hasDynamicSection)
      ctx.relaDyn->relocs.reserve(ctx.inputRelocCount);
    scanRelocations(ctx);
  }
  checkpoint(ctx);

  // 5. Hand out GOT/PLT indices in one deterministic pass.
  {
    ScopedTimer t(ctx, "syntheticEntries");
    {
      ScopedTimer t2(ctx, "assignSyntheticEntries");
      assignSyntheticEntries(ctx);
    }
    {
      ScopedTimer t2(ctx, "buildDynamicTables");
      buildDynamicTables(ctx);
    }
    // The list is complete: RELATIVE first, and their number, which
    // decides whether .dynamic has a DT_RELACOUNT (so before layout).
    ScopedTimer t2(ctx, "sortDynamicRelocs");
    ctx.relaDyn->sortRelocs();
  }
  // -- No new symbols or slots after this point.

  // 6. Order chunks, group them into segments, assign addresses.
  {
    ScopedTimer t(ctx, "layout");
    {
      ScopedTimer t2(ctx, "finalizeChunks");
      finalizeChunks(ctx);
    }
    {
      ScopedTimer t2(ctx, "createSegments");
      createSegments(ctx);
      ctx.phdr->computeSize(ctx);
    }
    {
      ScopedTimer t2(ctx, "assignAddresses");
      assignAddresses(ctx);
    }
  }
  // -- Layout is fixed: every address is final.

  // 7. Give linker-defined symbols their values.
  {
    ScopedTimer t(ctx, "finishSymbols");
    fixLinkerDefinedSymbols(ctx);
    if (cfg.emitRelocs)
      fillEmitRelocSections(ctx);
  }

  // --compress-debug-sections: the debug sections, relocated, compressed.
  {
    ScopedTimer t(ctx, "compressDebugSections");
    compressDebugSections(ctx);
  }

  // 8. Write the map, then the file (relocations applied in place), commit.
  if (!cfg.mapPath.empty())
    writeMapFile(ctx);
  {
    ScopedTimer t(ctx, "writeOutput");
    writeOutput(ctx);
  }
  reportStats(ctx);
  // Done: leave without tearing down millions of objects one by one (the
  // kernel reclaims the memory at once), as lld and mold do.
  exitLink(ctx, 0);
}

} // namespace mld
