// The fixture of the bad-input tests (diagnostics-test.cpp, hostile-input-
// test.cpp): a temp dir, an assembler, byte patching, and linkMustFail(),
// which checks what every failed link must do.
#pragma once

#include "e2e-env.h"
#include "elf-inspect.h"
#include "run.h"
#include "temp-dir.h"

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <gtest/gtest.h>
#include <llvm/BinaryFormat/ELF.h>

namespace mld::test {

// _start calls a local helper through R_X86_64_PLT32 and loads msg through
// R_X86_64_PC32: a complete static program with relocations in .text.
inline constexpr const char *goodAsm = R"(
	.text
	.globl _start
_start:
	leaq msg(%rip), %rsi
	call helper
	movl $60, %eax
	xorl %edi, %edi
	syscall
helper:
	ret
	.data
msg:	.asciz "x"
	.section .note.GNU-stack,"",@progbits
)";

class Diagnostics : public ::testing::Test {
protected:
  void write(const std::string &name, const std::string &text) {
    std::ofstream(tmp / name, std::ios::binary) << text;
  }
  std::string read(const std::string &name) {
    std::ifstream in(tmp / name, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
  // Assembles NAME.s (written from `text`) into NAME.o in the temp dir.
  void assemble(const std::string &name, const std::string &text,
                const std::vector<std::string> &flags = {}) {
    write(name + ".s", text);
    std::vector<std::string> argv = {ccPath(), "-c"};
    argv.insert(argv.end(), flags.begin(), flags.end());
    argv.insert(argv.end(), {name + ".s", "-o", name + ".o"});
    RunOptions opts;
    opts.cwd = tmp.path();
    RunResult r = run(argv, opts);
    ASSERT_TRUE(r.exitedWith(0)) << joinArgs(argv) << ": " << r.describe();
  }
  // Overwrites bytes of `file` at `offset`.
  void patch(const std::string &file, uint64_t offset, const void *bytes, size_t n) {
    std::string data = read(file);
    ASSERT_LE(offset + n, data.size());
    std::memcpy(data.data() + offset, bytes, n);
    write(file, data);
  }
  ElfFile inspect(const std::string &file) {
    std::string error;
    std::optional<ElfFile> elf = ElfFile::load(tmp / file, error);
    EXPECT_TRUE(elf) << error;
    return elf ? *elf : ElfFile{};
  }
  // The first RELA entry applying to .text in `file`.
  ElfRela firstTextRela(const ElfFile &elf) {
    const ElfSection *rela = elf.section(".rela.text");
    EXPECT_NE(rela, nullptr);
    std::vector<ElfRela> relas = rela ? elf.relas(*rela) : std::vector<ElfRela>{};
    EXPECT_FALSE(relas.empty());
    return relas.empty() ? ElfRela{} : relas[0];
  }

  // Runs mld in the temp dir with `-o out` plus `args`, and checks what every
  // failed link must do: status 1, no signal, exactly one error line which is
  // the first line, no `out` and no other new file. Returns stderr with the
  // temp dir replaced by <tmp>.
  std::string linkMustFail(const std::vector<std::string> &args) {
    std::set<std::string> before = listTree(tmp.path());
    std::vector<std::string> argv = {linkerPath(), "-o", "out"};
    argv.insert(argv.end(), args.begin(), args.end());
    RunOptions opts;
    opts.cwd = tmp.path();
    opts.timeout = std::chrono::seconds(30);
    RunResult r = run(argv, opts);
    EXPECT_FALSE(r.execFailed) << r.err;
    EXPECT_EQ(r.signal, 0) << joinArgs(argv) << " crashed: " << r.describe();
    EXPECT_FALSE(r.timedOut) << joinArgs(argv) << " hung";
    EXPECT_EQ(r.exitCode, 1) << joinArgs(argv) << ": " << r.describe();
    EXPECT_EQ(listTree(tmp.path()), before) << "a failed link left files behind";

    std::string err = r.err;
    for (size_t at = err.find(tmp.path()); at != std::string::npos; at = err.find(tmp.path()))
      err.replace(at, tmp.path().size(), "<tmp>");
    EXPECT_EQ(err.rfind("mld: error: ", 0), 0u) << "first line is not an error: " << err;
    size_t errorLines = 0;
    std::istringstream in(err);
    for (std::string line; std::getline(in, line);)
      errorLines += line.find("error:") != std::string::npos;
    EXPECT_EQ(errorLines, 1u) << "expected exactly one error line:\n" << err;
    return err;
  }

  static std::string firstLine(const std::string &s) { return s.substr(0, s.find('\n')); }

  TempDir tmp;
};

} // namespace mld::test
