// Proves `gcc -B <gcc-ld dir>` links with mld (gcc's extra linker options accepted, program runs,
// .comment names mld), so it would fail if gcc silently fell back to the system ld.
#include "e2e-env.h"
#include "elf-inspect.h"
#include "run.h"
#include "temp-dir.h"

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

using namespace mld::test;

namespace {

TEST(GccDriver, LinksWithMldWhenGivenMinusB) {
  ASSERT_TRUE(std::filesystem::exists(gccLdDir() + "/ld")) << "no ld in " << gccLdDir();
  TempDir tmp;
  std::ofstream(tmp / "hello.c") << "#include <stdio.h>\n"
                                    "int main(int argc, char **argv) {\n"
                                    "  printf(\"hello via gcc -B, argc=%d\\n\", argc);\n"
                                    "  return 3;\n"
                                    "}\n";
  std::vector<std::string> argv = {ccPath(),    "-B",
                                   gccLdDir(),  "-static",
                                   "-nostdlib", "-fno-stack-protector",
                                   "-O2",       "-o",
                                   "hello",     runtimeDir() + "/crt1.o",
                                   "hello.c",   "-L" + runtimeDir(),
                                   "-lmldc"};
  RunOptions opts;
  opts.cwd = tmp.path();
  RunResult built = run(argv, opts);
  ASSERT_TRUE(built.exitedWith(0)) << joinArgs(argv) << "\n" << built.describe() << built.out;

  RunResult ran = run({tmp / "hello"}, opts);
  EXPECT_TRUE(ran.exitedWith(3)) << ran.describe();
  EXPECT_EQ(ran.out, "hello via gcc -B, argc=1\n");

  std::string error;
  std::optional<ElfFile> elf = ElfFile::load(tmp / "hello", error);
  ASSERT_TRUE(elf) << error;
  const ElfSection *comment = elf->section(".comment");
  ASSERT_NE(comment, nullptr);
  EXPECT_NE(elf->contents(*comment).find("mld"), std::string::npos)
      << "the output was not linked by mld";
}

} // namespace
