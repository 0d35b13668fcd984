// Proves what mld does with the file already at the output path: an old
// output is written in place only when nothing else can see it, and the result
// is byte for byte the file a fresh link makes (every stale byte overwritten);
// hard-linked, running, symlinked, shared-object outputs and outputs with
// extended attributes are replaced, not written; special files (/dev/null, "-") are written to; a
// failed link leaves no temporary file.
#include "e2e-env.h"
#include "run.h"
#include "scenario.h"
#include "temp-dir.h"

#include <cstring>
#include <filesystem>
#include <fstream>
#include <spawn.h>
#include <sstream>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <gtest/gtest.h>

extern char **environ;

namespace fs = std::filesystem;
using namespace mld::test;

namespace {

std::string readFile(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void writeFile(const std::string &path, const std::string &data) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << data;
}

struct stat statOf(const std::string &path) {
  struct stat st {};
  EXPECT_EQ(::lstat(path.c_str(), &st), 0) << path << ": " << strerror(errno);
  return st;
}

// mld writes an old output in place only where the kernel refuses to open a
// running program for writing (not Linux 6.11 and 6.12).
bool kernelAllowsReuse() {
  utsname u;
  unsigned major = 0, minor = 0;
  if (uname(&u) != 0 || sscanf(u.release, "%u.%u", &major, &minor) != 2)
    return false;
  return !(major == 6 && (minor == 11 || minor == 12));
}

// Entries of `dir` whose name contains ".tmp": mld's temporary files.
std::vector<std::string> tempFiles(const std::string &dir) {
  std::vector<std::string> out;
  for (const std::string &name : listTree(dir))
    if (name.find(".tmp") != std::string::npos)
      out.push_back(name);
  return out;
}

// ---- every static scenario, over old outputs of both sizes ----------------

class ReusedOutput : public ::testing::TestWithParam<std::string> {
protected:
  void SetUp() override {
    std::string error;
    std::optional<Scenario> parsed = loadPreparedScenario(GetParam(), prepared, error);
    ASSERT_TRUE(parsed) << error;
    scenario = *parsed;
  }

  RunResult link(const std::string &out) {
    std::vector<std::string> argv = {linkerPath()};
    std::vector<std::string> args = runtimeLinkArgs(out, scenario.linkArgs);
    argv.insert(argv.end(), args.begin(), args.end());
    RunOptions opts;
    opts.cwd = prepared;
    opts.timeout = std::chrono::seconds(60);
    return run(argv, opts);
  }

  Scenario scenario;
  std::string prepared;
  TempDir tmp;
};

// An old output full of 0xff, larger or smaller than the new one, must not
// show through anywhere: the link over it equals a fresh link, and runs.
TEST_P(ReusedOutput, LinkOverGarbageEqualsFreshLink) {
  // Named `prog` in both places, as some programs look at their argv[0].
  fs::create_directories(tmp / "fresh");
  fs::create_directories(tmp / "over");
  RunResult fresh = link(tmp / "fresh/prog");
  ASSERT_TRUE(fresh.exitedWith(0)) << fresh.describe();
  std::string want = readFile(tmp / "fresh/prog");
  ASSERT_FALSE(want.empty());
  std::string expected = readFile(scenario.dir + "/expected.out");

  for (size_t oldSize : {want.size() + 70000, want.size() / 2}) {
    SCOPED_TRACE("old output of " + std::to_string(oldSize) + " bytes");
    std::string out = tmp / "over/prog";
    writeFile(out, std::string(oldSize, '\xff'));
    ::chmod(out.c_str(), 0600);
    ino_t before = statOf(out).st_ino;

    RunResult r = link(out);
    ASSERT_TRUE(r.exitedWith(0)) << r.describe();
    EXPECT_TRUE(readFile(out) == want) << "the link over an old output differs from a fresh link";
    if (kernelAllowsReuse())
      EXPECT_EQ(statOf(out).st_ino, before) << "the old output was not written in place";
    EXPECT_EQ(statOf(out).st_mode, statOf(tmp / "fresh/prog").st_mode);
    EXPECT_TRUE(tempFiles(tmp.path()).empty());

    std::vector<std::string> argv = {out};
    argv.insert(argv.end(), scenario.args.begin(), scenario.args.end());
    RunOptions opts;
    opts.cwd = tmp.path();
    opts.extraEnv = scenario.env;
    RunResult ran = run(argv, opts);
    EXPECT_TRUE(ran.exitedWith(scenario.exitCode)) << ran.describe();
    EXPECT_EQ(ran.out, expected);
  }
}

std::string paramName(const ::testing::TestParamInfo<std::string> &info) {
  std::string s = info.param;
  for (char &c : s)
    if (!isalnum(static_cast<unsigned char>(c)))
      c = '_';
  return s;
}

INSTANTIATE_TEST_SUITE_P(Scenarios, ReusedOutput, ::testing::ValuesIn(listScenarios(testdataDir())),
                         paramName);

// ---- the special cases -----------------------------------------------------

constexpr const char *startAsm = R"(
	.text
	.globl _start
_start:
	movl $60, %eax
	movl $7, %edi
	syscall
	.section .note.GNU-stack,"",@progbits
)";

