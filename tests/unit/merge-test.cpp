// Proves SHF_MERGE sections store identical strings/constants once and that
// offsets and relocations into them land on the deduplicated bytes.

#include "merged-section.h"
#include "unit-helpers.h"

#include <gtest/gtest.h>

#include <csignal>
#include <unistd.h>

using namespace mld;
using namespace llvm::ELF;
using mld::test::concat;
using mld::test::hexBytes;
using mld::test::le32;
using mld::test::le64;
using mld::test::RelocBench;

namespace {

const uint64_t strFlags = SHF_ALLOC | SHF_MERGE | SHF_STRINGS;

// An input section holding `bytes` (kept alive by the caller's vector).
InputSection makeInput(const std::vector<uint8_t> &bytes, uint64_t flags, uint64_t entsize,
                       uint64_t align = 1) {
  InputSection s;
  s.name = ".rodata.str1.1";
  s.type = SHT_PROGBITS;
  s.flags = flags;
  s.entsize = entsize;
  s.align = align;
  s.size = bytes.size();
  s.contents = llvm::ArrayRef<uint8_t>(bytes.data(), bytes.size());
  return s;
}

std::vector<uint8_t> bytesOf(std::string_view s) {
  return std::vector<uint8_t>(s.begin(), s.end());
}

std::string contentsOf(const InputSection &s) {
  return std::string(reinterpret_cast<const char *>(s.contents.data()), s.contents.size());
}

class MergePieces : public testing::Test {
protected:
  Context ctx{Config{}};
  // "hello", "world" in one input; "world", "hello", "foo" in another.
  std::vector<uint8_t> aBytes = bytesOf(std::string_view("hello\0world\0", 12));
  std::vector<uint8_t> bBytes = bytesOf(std::string_view("world\0hello\0foo\0", 16));
  InputSection a = makeInput(aBytes, strFlags, 1);
  InputSection b = makeInput(bBytes, strFlags, 1);
  MergedSection ms{ctx, ".rodata", strFlags, SHT_PROGBITS, 1};
};

TEST_F(MergePieces, IdenticalStringsFromTwoInputsAreStoredOnce) {
  ms.add(ctx, a);
  ms.add(ctx, b);
  EXPECT_EQ(contentsOf(*ms.out), std::string("hello\0world\0foo\0", 16));
  EXPECT_EQ(ms.out->size, 16u);
  // The merged data is a plain (no longer SHF_MERGE) member of .rodata.
  EXPECT_EQ(ms.out->flags, (uint64_t)SHF_ALLOC);
  EXPECT_EQ(ms.out->name, ".rodata");
  // The inputs' bytes now live in the merged section.
  EXPECT_FALSE(a.isAlive);
  EXPECT_FALSE(b.isAlive);
  EXPECT_EQ(a.merged, &ms);
  EXPECT_EQ(b.merged, &ms);
}

TEST_F(MergePieces, PiecesRecordWhereEachStringWent) {
  ms.add(ctx, a);
  ms.add(ctx, b);
  ASSERT_EQ(b.pieces.size(), 3u);
  EXPECT_EQ(b.pieces[0].inputOffset, 0u);
  EXPECT_EQ(b.pieces[0].size, 6u);
  EXPECT_EQ(b.pieces[0].outputOffset, 6u); // "world" of a.o
  EXPECT_EQ(b.pieces[1].inputOffset, 6u);
  EXPECT_EQ(b.pieces[1].outputOffset, 0u); // "hello" of a.o
  EXPECT_EQ(b.pieces[2].inputOffset, 12u);
  EXPECT_EQ(b.pieces[2].outputOffset, 12u);
}

TEST_F(MergePieces, OffsetInsideAPieceMapsToTheSameOffsetInItsCopy) {
  ms.add(ctx, a);
  ms.add(ctx, b);
  EXPECT_EQ(b.getMergedOffset(6), 0u);   // "hello"
  EXPECT_EQ(b.getMergedOffset(8), 2u);   // "llo"
  EXPECT_EQ(b.getMergedOffset(11), 5u);  // its NUL
  EXPECT_EQ(b.getMergedOffset(3), 9u);   // "ld" of "world"
  EXPECT_EQ(b.getMergedOffset(14), 14u); // "o" of "foo"
  EXPECT_EQ(a.getMergedOffset(7), 7u);
}

TEST_F(MergePieces, AddendBeforeTheFirstPieceExtrapolatesFromIt) {
  // lea .str-4(%rip) style: section offset 0 with addend -4.
  ms.add(ctx, a);
  EXPECT_EQ(a.getMergedOffset(uint64_t(-4)), uint64_t(-4));
}

// Disabled: getMergedOffset treats (uint64_t)-4 as a huge offset and uses
// the *last* piece, so the result is only right when the last piece moved
// by the same amount as the first (see the unit report).
TEST_F(MergePieces, AddendBeforeTheFirstPieceUsesTheFirstPieceOfAMovedInput) {
  ms.add(ctx, a);
  ms.add(ctx, b);
  // b's first piece ("world") went to 6, so offset -4 is 6 - 4.
  EXPECT_EQ(b.getMergedOffset(uint64_t(-4)), 2u);
}

TEST_F(MergePieces, AddressesComeFromTheMergedSectionsPlace) {
  ms.add(ctx, a);
  ms.add(ctx, b);
  OutputSection *rodata = ctx.make<OutputSection>(".rodata", SHT_PROGBITS, (uint64_t)SHF_ALLOC);
  rodata->shdr.sh_addr = 0x402000;
  ms.out->osec = rodata;
  ms.out->offset = 0x10;
  EXPECT_EQ(b.getVA(6), 0x402010u);
  EXPECT_EQ(b.getVA(12), 0x40201cu);
  EXPECT_EQ(a.getVA(0), 0x402010u);
}

TEST_F(MergePieces, AStringThatIsASuffixOfAnotherIsStillStoredWhole) {
  // Tail merging is not required; what matters is that "lo" is not lost.
  std::vector<uint8_t> cBytes = bytesOf(std::string_view("lo\0", 3));
  InputSection c = makeInput(cBytes, strFlags, 1);
  ms.add(ctx, a);
  ms.add(ctx, c);
  uint64_t off = c.getMergedOffset(0);
  ASSERT_LE(off + 3, ms.out->size);
  EXPECT_EQ(contentsOf(*ms.out).substr(off, 3), std::string("lo\0", 3));
}

TEST(Merge, ConstantsOfOneEntsizeAreDeduplicated) {
  Context ctx{Config{}};
  std::vector<uint8_t> x = concat({le32(1), le32(2)});
  std::vector<uint8_t> y = concat({le32(2), le32(3)});
  InputSection a = makeInput(x, SHF_ALLOC | SHF_MERGE, 4, 4);
  InputSection b = makeInput(y, SHF_ALLOC | SHF_MERGE, 4, 4);
  MergedSection ms(ctx, ".rodata", SHF_ALLOC | SHF_MERGE, SHT_PROGBITS, 4);
  ms.add(ctx, a);
  ms.add(ctx, b);
  EXPECT_EQ(hexBytes({ms.out->contents.begin(), ms.out->contents.end()}),
            hexBytes(concat({le32(1), le32(2), le32(3)})));
  EXPECT_EQ(b.getMergedOffset(0), 4u);
  EXPECT_EQ(b.getMergedOffset(4), 8u);
  EXPECT_EQ(ms.out->align, 4u);
}

TEST(Merge, WideStringsEndAtAZeroCharacterOfTheirWidth) {
  Context ctx{Config{}};
  // UTF-16 "a\0b" would split wrongly at the byte-wide NUL inside 'a' = 61 00.
  std::vector<uint8_t> x = {0x61, 0, 0x62, 0, 0, 0, 0x61, 0, 0, 0};
  std::vector<uint8_t> y = {0x61, 0, 0, 0};
  InputSection a = makeInput(x, strFlags, 2, 2);
  InputSection b = makeInput(y, strFlags, 2, 2);
  MergedSection ms(ctx, ".rodata", strFlags, SHT_PROGBITS, 2);
  ms.add(ctx, a);
  ms.add(ctx, b);
  ASSERT_EQ(a.pieces.size(), 2u);
  EXPECT_EQ(a.pieces[0].size, 6u);
  EXPECT_EQ(a.pieces[1].size, 4u);
  EXPECT_EQ(ms.out->size, 10u);
  EXPECT_EQ(b.getMergedOffset(0), 6u);
}

// A wide-string section whose size is not a multiple of its entsize (corrupt
// or hand-written input) must not hang the link. Disabled: MergedSection::add
// makes a zero-length piece and loops forever (see the unit report).
void mergeTruncatedWideStrings() {
  alarm(2); // a hang ends as SIGALRM, i.e. a failed expectation
  Context ctx{Config{}};
  std::vector<uint8_t> x = {0x61, 0, 0x62};
  InputSection a = makeInput(x, strFlags, 2, 2);
  MergedSection ms(ctx, ".rodata", strFlags, SHT_PROGBITS, 2);
  ms.add(ctx, a);
  _exit(0);
}

TEST(Merge, TruncatedWideStringSectionTerminates) {
  EXPECT_EXIT(mergeTruncatedWideStrings(), testing::ExitedWithCode(0), "");
}

// ---- relocations against merged strings
// ----------------------------------------

class MergeRelocation : public testing::Test {
protected:
  void SetUp() override {
    a = makeInput(aBytes, strFlags, 1);
    b = makeInput(bBytes, strFlags, 1);
    a.file = b.file = bench.file.get();
    ms.add(bench.ctx, a);
    ms.add(bench.ctx, b);
    OutputSection *rodata =
        bench.ctx.make<OutputSection>(".rodata", SHT_PROGBITS, (uint64_t)SHF_ALLOC);
    rodata->shdr.sh_addr = rodataVA;
    ms.out->osec = rodata;
  }

