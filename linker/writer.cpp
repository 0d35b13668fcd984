// The last pass: bytes into the output buffer, relocations applied in place,
// then commit. The buffer is LLVM's FileOutputBuffer: the file is created
// under a temporary name and renamed on commit, so readers never see a half-
// written output and an error leaves the old file (or none) in place.
#include "writer.h"

#include "arch-x86-64.h"
#include "context.h"
#include "dynamic.h"
#include "gc-sections.h"
#include "diag.h"
#include "reloc-log.h"
#include "stats.h"
#include "synthetic.h"

#include "llvm/Support/Endian.h"
#include "llvm/Support/Parallel.h"

#include <algorithm>
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
        return llvm::support::endian::read64le(
            buf + c->shdr.sh_offset + (va - c->shdr.sh_addr));
    return uint64_t(0);
  };
  for (size_t i = 0; i < plt.symbols.size(); i++) {
    uint64_t slot = plt.slotVA(ctx, i);
    log.addSynthetic("plt", ".plt", plt.entryVA(i) - plt.shdr.sh_addr,
                     plt.entryVA(i), "PLT[" + std::to_string(i) + "]",
                     plt.symbols[i]->name, slot,
                     "call to preemptible function: jmp *" + toHex(slot) +
                         " (.got.plt+" + toHex(slot - ctx.gotPlt->shdr.sh_addr) +
                         "), R_X86_64_JUMP_SLOT .rela.plt[" + std::to_string(i) +
                         "]");
    log.addSynthetic("got.plt", ".got.plt", slot - ctx.gotPlt->shdr.sh_addr,
                     slot, "GOT[" + std::to_string(3 + i) + "]",
                     plt.symbols[i]->name, slotValue(slot),
                     "lazy: starts at PLT[" + std::to_string(i) +
                         "]+6 (push " + std::to_string(i) + ")");
  }
  for (size_t i = 0; i < plt.ipltSymbols.size(); i++) {
    uint64_t slot = plt.ipltSlotVA(ctx, i);
    log.addSynthetic("iplt", ".plt", plt.ipltEntryVA(i) - plt.shdr.sh_addr,
                     plt.ipltEntryVA(i), "IPLT[" + std::to_string(i) + "]",
                     plt.ipltSymbols[i]->name, slot,
                     "IFUNC: jmp *" + toHex(slot) +
                         ", slot filled by R_X86_64_IRELATIVE at start-up");
  }
  for (const DynReloc &r : ctx.relaDyn->relocs) {
    uint64_t where = r.getOffset();
    uint64_t value = r.addendIsSymbolVA ? r.getTargetVA(ctx) : r.addend;
    std::string section = r.isec ? r.isec->osec->name : r.chunk->name;
    uint64_t off = r.isec ? r.isec->offset + r.offset : r.offset;
    log.addSynthetic("dynrel", section, off, where, relocTypeName(r.type),
                     r.sym ? r.sym->name : std::string_view(), value,
                     std::string(".rela.dyn: ") + r.why);
  }
  static const char *const kinds[] = {"address", "TP offset", "TLS module ID",
                                      "TLS block offset",
                                      "TLS module ID (local dynamic)",
                                      "TLS descriptor (function)",
                                      "TLS descriptor (argument)"};
  for (size_t i = 0; i < ctx.got->entries.size(); i++) {
    const GotSection::Entry &e = ctx.got->entries[i];
    uint64_t va = ctx.got->shdr.sh_addr + i * 8;
    bool byLoader = ctx.hasDynamicSection && (!e.sym || e.sym->isPreemptible ||
                                              ctx.isPic());
    log.addSynthetic("got", ".got", i * 8, va, "GOT[" + std::to_string(i) + "]",
                     e.sym ? e.sym->name : std::string_view(), slotValue(va),
                     std::string(kinds[(int)e.kind]) +
                         (byLoader ? ", set by a dynamic relocation"
                                   : ", filled by the linker"));
  }
}

void writeOutput(Context &ctx) {
  std::optional<ScopedTimer> phase(std::in_place, ctx, "openOutput");
  auto bufOrErr = llvm::FileOutputBuffer::create(
      ctx.config.outputPath, ctx.fileSize, llvm::FileOutputBuffer::F_executable);
  if (!bufOrErr)
    Fatal(ctx) << "cannot open output file " << ctx.config.outputPath << ": "
               << llvm::toString(bufOrErr.takeError());
  ctx.outputBuffer = std::move(*bufOrErr);
  uint8_t *buf = ctx.outputBuffer->getBufferStart();

  phase.emplace(ctx, "copyChunks");
  // Chunks cover disjoint bytes, so they are written in parallel. The
  // synthetic tables only read symbols and layout, which are final.
  llvm::parallelForEach(ctx.chunks.begin(), ctx.chunks.end(), [&](Chunk *c) {
    if (!c->isNoBits())
      c->writeTo(ctx, buf + c->shdr.sh_offset);
  });

  phase.emplace(ctx, "applyRelocations");
  // Relocations are applied to the bytes just copied, one input section per
  // task. With a relocation log the order matters (the log reads in output
  // order), so that case stays serial.
  std::vector<std::pair<InputSection *, uint8_t *>> work;
  for (Chunk *c : ctx.chunks) {
    auto *osec = dynamic_cast<OutputSection *>(c);
    if (!osec || osec->isNoBits())
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
    logSyntheticEntries(ctx, buf);
    std::string err;
    if (!ctx.relocLog->writeTo(ctx.config.relocLogPath, err))
      Fatal(ctx) << err;
  }
  phase.emplace(ctx, "commit");
  if (llvm::Error e = ctx.outputBuffer->commit())
    Fatal(ctx) << "cannot write output file " << ctx.config.outputPath << ": "
               << llvm::toString(std::move(e));
  ctx.outputBuffer.reset();
}

} // namespace mld