class OutputPath : public ::testing::Test {
protected:
  void SetUp() override {
    writeFile(tmp / "start.s", startAsm);
    RunOptions opts;
    opts.cwd = tmp.path();
    RunResult r = run({ccPath(), "-c", "start.s", "-o", "start.o"}, opts);
    ASSERT_TRUE(r.exitedWith(0)) << r.describe();
    RunResult fresh = mld({"-o", "fresh", "start.o"});
    ASSERT_TRUE(fresh.exitedWith(0)) << fresh.describe();
    program = readFile(tmp / "fresh");
  }
  RunResult mld(std::vector<std::string> args) {
    args.insert(args.begin(), linkerPath());
    RunOptions opts;
    opts.cwd = tmp.path();
    return run(args, opts);
  }
  void expectRunsAndExits7(const std::string &path) {
    RunResult r = run({tmp / path});
    EXPECT_TRUE(r.exitedWith(7)) << path << ": " << r.describe();
  }

  TempDir tmp;
  std::string program; // what a fresh link of start.o makes
};

// The other name of a hard-linked output must keep the old contents.
TEST_F(OutputPath, HardLinkedOutputIsReplacedNotWritten) {
  writeFile(tmp / "out", "old contents\n");
  ASSERT_EQ(::link((tmp / "out").c_str(), (tmp / "other").c_str()), 0);
  RunResult r = mld({"-o", "out", "start.o"});
  ASSERT_TRUE(r.exitedWith(0)) << r.describe();
  EXPECT_EQ(readFile(tmp / "other"), "old contents\n");
  EXPECT_TRUE(readFile(tmp / "out") == program);
  EXPECT_EQ(statOf(tmp / "other").st_nlink, 1u);
  expectRunsAndExits7("out");
}

// A running program cannot be opened for writing (ETXTBSY): the link replaces
// it, and the process, which keeps the old file, goes on unharmed.
TEST_F(OutputPath, RunningOutputIsReplacedAndKeepsRunning) {
  fs::copy_file("/bin/cat", tmp / "out");
  ino_t oldInode = statOf(tmp / "out").st_ino;
  int in[2], out[2];
  ASSERT_EQ(pipe(in), 0);
  ASSERT_EQ(pipe(out), 0);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in[0], 0);
  posix_spawn_file_actions_adddup2(&actions, out[1], 1);
  posix_spawn_file_actions_addclose(&actions, in[1]);
  posix_spawn_file_actions_addclose(&actions, out[0]);
  std::string exe = tmp / "out";
  char *argv[] = {exe.data(), nullptr};
  pid_t pid;
  // glibc's posix_spawn returns once the child has exec'd: `out` is running.
  ASSERT_EQ(posix_spawn(&pid, exe.c_str(), &actions, nullptr, argv, environ), 0);
  posix_spawn_file_actions_destroy(&actions);
  ::close(in[0]);
  ::close(out[1]);

  RunResult r = mld({"-o", "out", "start.o"});
  EXPECT_TRUE(r.exitedWith(0)) << r.describe();
  EXPECT_NE(statOf(tmp / "out").st_ino, oldInode);
  EXPECT_TRUE(readFile(tmp / "out") == program);
  EXPECT_TRUE(tempFiles(tmp.path()).empty());

  // The old program still works: it echoes what it is given and exits 0.
  ASSERT_EQ(::write(in[1], "still here\n", 11), 11);
  ::close(in[1]);
  std::string echoed;
  char buf[64];
  for (ssize_t n; (n = ::read(out[0], buf, sizeof buf)) > 0;)
    echoed.append(buf, n);
  ::close(out[0]);
  int status = 0;
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "status " << status;
  EXPECT_EQ(echoed, "still here\n");
  expectRunsAndExits7("out");
}

