// The relocation scan's decision tables (relocations.cpp): what each kind of
// reference needs in each output kind. A wrong cell here shows up as a
// missing dynamic relocation, a needless GOT slot or a missed -fPIC error.
#include "relocations.h"
#include "shared-file.h"
#include "unit-helpers.h"

#include <gtest/gtest.h>

using namespace mld;
using namespace mld::test;
using namespace llvm::ELF;

namespace {

// A RelocBench whose a.o takes part in a scan: `relas` on .text (or .data).
struct ScanBench : RelocBench {
  explicit ScanBench(OutputKind kind) {
    ctx.config.kind = kind;
    ctx.hasDynamicSection = kind != OutputKind::Exec;
    ctx.relaDyn = ctx.make<RelaDynSection>();
    ctx.copyRel = ctx.make<CopyRelSection>(false);
    ctx.copyRelRo = ctx.make<CopyRelSection>(true);
    ctx.objs.push_back(file.get());
  }
  // A symbol defined in a shared library (preemptible by construction).
  Symbol *imported(const char *name, uint8_t type) {
    Symbol *sym = addSymbol(name);
    sym->kind = SymbolKind::Shared;
    sym->isPreemptible = true;
    sym->type = type;
    sym->file = &libx;
    return sym;
  }
  SharedFile libx{llvm::MemoryBufferRef("", "libx.so")};
  // Scans relocations placed on `sec` (default .text); returns stderr.
  std::string scan(InputSection *sec = nullptr) {
    sec = sec ? sec : text;
    code.assign(0x40, 0x90);
    sec->contents = llvm::ArrayRef<uint8_t>(code.data(), code.size());
    sec->size = code.size();
    sec->relas = llvm::ArrayRef<ElfRela>(relas.data(), relas.size());
    file->sections = {nullptr, text, data};
    testing::internal::CaptureStderr();
    scanRelocations(ctx);
    return testing::internal::GetCapturedStderr();
  }
};

TEST(RelocScan, AbsoluteWordToLocalNeedsNothingInAnExecutable) {
  ScanBench b(OutputKind::Exec);
  Symbol *x = b.define("x", b.data, 8);
  b.addRela(0, R_X86_64_64, x, 0);
  EXPECT_EQ(b.scan(b.data), "");
  EXPECT_TRUE(b.ctx.relaDyn->relocs.empty());
  EXPECT_EQ(x->needs, 0);
}

TEST(RelocScan, AbsoluteWordToLocalIsARelativeRelocationInAPie) {
  ScanBench b(OutputKind::Pie);
  Symbol *x = b.define("x", b.data, 8);
  b.addRela(0, R_X86_64_64, x, 4);
  EXPECT_EQ(b.scan(b.data), "");
  ASSERT_EQ(b.ctx.relaDyn->relocs.size(), 1u);
  EXPECT_EQ(b.ctx.relaDyn->relocs[0].type, (uint32_t)R_X86_64_RELATIVE);
  EXPECT_TRUE(b.ctx.relaDyn->relocs[0].addendIsSymbolVA);
  EXPECT_EQ(b.ctx.relaDyn->relocs[0].addend, 4);
}

TEST(RelocScan, AbsoluteWordToImportedDataIsASymbolicRelocationInASharedObject) {
  ScanBench b(OutputKind::Shared);
  Symbol *v = b.imported("v", STT_OBJECT);
  b.addRela(8, R_X86_64_64, v, 0);
  EXPECT_EQ(b.scan(b.data), "");
  ASSERT_EQ(b.ctx.relaDyn->relocs.size(), 1u);
  EXPECT_EQ(b.ctx.relaDyn->relocs[0].type, (uint32_t)R_X86_64_64);
  EXPECT_TRUE(v->needs & NeedsDynsym);
}

TEST(RelocScan, NarrowAbsoluteInASharedObjectAsksForFPic) {
  ScanBench b(OutputKind::Shared);
  Symbol *x = b.define("x", b.data, 0);
  b.addRela(3, R_X86_64_32, x, 0);
  EXPECT_EQ(b.scan(), "mld: error: a.o:(.text+0x3): relocation R_X86_64_32 against 'x' "
                      "can not be used when making a shared object; recompile with -fPIC\n");
  EXPECT_EQ(b.ctx.errorCount, 1u);
}

TEST(RelocScan, NarrowAbsoluteInAPieAsksForFPie) {
  ScanBench b(OutputKind::Pie);
  Symbol *x = b.define("x", b.data, 0);
  b.addRela(3, R_X86_64_32S, x, 0);
  EXPECT_EQ(b.scan(), "mld: error: a.o:(.text+0x3): relocation R_X86_64_32S against 'x' "
                      "can not be used when making a PIE object; recompile with -fPIE\n");
}

TEST(RelocScan, CallToImportedFunctionNeedsAPltEntry) {
  ScanBench b(OutputKind::Pie);
  Symbol *f = b.imported("f", STT_FUNC);
  b.addRela(1, R_X86_64_PLT32, f, -4);
  EXPECT_EQ(b.scan(), "");
  EXPECT_TRUE(f->needs & NeedsPlt);
  EXPECT_FALSE(f->needs & NeedsCanonicalPlt);
}

TEST(RelocScan, PcRelativeToImportedDataNeedsACopyInAnExecutable) {
  ScanBench b(OutputKind::Exec);
  Symbol *v = b.imported("v", STT_OBJECT);
  b.addRela(3, R_X86_64_PC32, v, -4);
  EXPECT_EQ(b.scan(), "");
  EXPECT_TRUE(v->needs & NeedsCopy);
}

TEST(RelocScan, AddressOfImportedFunctionInNonPicCodeIsACanonicalPlt) {
  ScanBench b(OutputKind::Exec);
  Symbol *f = b.imported("f", STT_FUNC);
  b.addRela(3, R_X86_64_32, f, 0);
  EXPECT_EQ(b.scan(), "");
  EXPECT_TRUE(f->needs & NeedsPlt);
  EXPECT_TRUE(f->needs & NeedsCanonicalPlt);
}

TEST(RelocScan, PcRelativeToImportedFunctionInASharedObjectIsAnError) {
  ScanBench b(OutputKind::Shared);
  Symbol *f = b.imported("f", STT_FUNC);
  b.addRela(3, R_X86_64_PC32, f, -4);
  EXPECT_NE(b.scan().find("relocation R_X86_64_PC32 against 'f' can not be "
                          "used when making a shared object"),
            std::string::npos);
}

TEST(RelocScan, GotLoadOfPreemptibleSymbolKeepsItsSlot) {
  ScanBench b(OutputKind::Shared);
  Symbol *v = b.imported("v", STT_OBJECT);
  b.addRela(3, R_X86_64_REX_GOTPCRELX, v, -4);
  EXPECT_EQ(b.scan(), "");
  EXPECT_TRUE(v->needs & NeedsGot);
  EXPECT_TRUE(b.ctx.gotPlt->referenced);
}

TEST(RelocScan, UndefinedSymbolIsReportedWithEachReference) {
  ScanBench b(OutputKind::Exec);
  Symbol *u = b.undefined("missing", false);
  for (uint64_t off : {1, 6, 11, 16})
    b.addRela(off, R_X86_64_PLT32, u, -4);
  EXPECT_EQ(b.scan(), "mld: error: undefined symbol: missing\n"
                      ">>> referenced by a.o:(.text+0x1)\n"
                      ">>> referenced by a.o:(.text+0x6)\n"
                      ">>> referenced by a.o:(.text+0xb)\n"
                      ">>> referenced 1 more times\n");
}

TEST(RelocScan, WeakUndefinedIsNotAnError) {
  ScanBench b(OutputKind::Exec);
  Symbol *w = b.undefined("maybe", true);
  b.addRela(1, R_X86_64_PLT32, w, -4);
  EXPECT_EQ(b.scan(), "");
  EXPECT_EQ(b.ctx.errorCount, 0u);
}

} // namespace
