// Inputs that once crashed mld, read out of bounds, or broke the one-line
// promise (docs/command-line.md, "Bad input"), each made here by patching
// the bytes a mutation changed in a good object or archive. tests/fuzz
// finds such inputs; each fixed rule gets its test here.
#include "bad-input-fixture.h"

using namespace mld::test;

namespace {

// A function with call-frame information: one CIE and one FDE in .eh_frame.
constexpr const char *cfiAsm = R"(
	.text
	.globl f
	.type f,@function
f:
	.cfi_startproc
	pushq %rbp
	.cfi_def_cfa_offset 16
	popq %rbp
	.cfi_def_cfa_offset 8
	ret
	.cfi_endproc
	.section .note.GNU-stack,"",@progbits
)";

constexpr const char *noteStack = "\t.section .note.GNU-stack,\"\",@progbits\n";

class HostileInput : public Diagnostics {
protected:
  void setSectionFlags(const std::string &file, const std::string &section, uint64_t flags) {
    ElfFile elf = inspect(file); // sections point into it
    const ElfSection *sec = elf.section(section);
    ASSERT_NE(sec, nullptr) << section;
    patch(file, sec->headerOffset + offsetof(llvm::ELF::Elf64_Shdr, sh_flags), &flags,
          sizeof flags);
  }
  void ar(const std::vector<std::string> &args) {
    std::vector<std::string> argv = {arPath()};
    argv.insert(argv.end(), args.begin(), args.end());
    RunOptions opts;
    opts.cwd = tmp.path();
    ASSERT_TRUE(run(argv, opts).exitedWith(0)) << joinArgs(argv);
  }
  // Offset of the header of the first member after the symbol index.
  size_t firstMemberAfterIndex(const std::string &archive) {
    std::string data = read(archive);
    EXPECT_EQ(data.substr(8, 2), "/ ");
    size_t size = std::stoul(data.substr(8 + 48, 10));
    return 8 + 60 + size + (size & 1);
  }
  RunResult link(const std::vector<std::string> &args) {
    std::vector<std::string> argv = {linkerPath()};
    argv.insert(argv.end(), args.begin(), args.end());
    RunOptions opts;
    opts.cwd = tmp.path();
    return run(argv, opts);
  }
};

// SHF_MERGE|SHF_STRINGS on .eh_frame once split it as strings, leaving its
// records without an output section (a null dereference). .eh_frame is read
// as records whatever its flags: the output is that of the unflagged object,
// with .eh_frame flagged SHF_ALLOC only, as ld.bfd makes it.
TEST_F(HostileInput, EhFrameFlaggedMergeIsReadAsRecords) {
  assemble("eh", cfiAsm);
  write("ehmerge.o", read("eh.o"));
  using namespace llvm::ELF;
  setSectionFlags("ehmerge.o", ".eh_frame", SHF_ALLOC | SHF_MERGE | SHF_STRINGS);
  RunResult ref = link({"-shared", "-o", "ref.so", "eh.o"});
  ASSERT_TRUE(ref.exitedWith(0)) << ref.describe();
  RunResult r = link({"-shared", "-o", "out.so", "ehmerge.o"});
  ASSERT_TRUE(r.exitedWith(0)) << r.describe();
  EXPECT_EQ(r.err, "");
  ElfFile out = inspect("out.so"), expected = inspect("ref.so");
  const ElfSection *eh = out.section(".eh_frame"), *refEh = expected.section(".eh_frame");
  ASSERT_NE(eh, nullptr);
  ASSERT_NE(refEh, nullptr);
  EXPECT_EQ(eh->flags, uint64_t{SHF_ALLOC});
  EXPECT_EQ(out.contents(*eh), expected.contents(*refEh));
}

// LLVM takes an archive whose second member is also named "/" for a COFF
// archive and walks its (ELF) bytes as a COFF symbol table. mld reads only
// GNU and BSD archive indexes, so it says what the file is instead.
TEST_F(HostileInput, ArchiveWithASecondSlashMemberIsRejected) {
  assemble("eh", cfiAsm);
  assemble("g", std::string("\t.text\n\t.globl g\ng:\n\tret\n") + noteStack);
  ar({"rcs", "libslash.a", "eh.o", "g.o"});
  size_t member = firstMemberAfterIndex("libslash.a");
  std::string slash = "/               ";
  patch("libslash.a", member, slash.data(), slash.size());
  const std::string expected = "mld: error: libslash.a: unsupported archive format (a second '/' "
                               "member: a COFF archive, not an ELF one)\n";
  EXPECT_EQ(linkMustFail({"-shared", "libslash.a"}), expected);
  EXPECT_EQ(linkMustFail({"-shared", "--whole-archive", "libslash.a"}), expected);
}

