// Proves each kind of bad input makes mld exit 1 (never a signal) with one "mld: error:" line
// naming the file, exact where the form is fixed, and leaves no output or temporary file behind.
#include "bad-input-fixture.h"

using namespace mld::test;

namespace {

TEST_F(Diagnostics, MissingInputIsReportedWithItsName) {
  std::string err = linkMustFail({"nosuch.o"});
  EXPECT_EQ(err, "mld: error: cannot open nosuch.o: No such file or directory\n");
}

TEST_F(Diagnostics, NonElfInputIsAnUnknownFileType) {
  write("junk.o", "this is not an object file, just some text\n");
  std::string err = linkMustFail({"junk.o"});
  EXPECT_EQ(err, "mld: error: junk.o: unknown file type\n");
}

TEST_F(Diagnostics, TruncatedObjectIsReportedWhenCutInHalf) {
  assemble("good", goodAsm);
  std::string data = read("good.o");
  write("cut.o", data.substr(0, data.size() / 2));
  std::string err = linkMustFail({"cut.o"});
  EXPECT_EQ(firstLine(err).rfind("mld: error: cut.o: ", 0), 0u) << err;
}

TEST_F(Diagnostics, SectionOffsetPastEndOfFileIsReported) {
  assemble("good", goodAsm);
  write("badoff.o", read("good.o"));
  ElfFile elf = inspect("badoff.o"); // sections point into it
  const ElfSection *text = elf.section(".text");
  ASSERT_NE(text, nullptr);
  uint64_t past = read("badoff.o").size() + 0x10000;
  patch("badoff.o", text->headerOffset + offsetof(llvm::ELF::Elf64_Shdr, sh_offset), &past,
        sizeof past);
  std::string err = linkMustFail({"badoff.o"});
  EXPECT_EQ(err.rfind("mld: error: badoff.o", 0), 0u) << err;
}

TEST_F(Diagnostics, SectionHeaderTablePastEndOfFileIsReported) {
  assemble("good", goodAsm);
  write("badshoff.o", read("good.o"));
  uint64_t past = read("badshoff.o").size() + 0x1000;
  patch("badshoff.o", offsetof(llvm::ELF::Elf64_Ehdr, e_shoff), &past, sizeof past);
  std::string err = linkMustFail({"badshoff.o"});
  EXPECT_EQ(err.rfind("mld: error: badshoff.o", 0), 0u) << err;
}

TEST_F(Diagnostics, RelocationWithBadSymbolIndexIsReported) {
  assemble("good", goodAsm);
  write("badsym.o", read("good.o"));
  ElfRela rela = firstTextRela(inspect("badsym.o"));
  uint64_t info = (uint64_t{0xfff0} << 32) | rela.type;
  patch("badsym.o", rela.fileOffset + offsetof(llvm::ELF::Elf64_Rela, r_info), &info, sizeof info);
  std::string err = linkMustFail({"badsym.o"});
  EXPECT_EQ(err.rfind("mld: error: badsym.o", 0), 0u) << err;
}

TEST_F(Diagnostics, RelocationOffsetOutsideItsSectionIsReported) {
  assemble("good", goodAsm);
  write("bad.o", read("good.o"));
  ElfRela rela = firstTextRela(inspect("bad.o"));
  uint64_t offset = 0x10000;
  patch("bad.o", rela.fileOffset + offsetof(llvm::ELF::Elf64_Rela, r_offset), &offset,
        sizeof offset);
  std::string err = linkMustFail({"bad.o"});
  EXPECT_EQ(err.rfind("mld: error: bad.o", 0), 0u) << err;
}

TEST_F(Diagnostics, ThirtyTwoBitObjectIsIncompatible) {
  assemble("x32", "\t.text\n\t.globl _start\n_start:\n\tret\n", {"-Wa,--32"});
  std::string err = linkMustFail({"x32.o"});
  EXPECT_EQ(err.rfind("mld: error: x32.o: ", 0), 0u) << err;
  EXPECT_NE(firstLine(err).find("incompatible"), std::string::npos) << err;
}

TEST_F(Diagnostics, OtherMachineObjectIsIncompatible) {
  assemble("good", goodAsm);
  write("arm.o", read("good.o"));
  uint16_t machine = llvm::ELF::EM_AARCH64;
  patch("arm.o", offsetof(llvm::ELF::Elf64_Ehdr, e_machine), &machine, sizeof machine);
  std::string err = linkMustFail({"arm.o"});
  EXPECT_EQ(err.rfind("mld: error: arm.o: ", 0), 0u) << err;
  EXPECT_NE(firstLine(err).find("incompatible"), std::string::npos) << err;
}

TEST_F(Diagnostics, UndefinedSymbolListsEachReference) {
  // Two calls: the R_X86_64_PLT32 fields sit at .text+0x1 and .text+0x6.
  assemble("a", "\t.text\n\t.globl _start\n_start:\n\tcall foo\n\tcall foo\n\tret\n"
                "\t.section .note.GNU-stack,\"\",@progbits\n");
  std::string err = linkMustFail({"a.o"});
  EXPECT_EQ(err, "mld: error: undefined symbol: foo\n"
                 ">>> referenced by a.o:(.text+0x1)\n"
                 ">>> referenced by a.o:(.text+0x6)\n");
}

TEST_F(Diagnostics, UndefinedSymbolReferencesAreCappedAtThree) {
  assemble("a",
           "\t.text\n\t.globl _start\n_start:\n\tcall foo\n\tcall foo\n\tcall foo\n\tcall foo\n"
           "\tcall foo\n\tret\n\t.section .note.GNU-stack,\"\",@progbits\n");
  std::string err = linkMustFail({"a.o"});
  EXPECT_EQ(err, "mld: error: undefined symbol: foo\n"
                 ">>> referenced by a.o:(.text+0x1)\n"
                 ">>> referenced by a.o:(.text+0x6)\n"
                 ">>> referenced by a.o:(.text+0xb)\n"
                 ">>> referenced 2 more times\n");
}

TEST_F(Diagnostics, DuplicateSymbolNamesBothDefinitions) {
  assemble("a", "\t.text\n\t.globl _start\n_start:\n\tret\n\t.globl foo\nfoo:\n\tret\n"
                "\t.section .note.GNU-stack,\"\",@progbits\n");
  assemble("b", "\t.text\n\t.globl foo\nfoo:\n\tret\n\t.section .note.GNU-stack,\"\",@progbits\n");
  std::string err = linkMustFail({"a.o", "b.o"});
  EXPECT_EQ(err, "mld: error: duplicate symbol: foo\n"
                 ">>> defined at a.o:(.text+0x1)\n"
                 ">>> defined at b.o:(.text+0x0)\n");
}

TEST_F(Diagnostics, RelocationOverflowNamesPlaceSymbolAndType) {
  // movl $far_sym, %eax is b8 imm32: the R_X86_64_32 field is at .text+0x1,
  // and far_sym (absolute, in another file) is 2^32, one past the field's range.
  assemble("over", "\t.text\n\t.globl _start\n_start:\n\tmovl $far_sym, %eax\n\tret\n"
                   "\t.section .note.GNU-stack,\"\",@progbits\n");
  assemble(
      "abs",
      "\t.globl far_sym\n\t.set far_sym, 0x100000000\n\t.section .note.GNU-stack,\"\",@progbits\n");
  ElfRela rela = firstTextRela(inspect("over.o"));
  ASSERT_EQ(relocTypeName(rela.type), "R_X86_64_32");
  std::string err = linkMustFail({"over.o", "abs.o"});
  EXPECT_EQ(
      firstLine(err).rfind(
          "mld: error: over.o:(.text+0x1): relocation R_X86_64_32 against 'far_sym' out of range",
          0),
      0u)
      << err;
}

TEST_F(Diagnostics, FailedLinkLeavesNoPartialOutput) {
  // The overflow is only found while relocations are applied, i.e. while the
  // output is being written, possibly into the old file itself (mld reuses
  // an old output's pages, see linker/output-file.h). Then, as with GNU ld,
  // the old output is gone; either way nothing partial or temporary is left.
  assemble("over", "\t.text\n\t.globl _start\n_start:\n\tmovl $far_sym, %eax\n\tret\n"
                   "\t.section .note.GNU-stack,\"\",@progbits\n");
  assemble(
      "abs",
      "\t.globl far_sym\n\t.set far_sym, 0x100000000\n\t.section .note.GNU-stack,\"\",@progbits\n");
  write("out", "previous output\n");
  std::set<std::string> before = listTree(tmp.path());
  RunOptions opts;
  opts.cwd = tmp.path();
  RunResult r = run({linkerPath(), "-o", "out", "over.o", "abs.o"}, opts);
  EXPECT_TRUE(r.exitedWith(1)) << r.describe();
  EXPECT_EQ(r.err.rfind("mld: error: over.o:(.text+0x1): relocation R_X86_64_32", 0), 0u) << r.err;
  std::set<std::string> after = listTree(tmp.path());
  after.insert("out");
  EXPECT_EQ(after, before) << "a failed link left files behind";
  if (std::filesystem::exists(tmp / "out"))
    EXPECT_EQ(read("out"), "previous output\n");
}

TEST_F(Diagnostics, MissingLibraryIsReportedWithItsName) {
  assemble("good", goodAsm);
  std::string err = linkMustFail({"good.o", "-L.", "-lnosuchlib"});
  EXPECT_NE(firstLine(err).find("nosuchlib"), std::string::npos) << err;
}

TEST_F(Diagnostics, TruncatedArchiveMemberIsReportedWithItsName) {
  // _start needs helper2, so the cut member must be read (a lazy member that
  // nothing needs may go unread, as with GNU ld and lld).
  assemble("user", "\t.text\n\t.globl _start\n_start:\n\tcall helper2\n\tret\n"
                   "\t.section .note.GNU-stack,\"\",@progbits\n");
  assemble(
      "member",
      "\t.text\n\t.globl helper2\nhelper2:\n\tret\n\t.section .note.GNU-stack,\"\",@progbits\n");
  RunOptions opts;
  opts.cwd = tmp.path();
  ASSERT_TRUE(run({arPath(), "rcs", "libfull.a", "member.o"}, opts).exitedWith(0));
  std::string data = read("libfull.a");
  write("libcut.a", data.substr(0, data.size() - 40));
  std::string err = linkMustFail({"user.o", "libcut.a"});
  EXPECT_EQ(err.rfind("mld: error: libcut.a", 0), 0u) << err;
}

// A symbol index entry pointing into the middle of nowhere: LLVM would
// follow it blindly, so mld checks every offset first (found by fuzzing).
TEST_F(Diagnostics, ArchiveIndexPointingOutsideTheMembersIsReported) {
  assemble("user", "\t.text\n\t.globl _start\n_start:\n\tcall helper2\n\tret\n"
                   "\t.section .note.GNU-stack,\"\",@progbits\n");
  assemble(
      "member",
      "\t.text\n\t.globl helper2\nhelper2:\n\tret\n\t.section .note.GNU-stack,\"\",@progbits\n");
  RunOptions opts;
  opts.cwd = tmp.path();
  ASSERT_TRUE(run({arPath(), "rcs", "libidx.a", "member.o"}, opts).exitedWith(0));
  std::string data = read("libidx.a");
  // "!<arch>\n" + the 60-byte "/" header, then a big-endian count and the
  // first member offset: point that offset far past the end.
  size_t firstOffset = 8 + 60 + 4;
  ASSERT_GT(data.size(), firstOffset + 4);
  data[firstOffset] = 0x7f;
  write("libidx.a", data);
  std::string err = linkMustFail({"user.o", "libidx.a"});
  EXPECT_EQ(firstLine(err), "mld: error: libidx.a: archive symbol table entry 0 does not point "
                            "at a member (offset 0x7f000054)")
      << err;
}

// Members are read ahead on all cores, but a member the link never pulls
// is never diagnosed (GNU ld does not look at it either); once pulled, its
// defect is reported under its archive(member) name.
TEST_F(Diagnostics, CorruptMemberIsReportedOnlyWhenPulled) {
  assemble("user", "\t.text\n\t.globl _start\n_start:\n\tcall helper2\n\tret\n"
                   "\t.section .note.GNU-stack,\"\",@progbits\n");
  assemble("user3", "\t.text\n\t.globl _start\n_start:\n\tcall helper3\n\tret\n"
                    "\t.section .note.GNU-stack,\"\",@progbits\n");
  assemble(
      "good",
      "\t.text\n\t.globl helper2\nhelper2:\n\tret\n\t.section .note.GNU-stack,\"\",@progbits\n");
  assemble("bad", "\t.text\n\t.globl helper3\nhelper3:\n\tnop\n\tret\n\t.section "
                  ".note.GNU-stack,\"\",@progbits\n");
  RunOptions opts;
  opts.cwd = tmp.path();
  ASSERT_TRUE(run({arPath(), "rcs", "libmix.a", "good.o", "bad.o"}, opts).exitedWith(0));
  // Point bad.o's section header table (e_shoff) far past its end, in place.
  std::string data = read("libmix.a");
  size_t at = data.find(read("bad.o"));
  ASSERT_NE(at, std::string::npos);
  uint64_t shoff = 0x7fffff00;
  std::memcpy(data.data() + at + offsetof(llvm::ELF::Elf64_Ehdr, e_shoff), &shoff, sizeof shoff);
  write("libmix.a", data);

  RunResult ok = run({linkerPath(), "-o", "out", "user.o", "libmix.a"}, opts);
  EXPECT_TRUE(ok.exitedWith(0)) << ok.describe();
  EXPECT_EQ(ok.err, "");
  std::remove((tmp / "out").c_str());

  std::string err = linkMustFail({"user3.o", "libmix.a"});
  EXPECT_EQ(err.rfind("mld: error: libmix.a(bad.o): ", 0), 0u) << err;
}

// Not a diagnostic, but the same archive machinery: within one pass over an
// archive's index, a member pulled early makes later entries pull in that
// same pass, in index order (GNU ld's rule), even for names the member
// introduces. Here the group rescan of libA pulls a1 (for x, which b1 now
// needs strongly); a1 introduces y (defined by a2) and needs the known u
// (defined by a6): the order must be a1, a2, a6, as ld.bfd -t prints it.
TEST_F(Diagnostics, GroupRescanPullsInIndexOrderWithinAPass) {
  const char *note = "\t.section .note.GNU-stack,\"\",@progbits\n";
  assemble("main", std::string("\t.text\n\t.globl _start\n_start:\n\tcall z\n\tret\n"
                               "\t.weak x\n\t.weak u\n\t.data\n\t.quad x\n\t.quad u\n") +
                       note);
  assemble("b1", std::string("\t.text\n\t.globl z\nz:\n\tcall x\n\tret\n") + note);
  assemble("a1", std::string("\t.text\n\t.globl x\nx:\n\tcall y\n\tcall u\n\tret\n") + note);
  assemble("a2", std::string("\t.text\n\t.globl y\ny:\n\tret\n") + note);
  assemble("a6", std::string("\t.text\n\t.globl u\nu:\n\tret\n") + note);
  RunOptions opts;
  opts.cwd = tmp.path();
  ASSERT_TRUE(run({arPath(), "rcs", "libA.a", "a1.o", "a2.o", "a6.o"}, opts).exitedWith(0));
  ASSERT_TRUE(run({arPath(), "rcs", "libB.a", "b1.o"}, opts).exitedWith(0));
  RunResult r = run({linkerPath(), "-t", "-o", "out", "main.o", "--start-group", "libA.a", "libB.a",
                     "--end-group"},
                    opts);
  ASSERT_TRUE(r.exitedWith(0)) << r.describe();
  EXPECT_EQ(r.out, "main.o\nlibB.a(b1.o)\nlibA.a(a1.o)\nlibA.a(a2.o)\nlibA.a(a6.o)\n");
}

TEST_F(Diagnostics, UnknownRelocationTypeIsReportedAtItsPlace) {
  assemble("good", goodAsm);
  write("badtype.o", read("good.o"));
  ElfRela rela = firstTextRela(inspect("badtype.o"));
  uint64_t info = (uint64_t{rela.symIndex} << 32) | 0xfe;
  patch("badtype.o", rela.fileOffset + offsetof(llvm::ELF::Elf64_Rela, r_info), &info, sizeof info);
  std::string err = linkMustFail({"badtype.o"});
  EXPECT_EQ(err.rfind("mld: error: badtype.o", 0), 0u) << err;
  EXPECT_NE(firstLine(err).find("relocation"), std::string::npos) << err;
}

TEST_F(Diagnostics, UndefinedSymbolInArchiveMemberNamesTheMember) {
  // _start pulls needs-foo.o out of libx.a; the reference to foo is in the member.
  assemble("start", "\t.text\n\t.globl _start\n_start:\n\tcall pulled\n\tret\n"
                    "\t.section .note.GNU-stack,\"\",@progbits\n");
  assemble("needs-foo", "\t.text\n\t.globl pulled\npulled:\n\tnop\n\tcall foo\n\tret\n"
                        "\t.section .note.GNU-stack,\"\",@progbits\n");
  RunOptions opts;
  opts.cwd = tmp.path();
  ASSERT_TRUE(run({arPath(), "rcs", "libx.a", "needs-foo.o"}, opts).exitedWith(0));
  std::string err = linkMustFail({"start.o", "libx.a"});
  EXPECT_EQ(err, "mld: error: undefined symbol: foo\n"
                 ">>> referenced by libx.a(needs-foo.o):(.text+0x2)\n");
}

TEST_F(Diagnostics, SameObjectTwiceIsADuplicateDefinition) {
  assemble("a",
           "\t.text\n\t.globl _start\n_start:\n\tret\n\t.section .note.GNU-stack,\"\",@progbits\n");
  std::string err = linkMustFail({"a.o", "a.o"});
  EXPECT_EQ(err, "mld: error: duplicate symbol: _start\n"
                 ">>> defined at a.o:(.text+0x0)\n"
                 ">>> defined at a.o:(.text+0x0)\n");
}

TEST_F(Diagnostics, UnwritableOutputPathIsReported) {
  assemble("good", goodAsm);
  std::set<std::string> before = listTree(tmp.path());
  RunOptions opts;
  opts.cwd = tmp.path();
  RunResult r = run({linkerPath(), "-o", "no-such-dir/out", "good.o"}, opts);
  EXPECT_TRUE(r.exitedWith(1)) << r.describe();
  EXPECT_EQ(r.err.rfind("mld: error: ", 0), 0u) << r.err;
  EXPECT_NE(firstLine(r.err).find("no-such-dir/out"), std::string::npos) << r.err;
  EXPECT_EQ(listTree(tmp.path()), before);
}

TEST_F(Diagnostics, UnknownOptionIsRejected) {
  assemble("good", goodAsm);
  std::string err = linkMustFail({"--frobnicate", "good.o"});
  EXPECT_EQ(firstLine(err), "mld: error: unknown argument '--frobnicate'") << err;
}

} // namespace