  static constexpr uint64_t rodataVA = 0x406000;
  RelocBench bench;
  std::vector<uint8_t> aBytes = bytesOf(std::string_view("hello\0world\0", 12));
  std::vector<uint8_t> bBytes = bytesOf(std::string_view("world\0hello\0foo\0", 16));
  InputSection a, b;
  MergedSection ms{bench.ctx, ".rodata", strFlags, SHT_PROGBITS, 1};
};

TEST_F(MergeRelocation, SectionSymbolPlusAddendPicksThePieceByTheAddend) {
  // .quad .rodata.str1.1+6 in b.o: "hello", stored by a.o at offset 0.
  Symbol *secSym = bench.define(".rodata.str1.1", &b, 0, STT_SECTION);
  bench.addRela(0, R_X86_64_64, secSym, 6);
  bench.addRela(8, R_X86_64_64, secSym, 13);
  EXPECT_EQ(hexBytes(bench.apply(std::vector<uint8_t>(16, 0))),
            hexBytes(concat({le64(rodataVA + 0), le64(rodataVA + 13)})));
}

TEST_F(MergeRelocation, LocalLabelWithPcRelativeAddendKeepsTheAddend) {
  // lea .LC1(%rip), %rdi where .LC1 is b.o's "hello" (offset 6): the addend
  // -4 is the distance to the end of the instruction, not into the string.
  Symbol *lc1 = bench.define(".LC1", &b, 6);
  bench.addRela(3, R_X86_64_PC32, lc1, -4);
  EXPECT_EQ(hexBytes(bench.apply({0x48, 0x8d, 0x3d, 0, 0, 0, 0})),
            hexBytes(concat({{0x48, 0x8d, 0x3d}, le32(rodataVA - 4 - 0x401003)})));
}

TEST_F(MergeRelocation, MergedSectionIsNotTreatedAsDiscarded) {
  // The inputs are !isAlive once merged; references to them are still fine.
  Symbol *lc0 = bench.define(".LC0", &a, 6);
  bench.addRela(0, R_X86_64_32, lc0, 0);
  EXPECT_EQ(hexBytes(bench.apply(std::vector<uint8_t>(4, 0))), hexBytes(le32(rodataVA + 6)));
  EXPECT_EQ(bench.ctx.errorCount, 0u);
}

} // namespace
