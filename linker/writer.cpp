// The last pass: bytes into the output buffer, relocations applied in place,
// then commit. The buffer is LLVM's FileOutputBuffer: the file is created
// under a temporary name and renamed on commit, so readers never see a half-
// written output and an error leaves the old file (or none) in place.
#include "writer.h"

#include "arch-x86-64.h"
#include "context.h"
#include "diag.h"
#include "reloc-log.h"
#include "synthetic.h"

namespace mld {

using namespace llvm::ELF;

// Records the GOT and PLT slots the linker created, with the reason, so the
// log shows the indirections next to the relocations that use them.
static void logSyntheticEntries(Context &ctx) {
  RelocLog &log = *ctx.relocLog;
  for (size_t i = 0; i < ctx.plt->symbols.size(); i++) {
    Symbol *sym = ctx.plt->symbols[i];
    log.addSynthetic("plt", ctx.plt->entryVA(i), "PLT[" + std::to_string(i) + "]",
                     sym->name,
                     "call to preemptible function; JUMP_SLOT at .got.plt+" +
                         toHex((GotPltSection::reserved + i) * 8) +
                         ", .rela.plt[" + std::to_string(i) + "]");
  }
  for (size_t i = 0; i < ctx.plt->ipltSymbols.size(); i++)
    log.addSynthetic("iplt", ctx.plt->ipltEntryVA(i),
                     "IPLT[" + std::to_string(i) + "]",
                     ctx.plt->ipltSymbols[i]->name,
                     "IFUNC: slot filled by R_X86_64_IRELATIVE at start-up");
  for (size_t i = 0; i < ctx.got->entries.size(); i++) {
    const GotSection::Entry &e = ctx.got->entries[i];
    static const char *kinds[] = {"address", "TP offset", "TLS module",
                                  "TLS offset", "TLS module (local dynamic)"};
    log.addSynthetic("got", ctx.got->shdr.sh_addr + i * 8,
                     "GOT[" + std::to_string(i) + "]",
                     e.sym ? e.sym->name : std::string_view(),
                     std::string(kinds[(int)e.kind]) +
                         (e.sym && e.sym->isPreemptible
                              ? " (filled by the loader)"
                              : " (filled by the linker)"));
  }
}

void writeOutput(Context &ctx) {
  auto bufOrErr = llvm::FileOutputBuffer::create(
      ctx.config.outputPath, ctx.fileSize, llvm::FileOutputBuffer::F_executable);
  if (!bufOrErr)
    Fatal(ctx) << "cannot open output file " << ctx.config.outputPath << ": "
               << llvm::toString(bufOrErr.takeError());
  ctx.outputBuffer = std::move(*bufOrErr);
  uint8_t *buf = ctx.outputBuffer->getBufferStart();

  for (Chunk *c : ctx.chunks)
    if (!c->isNoBits())
      c->writeTo(ctx, buf + c->shdr.sh_offset);

  // Relocations are applied to the bytes just copied, section by section in
  // output order, so the log reads in address order within each section.
  for (Chunk *c : ctx.chunks) {
    auto *osec = dynamic_cast<OutputSection *>(c);
    if (!osec || osec->isNoBits())
      continue;
    for (InputSection *isec : osec->members)
      if (!isec->relas.empty() && isec->file)
        applyRelocations(ctx, *isec,
                         buf + osec->shdr.sh_offset + isec->offset);
  }
  checkpoint(ctx);

  if (ctx.relocLog) {
    logSyntheticEntries(ctx);
    std::string err;
    if (!ctx.relocLog->writeTo(ctx.config.relocLogPath, err))
      Fatal(ctx) << err;
  }
  if (llvm::Error e = ctx.outputBuffer->commit())
    Fatal(ctx) << "cannot write output file " << ctx.config.outputPath << ": "
               << llvm::toString(std::move(e));
  ctx.outputBuffer.reset();
}

} // namespace mld
