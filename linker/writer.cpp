// The last pass: bytes into the output file, relocations applied in place,
// then commit. The file (output-file.h) is a temporary one renamed over the
// output path on commit, so readers never see a half-written output; it may
// be the old output itself, reused, in which case every byte of the file is
// written here, padding included, since the old bytes are still there.
#include "writer.h"

#include "arch-x86-64.h"
#include "build-id.h"
#include "context.h"
#include "dynamic.h"
#include "eh-frame.h"
#include "gc-sections.h"
#include "diag.h"
#include "output-file.h"
#include "reloc-log.h"
#include "relr.h"
#include "stats.h"
#include "synthetic.h"

#include "llvm/Support/Endian.h"
#include "llvm/Support/Parallel.h"

#include <algorithm>
#include <cstring>
#include <optional>

namespace mld {

using namespace llvm::ELF;

// Records the GOT and PLT slots the linker created, with the reason and the
// slot's initial contents, so the log shows the indirections next to the
// relocations that use them.
static void logSyntheticEntries(Context &ctx, const uint8_t *buf) {
  RelocLog &log = *ctx.relocLog;
  PltSection &plt = *ctx.plt;
  auto slotValue = [&](uint64_t va) {
    for (Chunk *c : ctx.chunks)
      if (c->isAlloc() && !c->isNoBits() && va >= c->shdr.sh_addr &&
          va + 8 <= c->shdr.sh_addr + c->shdr.sh_size)
        return llvm::support::endian::read64le(buf + c->shdr.sh_offset + (va - c->shdr.sh_addr));
    return uint64_t(0);
  };
  for (size_t i = 0; i < plt.symbols.size(); i++) {
    uint64_t slot = plt.slotVA(ctx, i);
    SlotLabels labels{pltLabel(i), (slot - ctx.gotPlt->shdr.sh_addr) / 8, {}};
    std::string gotPlt = gotPltLabel(*labels.gotPlt);
    log.addSynthetic("plt", ".plt", plt.entryVA(i) - plt.shdr.sh_addr, plt.entryVA(i), labels.plt,
                     plt.symbols[i]->name, slot,
                     "call to preemptible function: jmp *" + gotPlt + " (" + toHex(slot) +
                         "), R_X86_64_JUMP_SLOT .rela.plt[" + std::to_string(i) + "]",
                     labels);
    log.addSynthetic("got.plt", ".got.plt", slot - ctx.gotPlt->shdr.sh_addr, slot, gotPlt,
                     plt.symbols[i]->name, slotValue(slot),
                     "lazy: starts at " + labels.plt + "+6 (push " + std::to_string(i) + ")",
                     labels);
  }
  for (size_t i = 0; i < plt.ipltSymbols.size(); i++) {
    uint64_t slot = plt.ipltSlotVA(ctx, i);
    log.addSynthetic("iplt", ".plt", plt.ipltEntryVA(i) - plt.shdr.sh_addr, plt.ipltEntryVA(i),
                     "IPLT[" + std::to_string(i) + "]", plt.ipltSymbols[i]->name, slot,
                     "IFUNC: jmp *" + toHex(slot) +
                         ", slot filled by R_X86_64_IRELATIVE at start-up");
  }
  auto logDynRelocs = [&](const std::vector<DynReloc> &relocs, const char *table) {
    for (const DynReloc &r : relocs) {
      uint64_t where = r.getOffset();
      uint64_t value = r.addendIsSymbolVA ? r.getTargetVA(ctx) : r.addend;
      std::string section = r.isec ? r.isec->osec->name : r.chunk->name;
      uint64_t off = r.isec ? r.isec->offset + r.offset : r.offset;
      log.addSynthetic("dynrel", section, off, where, relocTypeName(r.type),
                       r.sym ? r.sym->name : std::string_view(), value,
                       std::string(table) + ": " + r.why);
    }
  };
  logDynRelocs(ctx.relaDyn->relocs, ".rela.dyn");
  if (ctx.relrDyn)
    logDynRelocs(ctx.relrDyn->relocs, ".relr.dyn");
  static const char *const kinds[] = {"address",
                                      "TP offset",
                                      "TLS module ID",
                                      "TLS block offset",
                                      "TLS module ID (local dynamic)",
                                      "TLS descriptor (function)",
                                      "TLS descriptor (argument)"};
  for (size_t i = 0; i < ctx.got->entries.size(); i++) {
    const GotSection::Entry &e = ctx.got->entries[i];
    uint64_t va = ctx.got->shdr.sh_addr + i * 8;
    bool byLoader = ctx.hasDynamicSection && (!e.sym || e.sym->isPreemptible || ctx.isPic());
    log.addSynthetic("got", ".got", i * 8, va, gotLabel(i),
                     e.sym ? e.sym->name : std::string_view(), slotValue(va),
                     std::string(kinds[(int)e.kind]) +
                         (byLoader ? ", set by a dynamic relocation" : ", filled by the linker"),
                     SlotLabels{{}, {}, i});
  }
}

// One unit of the copy phase: a chunk's bytes, or a stretch of the file that
// no chunk covers (alignment padding), to be zeroed in a reused file.
struct CopyTask {
  Chunk *chunk; // null: zero [begin, end)
  uint64_t begin, end;
};

// Chunks whose writeTo stores every byte of their range, so that a reused
// file needs no zeroing first. Only the large ones are worth listing: the
// others are cleared before writeTo, which costs nothing at their size.
static bool writesEveryByte(const Chunk *c) {
  if (auto *strtab = dynamic_cast<const StrtabSection *>(c))
    return c->shdr.sh_size == strtab->strings.size(); // one memcpy of it all
  // Whole Elf64_Rela records, one per entry.
  return dynamic_cast<const RelaDynSection *>(c) || dynamic_cast<const RelaPltSection *>(c) ||
         dynamic_cast<const RelrDynSection *>(c); // (padded to its size)
}

// Zeroes the bytes of `osec` at `out` that OutputSection::writeTo does not
// write: alignment padding between members, and members without contents.
static void zeroMemberGaps(const OutputSection &osec, uint8_t *out) {
  uint64_t written = 0; // end of the bytes known to be written so far
  for (const InputSection *isec : osec.members) {
    if (isec->isNoBits() || isec->contents.empty())
      continue;
    if (isec->offset > written)
      memset(out + written, 0, isec->offset - written);
    written = std::max(written, isec->offset + isec->contents.size());
  }
  if (osec.shdr.sh_size > written)
    memset(out + written, 0, osec.shdr.sh_size - written);
}

// Every chunk with file bytes, plus, when the file holds stale bytes, the
// stretches between chunks (from offset 0 to the end of the file).
static std::vector<CopyTask> copyTasks(Context &ctx, bool stale) {
  std::vector<CopyTask> tasks;
  for (Chunk *c : ctx.chunks)
    if (!c->isNoBits())
      tasks.push_back({c, c->shdr.sh_offset, c->shdr.sh_offset + c->shdr.sh_size});
  if (!stale)
    return tasks;
  std::vector<std::pair<uint64_t, uint64_t>> covered;
  for (const CopyTask &t : tasks)
    covered.push_back({t.begin, t.end});
  std::sort(covered.begin(), covered.end());
  uint64_t pos = 0;
  for (auto [begin, end] : covered) {
    if (begin > pos)
      tasks.push_back({nullptr, pos, begin});
    pos = std::max(pos, end);
  }
  if (ctx.fileSize > pos)
    tasks.push_back({nullptr, pos, ctx.fileSize});
  return tasks;
}

// The byte ranges the copies below write: all of a reused file (its stale
// bytes are zeroed), else every chunk with file bytes less the large NOBITS
// members of output sections. A fresh file already reads as zeros there, and
// an output section made PROGBITS by one member can hold gigabytes of .bss
// that faulting in would allocate on disk and in memory (GNU ld leaves the
// file sparse there too).
static std::vector<std::pair<uint64_t, uint64_t>> writtenRanges(Context &ctx, bool stale) {
  if (stale)
    return {{0, ctx.fileSize}};
  constexpr uint64_t large = 1 << 20;
  std::vector<std::pair<uint64_t, uint64_t>> ranges;
  for (Chunk *c : ctx.chunks) {
    if (c->isNoBits())
      continue;
    uint64_t begin = c->shdr.sh_offset, end = begin + c->shdr.sh_size;
    auto *osec = dynamic_cast<OutputSection *>(c);
    if (osec && osec->compressed.empty())
      for (InputSection *isec : osec->members)
        if (isec->isNoBits() && isec->size >= large) {
          uint64_t hole = c->shdr.sh_offset + isec->offset;
          if (hole > begin)
            ranges.push_back({begin, hole});
          begin = std::max(begin, hole + isec->size);
        }
    if (end > begin)
      ranges.push_back({begin, end});
  }
  return ranges;
}

void writeOutput(Context &ctx) {
  ScopedTimer timer(ctx, "writeOutput");
  std::optional<ScopedTimer> phase(std::in_place, ctx, "openOutput");
  std::string err;
  // A shared object may be mapped by running programs, and the kernel does
  // not stop writes to it (it does for a running executable): never reuse.
  ctx.outputFile =
      OutputFile::open(ctx.config.outputPath, ctx.fileSize, !ctx.config.isShared(), err);
  if (!ctx.outputFile)
    Fatal(ctx) << "cannot open output file " << ctx.config.outputPath << ": " << err;
  uint8_t *buf = ctx.outputFile->data();
  bool stale = ctx.outputFile->holdsStaleBytes();
  // Faulting the pages in up front, in a few calls spread over the workers,
  // is cheaper than one page fault per 4 KiB page in the copies below.
  phase.emplace(ctx, "prefault");
  if (!ctx.outputFile->prefault(writtenRanges(ctx, stale), err))
    Fatal(ctx) << "cannot write output file " << ctx.config.outputPath << ": " << err;

  phase.emplace(ctx, "copyChunks");
  // Chunks cover disjoint bytes, so they are written in parallel. The
  // synthetic tables only read symbols and layout, which are final. In a
  // reused file, the bytes no chunk writes are zeroed in the same tasks: a
  // fresh file reads as zeros there, and the output must not depend on
  // which one it was.
  std::vector<CopyTask> tasks = copyTasks(ctx, stale);
  llvm::parallelForEach(tasks.begin(), tasks.end(), [&](const CopyTask &t) {
    if (!t.chunk) {
      memset(buf + t.begin, 0, t.end - t.begin);
      return;
    }
    uint8_t *out = buf + t.begin;
    auto *osec = dynamic_cast<OutputSection *>(t.chunk);
    if (stale && !osec && !writesEveryByte(t.chunk))
      memset(out, 0, t.end - t.begin);
    t.chunk->writeTo(ctx, out);
    if (stale && osec && osec->compressed.empty())
      zeroMemberGaps(*osec, out);
  });

  phase.emplace(ctx, "applyRelocations");
  // Relocations are applied to the bytes just copied, one input section per
  // task. With a relocation log the order matters (the log reads in output
  // order), so that case stays serial.
  // (Not for -r: its relocations go to the output as they are.)
  std::vector<std::pair<InputSection *, uint8_t *>> work;
  for (Chunk *c : ctx.config.relocatable ? std::vector<Chunk *>() : ctx.chunks) {
    auto *osec = dynamic_cast<OutputSection *>(c);
    // (A compressed section was relocated before it was compressed.)
    if (!osec || osec->isNoBits() || !osec->compressed.empty())
      continue;
    for (InputSection *isec : osec->members)
      if (!isec->relas.empty() && isec->file)
        work.push_back({isec, buf + osec->shdr.sh_offset + isec->offset});
  }
  auto apply = [&](const std::pair<InputSection *, uint8_t *> &w) {
    applyRelocations(ctx, *w.first, w.second);
  };
  if (ctx.relocLog)
    std::for_each(work.begin(), work.end(), apply);
  else
    llvm::parallelForEach(work.begin(), work.end(), apply);
  checkpoint(ctx);

  phase.emplace(ctx, "finishTables");
  // Tables computed from the finished bytes: the unwind index needs the
  // relocated .eh_frame, and the build id hashes everything, so it is last.
  patchEhFrameCiePointers(ctx, buf);
  if (ctx.ehFrameHdr)
    ctx.ehFrameHdr->finish(ctx, buf);
  if (ctx.buildId)
    ctx.buildId->finish(ctx, buf, ctx.fileSize);

  if (ctx.relocLog) {
    if (ctx.plt)
      logSyntheticEntries(ctx, buf);
    std::string err;
    if (!ctx.relocLog->writeTo(ctx.config.relocLogPath, err))
      Fatal(ctx) << err;
  }
  phase.emplace(ctx, "commit");
  // No munmap: the exit tears down the whole address space in one go anyway.
  if (!ctx.outputFile->commit(err))
    Fatal(ctx) << "cannot write output file " << ctx.config.outputPath << ": " << err;
}

} // namespace mld