// Extended attributes stay with an inode: an old output that has some is
// replaced, so that the new one has none, like any new file.
TEST_F(OutputPath, OldOutputWithExtendedAttributesIsReplaced) {
  std::string out = tmp / "out";
  writeFile(out, "old contents\n");
  if (::setxattr(out.c_str(), "user.mld-test", "1", 1, 0) != 0)
    GTEST_SKIP() << "no user extended attributes here: " << strerror(errno);
  ino_t before = statOf(out).st_ino;
  RunResult r = mld({"-o", "out", "start.o"});
  ASSERT_TRUE(r.exitedWith(0)) << r.describe();
  EXPECT_NE(statOf(out).st_ino, before);
  char value[8];
  EXPECT_LT(::getxattr(out.c_str(), "user.mld-test", value, sizeof value), 0);
  EXPECT_TRUE(readFile(out) == program);
}

// A symlink is replaced by the output (as before), and its target is untouched.
TEST_F(OutputPath, SymlinkIsReplacedAndItsTargetKept) {
  writeFile(tmp / "target", "target contents\n");
  fs::create_symlink("target", tmp / "out");
  RunResult r = mld({"-o", "out", "start.o"});
  ASSERT_TRUE(r.exitedWith(0)) << r.describe();
  EXPECT_EQ(readFile(tmp / "target"), "target contents\n");
  EXPECT_TRUE(S_ISREG(statOf(tmp / "out").st_mode));
  EXPECT_TRUE(readFile(tmp / "out") == program);
}

// The mode is the one a new file gets under the umask, also for an old output
// written in place whatever its mode was.
TEST_F(OutputPath, ModeFollowsUmaskForNewAndReusedFiles) {
  writeFile(tmp / "old", "old\n");
  ::chmod((tmp / "old").c_str(), 0600);
  for (const char *name : {"new", "old"}) {
    std::string cmd = "umask 027 && exec '" + linkerPath() + "' -o " + name + " start.o";
    RunOptions opts;
    opts.cwd = tmp.path();
    RunResult r = run({"/bin/sh", "-c", cmd}, opts);
    ASSERT_TRUE(r.exitedWith(0)) << r.describe();
    EXPECT_EQ(statOf(tmp / name).st_mode & 07777, 0750u) << name;
    EXPECT_TRUE(readFile(tmp / name) == program) << name;
  }
}

// /dev/null is written to, not replaced by a regular file.
TEST_F(OutputPath, DevNullIsWrittenTo) {
  RunResult r = mld({"-o", "/dev/null", "start.o"});
  ASSERT_TRUE(r.exitedWith(0)) << r.describe();
  EXPECT_TRUE(S_ISCHR(statOf("/dev/null").st_mode));
  EXPECT_TRUE(tempFiles(tmp.path()).empty());
}

// "-" is stdout.
TEST_F(OutputPath, DashIsStdout) {
  RunResult r = mld({"-o", "-", "start.o"});
  ASSERT_TRUE(r.exitedWith(0)) << r.describe();
  EXPECT_TRUE(r.out == program) << "stdout holds " << r.out.size() << " bytes";
  EXPECT_FALSE(fs::exists(tmp / "-"));
}