// The last member's header still claims its full size after the file was
// cut: its bytes were read past the end of the buffer (ASan) or reported as
// garbage. The member is checked against the file where it is read.
TEST_F(HostileInput, WholeArchiveWithTruncatedLastMemberIsReported) {
  assemble("eh", cfiAsm);
  assemble("g", std::string("\t.text\n\t.globl g\ng:\n\tret\n") + noteStack);
  ar({"rcs", "libfull.a", "eh.o", "g.o"});
  std::string data = read("libfull.a");
  write("libcut.a", data.substr(0, data.size() - 200));
  std::string err = linkMustFail({"-shared", "--whole-archive", "libcut.a"});
  EXPECT_EQ(err.rfind("mld: error: libcut.a: truncated archive: member g.o at offset 0x", 0), 0u)
      << err;
  EXPECT_NE(err.find(", past the end of the file\n"), std::string::npos) << err;
}

// A BSD member name ("#1/N": N name bytes before the data) longer than the
// member itself: the data then started past the member, and its name was
// read past the end of the file. Both are checked against the member.
TEST_F(HostileInput, BsdMemberNameLongerThanItsMemberIsReported) {
  assemble("g", std::string("\t.text\n\t.globl g\ng:\n\tret\n") + noteStack);
  auto header = [](std::string name, size_t size) {
    auto field = [](std::string v, size_t width) { return v + std::string(width - v.size(), ' '); };
    return field(name, 16) + field("0", 12) + field("0", 6) + field("0", 6) + field("644", 8) +
           field(std::to_string(size), 10) + "`\n";
  };
  std::string obj = read("g.o"), name("g.o\0\0\0\0\0", 8);
  // The member claims 300 name bytes but holds 8 + 4; the next one is good.
  std::string data = "!<arch>\n" + header("#1/300", 12) + name + "abcd" +
                     header("#1/8", 8 + obj.size()) + name + obj;
  write("libbsd.a", data);
  EXPECT_EQ(linkMustFail({"-shared", "--whole-archive", "libbsd.a"}),
            "mld: error: libbsd.a: truncated or malformed archive (long name length: 300 extends "
            "past the end "
            "of the member or archive for archive member header at offset 8)\n");
}

// A BSD "#1/LEN" member name longer than what is left of the file: LLVM
// 14 checks LEN only against the member's claimed size and reads the name's
// last byte past the file (ASan, found by fuzz-archive).
TEST_F(HostileInput, BsdMemberNamePastTheEndOfTheFileIsReported) {
  auto field = [](std::string v, size_t width) { return v + std::string(width - v.size(), ' '); };
  std::string header = field("#1/12", 16) + field("0", 12) + field("0", 6) + field("0", 6) +
                       field("644", 8) + field("428", 10) + "`\n";
  write("libcut.a", "!<arch>\n" + header + std::string("__.SYM", 6));
  EXPECT_EQ(linkMustFail({"-shared", "--whole-archive", "libcut.a"}),
            "mld: error: libcut.a: truncated archive: the name of the member at offset 0x8 (12 "
            "bytes) runs past the end of the file\n");
  // Without --whole-archive too: the headers are checked before LLVM walks
  // the members (it reads such a name to word its own errors).
  EXPECT_EQ(linkMustFail({"-shared", "libcut.a"}),
            "mld: error: libcut.a: truncated archive: the name of the member at offset 0x8 (12 "
            "bytes) runs past the end of the file\n");
  // The field ends at its first space: bytes after it do not hide the length
  // from the check (LLVM reads "#1/12" and ignores them).
  header.replace(12, 1, "c");
  write("libcut2.a", "!<arch>\n" + header + std::string("__.SYM", 6));
  EXPECT_EQ(linkMustFail({"-shared", "libcut2.a"}),
            "mld: error: libcut2.a: truncated archive: the name of the member at offset 0x8 (12 "
            "bytes) runs past the end of the file\n");
}

// Every FDE of an object belongs to an excluded section, so its .eh_frame
// ends up empty (memcpy was given a null buffer: UBSan). The link succeeds.
TEST_F(HostileInput, EhFrameWhoseEveryRecordIsDroppedLinks) {
  assemble("start", std::string("\t.text\n\t.globl _start\n_start:\n\tret\n") + noteStack);
  std::string excluded = cfiAsm;
  excluded.replace(excluded.find("\t.text\n"), 7, "\t.section .text.gone,\"axe\",@progbits\n");
  assemble("gone", excluded);
  RunResult r = link({"-o", "out", "start.o", "gone.o"});
  EXPECT_TRUE(r.exitedWith(0)) << r.describe();
  EXPECT_EQ(r.err, "");
}

// A section symbol has no name of its own; messages name its section, as
// GNU ld does (they said '' before).
TEST_F(HostileInput, SectionSymbolIsNamedByItsSectionInRelocationErrors) {
  assemble("abs32", std::string("\t.text\n\t.globl f\nf:\n\tmovl $.Lmsg, %eax\n\tret\n"
                                "\t.section .rodata\n.Lmsg:\t.asciz \"x\"\n") +
                        noteStack);
  std::string err = linkMustFail({"-shared", "abs32.o"});
  EXPECT_EQ(err,
            "mld: error: abs32.o:(.text+0x1): relocation R_X86_64_32 against '.rodata' can not "
            "be used when making a shared object; recompile with -fPIC\n");
}

// Names come from the inputs; a control byte in one is printed escaped,
// never raw to the terminal.
TEST_F(HostileInput, ControlBytesInNamesAreEscaped) {
  assemble("esc",
           std::string("\t.text\n\t.globl _start\n_start:\n\tcall foo_bar\n\tret\n") + noteStack);
  std::string data = read("esc.o");
  size_t at = data.find(std::string("foo_bar\0", 8));
  ASSERT_NE(at, std::string::npos);
  patch("esc.o", at + 3, "\x1b", 1);
  std::string err = linkMustFail({"esc.o"});
  EXPECT_EQ(err, "mld: error: undefined symbol: foo\\x1bbar\n"
                 ">>> referenced by esc.o:(.text+0x1)\n");
}

// A section header table cut short is one error, worded one way, whether
// its first entry or only its last lies past the end (LLVM has two texts).
TEST_F(HostileInput, CutSectionHeaderTableHasOneWording) {
  assemble("good", goodAsm);
  std::string data = read("good.o");
  uint64_t shoff = inspect("good.o").shoff;
  ASSERT_EQ(shoff + inspect("good.o").sections.size() * 64, data.size());
  write("cutfirst.o", data.substr(0, shoff + 10));
  write("cutlast.o", data.substr(0, data.size() - 10));
  std::string first = linkMustFail({"cutfirst.o"}), last = linkMustFail({"cutlast.o"});
  const std::string wording = ": section header table goes past the end of the file (e_shoff ";
  EXPECT_EQ(first.rfind("mld: error: cutfirst.o" + wording, 0), 0u) << first;
  EXPECT_EQ(last.rfind("mld: error: cutlast.o" + wording, 0), 0u) << last;
}

// sh_name 0 reads as a null name, and sh_name at any NUL byte as an empty
// one: comparing the two gave memcmp a null pointer (UBSan; found by
// fuzz-link). Sections without names link like any other.
TEST_F(HostileInput, SectionsWithoutNamesLink) {
  assemble("nonames", std::string("\t.text\n\t.globl _start\n_start:\n\tret\n"
                                  "\t.data\n\t.quad 1\n") +
                          noteStack);
  ElfFile elf = inspect("nonames.o");
  const ElfSection *data = elf.section(".data"), *bss = elf.section(".bss");
  ASSERT_NE(data, nullptr);
  ASSERT_NE(bss, nullptr);
  std::string shstrtab = elf.contents(elf.sections.back());
  ASSERT_EQ(elf.sections.back().name, ".shstrtab");
  uint32_t zero = 0, emptyAt = shstrtab.find(std::string(".text\0", 6)) + 5;
  ASSERT_EQ(shstrtab.at(emptyAt), '\0');
  patch("nonames.o", data->headerOffset + offsetof(llvm::ELF::Elf64_Shdr, sh_name), &zero, 4);
  patch("nonames.o", bss->headerOffset + offsetof(llvm::ELF::Elf64_Shdr, sh_name), &emptyAt, 4);
  RunResult r = link({"-static", "-o", "out", "nonames.o"});
  EXPECT_TRUE(r.exitedWith(0)) << r.describe();
  EXPECT_EQ(r.err, "");
}

} // namespace