// A failed link leaves no temporary file, and an old output that was not yet
// reached (undefined symbols are found before writing) stays as it was.
TEST_F(OutputPath, FailedLinkLeavesNoTemporaryFile) {
  writeFile(tmp / "undef.s", "\t.text\n\t.globl _start\n_start:\n\tcall nowhere\n"
                             "\t.section .note.GNU-stack,\"\",@progbits\n");
  RunOptions opts;
  opts.cwd = tmp.path();
  ASSERT_TRUE(run({ccPath(), "-c", "undef.s", "-o", "undef.o"}, opts).exitedWith(0));
  writeFile(tmp / "out", "previous output\n");
  std::set<std::string> before = listTree(tmp.path());
  RunResult r = mld({"-o", "out", "undef.o"});
  EXPECT_TRUE(r.exitedWith(1)) << r.describe();
  EXPECT_NE(r.err.find("undefined symbol: nowhere"), std::string::npos) << r.err;
  EXPECT_EQ(listTree(tmp.path()), before);
  EXPECT_EQ(readFile(tmp / "out"), "previous output\n");
}

// ---- dynamic links, through gcc ----------------------------------------------

class DynamicOutput : public ::testing::Test {
protected:
  void SetUp() override {
    writeFile(tmp / "main.c", "#include <stdio.h>\nint lib(void);\n"
                              "int main(void) { printf(\"lib says %d\\n\", lib()); return 0; }\n");
    writeFile(tmp / "lib.c", "int lib(void) { return 42; }\n");
    RunOptions opts;
    opts.cwd = tmp.path();
    for (const char *name : {"main", "lib"}) {
      std::string src = std::string(name) + ".c", obj = std::string(name) + ".o";
      RunResult r = run({ccPath(), "-O2", "-fPIC", "-c", src, "-o", obj}, opts);
      ASSERT_TRUE(r.exitedWith(0)) << r.describe();
    }
  }
  RunResult gccLink(std::vector<std::string> args) {
    std::vector<std::string> argv = {ccPath(), "-B", gccLdDir()};
    argv.insert(argv.end(), args.begin(), args.end());
    RunOptions opts;
    opts.cwd = tmp.path();
    return run(argv, opts);
  }
  TempDir tmp;
};

// A PIE with .dynamic, .rela.dyn, .dynsym, hash tables, versions and
// .eh_frame_hdr, over an old output of garbage: the same bytes as fresh.
TEST_F(DynamicOutput, PieOverGarbageEqualsFreshLink) {
  ASSERT_TRUE(gccLink({"-shared", "-o", "libl.so", "lib.o"}).exitedWith(0));
  RunResult fresh = gccLink({"-pie", "-o", "fresh", "main.o", "-L.", "-ll", "-Wl,-rpath,$ORIGIN"});
  ASSERT_TRUE(fresh.exitedWith(0)) << fresh.describe();
  std::string want = readFile(tmp / "fresh");
  writeFile(tmp / "over", std::string(want.size() * 3 / 2, '\xff'));
  ino_t before = statOf(tmp / "over").st_ino;
  RunResult r = gccLink({"-pie", "-o", "over", "main.o", "-L.", "-ll", "-Wl,-rpath,$ORIGIN"});
  ASSERT_TRUE(r.exitedWith(0)) << r.describe();
  EXPECT_TRUE(readFile(tmp / "over") == want)
      << "the link over an old output differs from a fresh link";
  if (kernelAllowsReuse())
    EXPECT_EQ(statOf(tmp / "over").st_ino, before) << "the old output was not written in place";
  RunResult ran = run({tmp / "over"});
  EXPECT_TRUE(ran.exitedWith(0)) << ran.describe();
  EXPECT_EQ(ran.out, "lib says 42\n");
}

// Running programs map shared objects without the kernel refusing writes to
// them, so an old shared object is always replaced, never written in place.
TEST_F(DynamicOutput, SharedObjectIsReplacedNotWritten) {
  ASSERT_TRUE(gccLink({"-shared", "-o", "fresh.so", "lib.o"}).exitedWith(0));
  writeFile(tmp / "libl.so", std::string(100000, '\xff'));
  ino_t before = statOf(tmp / "libl.so").st_ino;
  ASSERT_TRUE(gccLink({"-shared", "-o", "libl.so", "lib.o"}).exitedWith(0));
  EXPECT_NE(statOf(tmp / "libl.so").st_ino, before);
  EXPECT_TRUE(readFile(tmp / "libl.so") == readFile(tmp / "fresh.so"));
}

} // namespace
