// Option parser: GNU ld's spellings land in the right Config fields, inputs
// and state options keep command-line order, response files follow GNU
// quoting, and every diagnostic has its exact text checked.

#include "options.h"

#include "llvm/BinaryFormat/ELF.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

using mld::Config;
using mld::InputSpec;
using K = mld::InputSpec::Kind;

namespace {

struct Result {
  bool ok;
  Config config;
  std::string err;
};

Result parse(std::vector<std::string> args) {
  Result r;
  std::ostringstream err;
  r.ok = mld::parseArgs(args, r.config, err);
  r.err = err.str();
  return r;
}

// The ordered input list as "kind:value" words, easy to compare.
std::string describe(const std::vector<InputSpec> &inputs) {
  static const char *names[] = {"file",   "lib",     "(",      ")",        "whole", "nowhole",
                                "static", "dynamic", "asneed", "noasneed", "push",  "pop"};
  std::string out;
  for (const InputSpec &in : inputs) {
    out += out.empty() ? "" : " ";
    out += names[static_cast<int>(in.kind)];
    if (!in.value.empty())
      out += ":" + in.value;
  }
  return out;
}

// A scratch directory for response files, removed when the process exits.
struct ScratchDir {
  std::string path;
  ScratchDir() {
    std::string tmpl = testing::TempDir() + "mld-options-XXXXXX";
    path = mkdtemp(tmpl.data());
  }
  ~ScratchDir() { std::filesystem::remove_all(path); }
};

std::string writeFile(const std::string &name, const std::string &text) {
  static ScratchDir dir;
  std::string path = dir.path + "/" + name;
  std::ofstream(path) << text;
  return path;
}

} // namespace

// gcc 12's dynamic PIE link line must parse with nothing lost or reordered.
TEST(Options, GccPieCommandLineKeepsOrder) {
  Result r = parse({"-plugin",
                    "/usr/lib/gcc/x86_64-linux-gnu/12/liblto_plugin.so",
                    "-plugin-opt=/usr/lib/gcc/x86_64-linux-gnu/12/lto-wrapper",
                    "-plugin-opt=-fresolution=/tmp/cc.res",
                    "--build-id",
                    "--eh-frame-hdr",
                    "-m",
                    "elf_x86_64",
                    "--hash-style=gnu",
                    "--as-needed",
                    "-dynamic-linker",
                    "/lib64/ld-linux-x86-64.so.2",
                    "-pie",
                    "Scrt1.o",
                    "crti.o",
                    "-L/usr/lib/gcc/x86_64-linux-gnu/12",
                    "-L",
                    "/lib",
                    "main.o",
                    "-lgcc",
                    "--push-state",
                    "--as-needed",
                    "-lgcc_s",
                    "--pop-state",
                    "-lc",
                    "crtn.o"});
  ASSERT_TRUE(r.ok) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(describe(r.config.inputs), "asneed file:Scrt1.o file:crti.o file:main.o lib:gcc "
                                       "push asneed lib:gcc_s pop lib:c file:crtn.o");
  EXPECT_EQ(r.config.libraryPaths,
            (std::vector<std::string>{"/usr/lib/gcc/x86_64-linux-gnu/12", "/lib"}));
  EXPECT_EQ(r.config.kind, mld::OutputKind::Pie);
  EXPECT_FALSE(r.config.isStatic);
  EXPECT_EQ(r.config.dynamicLinker, "/lib64/ld-linux-x86-64.so.2");
  EXPECT_EQ(r.config.hashStyle, mld::HashStyle::Gnu);
  EXPECT_EQ(r.config.buildId, mld::BuildId::Fast); // bare --build-id, as lld
  EXPECT_TRUE(r.config.ehFrameHdr);
  EXPECT_EQ(r.config.outputPath, "a.out");
  // The plugin and its options, in order, for LTO inputs.
  ASSERT_EQ(r.config.plugins.size(), 1u);
  EXPECT_EQ(r.config.plugins[0].path, "/usr/lib/gcc/x86_64-linux-gnu/12/liblto_plugin.so");
  EXPECT_EQ(r.config.plugins[0].options,
            (std::vector<std::string>{"/usr/lib/gcc/x86_64-linux-gnu/12/lto-wrapper",
                                      "-fresolution=/tmp/cc.res"}));
}

// An option for a plugin must follow the plugin it is for (GNU ld's rule).
TEST(Options, PluginOptBeforePluginIsAnError) {
  Result r = parse({"-plugin-opt=-O2", "a.o"});
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.err.find("-plugin-opt=-O2 given before any -plugin"), std::string::npos) << r.err;
}

// --wrap's spellings (GNU ld's): joined, separate, one dash; in order.
TEST(Options, WrapSpellings) {
  Result r = parse({"--wrap=malloc", "--wrap", "free", "-wrap", "open", "a.o"});
  ASSERT_TRUE(r.ok) << r.err;
  EXPECT_EQ(r.config.wrapSyms, (std::vector<std::string>{"malloc", "free", "open"}));
}

// clang's static-pie line: -static then -pie gives kind Pie and isStatic.
TEST(Options, StaticPlusPieIsStaticPie) {
  Result r = parse({"-static", "-pie", "--no-dynamic-linker", "-z", "text", "-o", "out", "rcrt1.o",
                    "--start-group", "-lgcc", "-lgcc_eh", "-lc", "--end-group"});
  ASSERT_TRUE(r.ok) << r.err;
  EXPECT_EQ(r.config.kind, mld::OutputKind::Pie);
  EXPECT_TRUE(r.config.isStatic);
  EXPECT_TRUE(r.config.noDynamicLinker);
  EXPECT_EQ(describe(r.config.inputs), "static file:rcrt1.o ( lib:gcc lib:gcc_eh lib:c )");
  EXPECT_EQ(r.config.outputPath, "out");
}

TEST(Options, OutputKindFollowsSharedPieAndStatic) {
  EXPECT_EQ(parse({"a.o"}).config.kind, mld::OutputKind::Exec);
  EXPECT_EQ(parse({"-static", "a.o"}).config.kind, mld::OutputKind::Exec);
  EXPECT_TRUE(parse({"-static", "a.o"}).config.isStatic);
  EXPECT_EQ(parse({"--pie", "a.o"}).config.kind, mld::OutputKind::Pie);
  EXPECT_EQ(parse({"-pie", "-no-pie", "a.o"}).config.kind, mld::OutputKind::Exec);
  EXPECT_EQ(parse({"-shared", "a.o"}).config.kind, mld::OutputKind::Shared);
  EXPECT_EQ(parse({"-Bshareable", "a.o"}).config.kind, mld::OutputKind::Shared);
  // The last of -shared, -pie and -no-pie decides (ld.bfd 2.40 does so).
  EXPECT_EQ(parse({"--shared", "-pie", "a.o"}).config.kind, mld::OutputKind::Pie);
  EXPECT_EQ(parse({"-pie", "--shared", "a.o"}).config.kind, mld::OutputKind::Shared);
  EXPECT_EQ(parse({"-shared", "-no-pie", "a.o"}).config.kind, mld::OutputKind::Exec);
  // -Bstatic only changes how later -l are searched; it is not -static.
  Result r = parse({"-Bstatic", "a.o"});
  EXPECT_FALSE(r.config.isStatic);
  EXPECT_EQ(describe(r.config.inputs), "static file:a.o");
}

TEST(Options, LibraryFormsAllAgree) {
  Result r = parse(
      {"-lfoo", "-l", "bar", "-l:libx.a", "--library=baz", "--library", "qux", "-library=q2"});
  ASSERT_TRUE(r.ok) << r.err;
  EXPECT_EQ(describe(r.config.inputs), "lib:foo lib:bar lib::libx.a lib:baz lib:qux lib:q2");
}

TEST(Options, LibraryPathForms) {
  Result r = parse({"-L/a", "-L", "/b", "--library-path=/c", "--library-path", "/d", "x.o"});
  ASSERT_TRUE(r.ok) << r.err;
  EXPECT_EQ(r.config.libraryPaths, (std::vector<std::string>{"/a", "/b", "/c", "/d"}));
}

TEST(Options, GroupParenthesesAndStateOptionsKeepPositions) {
  Result r =
      parse({"a.o", "-(", "-la", "-lb", "-)", "--whole-archive", "c.a", "--no-whole-archive",
             "-Bdynamic", "-dy", "-call_shared", "-dn", "-non_shared", "--no-as-needed", "d.o"});
  ASSERT_TRUE(r.ok) << r.err;
  EXPECT_EQ(describe(r.config.inputs), "file:a.o ( lib:a lib:b ) whole file:c.a nowhole dynamic "
                                       "dynamic dynamic static static noasneed file:d.o");
}

TEST(Options, OutputAndEntryIrregularForms) {
  EXPECT_EQ(parse({"-ofile", "a.o"}).config.outputPath, "file");
  EXPECT_EQ(parse({"-o", "file", "a.o"}).config.outputPath, "file");
  EXPECT_EQ(parse({"--output=f2", "a.o"}).config.outputPath, "f2");
  // GNU ld never reads -o... as a single-dash long option: -output is -o utput.
  EXPECT_EQ(parse({"-output", "a.o"}).config.outputPath, "utput");
  // A value that looks like an option is still a value.
  EXPECT_EQ(parse({"-o", "-weird", "a.o"}).config.outputPath, "-weird");
  EXPECT_EQ(parse({"-e", "go", "a.o"}).config.entry, "go");
  EXPECT_EQ(parse({"-ego", "a.o"}).config.entry, "go");
  EXPECT_EQ(parse({"--entry=go", "a.o"}).config.entry, "go");
  EXPECT_EQ(parse({"--entry", "go", "a.o"}).config.entry, "go");
}

TEST(Options, SingleAndDoubleDashLongOptions) {
  for (const char *form : {"-soname", "--soname"}) {
    EXPECT_EQ(parse({form, "libx.so.1", "a.o"}).config.soname, "libx.so.1") << form;
    EXPECT_EQ(parse({std::string(form) + "=liby.so", "a.o"}).config.soname, "liby.so") << form;
  }
  EXPECT_EQ(parse({"-h", "libz.so", "a.o"}).config.soname, "libz.so");
  EXPECT_EQ(parse({"-hlibz.so", "a.o"}).config.soname, "libz.so");
  EXPECT_EQ(parse({"-Map=m.txt", "a.o"}).config.mapPath, "m.txt");
  EXPECT_EQ(parse({"-Map", "m.txt", "a.o"}).config.mapPath, "m.txt");
  EXPECT_EQ(parse({"--Map", "m.txt", "a.o"}).config.mapPath, "m.txt");
  EXPECT_EQ(parse({"-M", "a.o"}).config.mapPath, "-");
  EXPECT_EQ(parse({"-rpath", "/r1", "-R", "/r2", "--rpath=/r3", "a.o"}).config.rpath,
            (std::vector<std::string>{"/r1", "/r2", "/r3"}));
  EXPECT_EQ(parse({"-I", "/ld.so", "a.o"}).config.dynamicLinker, "/ld.so");
  EXPECT_EQ(parse({"--dynamic-linker=/ld2.so", "a.o"}).config.dynamicLinker, "/ld2.so");
}

TEST(Options, AddressesAcceptDecimalAndHex) {
  EXPECT_EQ(parse({"--image-base=0x200000", "a.o"}).config.imageBase, 0x200000u);
  EXPECT_EQ(parse({"-Ttext-segment=0x10000", "a.o"}).config.imageBase, 0x10000u);
  EXPECT_EQ(parse({"-Ttext-segment", "4096", "a.o"}).config.imageBase, 4096u);
  Result r = parse({"--image-base=zz", "a.o"});
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.err, "mld: error: invalid address for --image-base: zz\n");
}

TEST(Options, ZKeywordsJoinedAndSeparate) {
  Result r = parse({"-z", "now", "-znorelro", "-z", "execstack", "-z", "noseparate-code", "-z",
                    "nodelete", "-z", "origin", "-z", "notext", "-z", "max-page-size=0x200000",
                    "-z", "common-page-size=4096", "a.o"});
  ASSERT_TRUE(r.ok) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_TRUE(r.config.zNow);
  EXPECT_FALSE(r.config.zRelro);
  EXPECT_TRUE(r.config.zExecStack);
  EXPECT_FALSE(r.config.zSeparateCode);
  EXPECT_TRUE(r.config.zNodelete);
  EXPECT_TRUE(r.config.zOrigin);
  EXPECT_EQ(r.config.textRel, Config::TextRel::Allow);
  EXPECT_EQ(r.config.pageSize, 0x200000u);

  Result r2 = parse({"-z", "defs", "-zmuldefs", "-z", "now", "-z", "lazy", "a.o"});
  EXPECT_TRUE(r2.config.reportObjectUndefs());
  EXPECT_TRUE(r2.config.allowMultipleDefinition);
  EXPECT_FALSE(r2.config.zNow);
}

// GNU ld's two switches: the last option setting each one counts, and
// -shared only changes the default of the one for objects.
TEST(Options, UnresolvedSymbolsSetsBothSwitches) {
  using U = Config::Unresolved;
  Result r = parse({"-shared", "--unresolved-symbols=ignore-in-shared-libs", "a.o"});
  ASSERT_TRUE(r.ok) << r.err;
  EXPECT_EQ(r.config.undefInObjects, U::Report);
  EXPECT_EQ(r.config.undefInShlibs, U::Ignore);
  EXPECT_TRUE(r.config.reportObjectUndefs());
  // Joined, as a mistaken -fPIC would be, -f is not GNU ld's -f NAME here.
  EXPECT_EQ(parse({"-fPIC", "a.o"}).err, "mld: error: unknown argument '-fPIC'\n");
  Result r2 = parse(
      {"--unresolved-symbols=report-all", "-z", "undefs", "--warn-unresolved-symbols", "a.o"});
  ASSERT_TRUE(r2.ok) << r2.err;
  EXPECT_FALSE(r2.config.reportObjectUndefs());
  EXPECT_TRUE(r2.config.reportShlibUndefs());
  EXPECT_TRUE(r2.config.warnUnresolved);
  Result r3 = parse({"-shared", "a.o"});
  EXPECT_FALSE(r3.config.reportObjectUndefs());
  EXPECT_FALSE(r3.config.reportShlibUndefs());
  Result r4 = parse({"--unresolved-symbols=all", "a.o"});
  EXPECT_FALSE(r4.ok);
  EXPECT_NE(r4.err.find("bad --unresolved-symbols option: all"), std::string::npos) << r4.err;
}

TEST(Options, UnknownZKeywordIsOnlyAWarning) {
  Result r = parse({"-z", "foo", "a.o"});
  EXPECT_TRUE(r.ok);
  EXPECT_EQ(r.err, "mld: warning: unknown -z value: foo\n");
  EXPECT_EQ(describe(r.config.inputs), "file:a.o");
}

TEST(Options, FatalWarningsTurnsWarningsIntoErrors) {
  Result r = parse({"-z", "foo", "a.o", "--fatal-warnings"});
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.err, "mld: error: unknown -z value: foo\n");
}

TEST(Options, BadPageSizeIsAnError) {
  Result r = parse({"-z", "max-page-size=3", "a.o"});
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.err, "mld: error: -z max-page-size: value is not a power of two: 3\n");
}

TEST(Options, BuildIdStyles) {
  EXPECT_EQ(parse({"--build-id=none", "a.o"}).config.buildId, mld::BuildId::None);
  EXPECT_EQ(parse({"--build-id=fast", "a.o"}).config.buildId, mld::BuildId::Fast);
  EXPECT_EQ(parse({"--build-id=md5", "a.o"}).config.buildId, mld::BuildId::Md5);
  EXPECT_EQ(parse({"--build-id=uuid", "a.o"}).config.buildId, mld::BuildId::Uuid);
  // A bare --build-id never swallows the next argument.
  Result bare = parse({"--build-id", "a.o"});
  EXPECT_EQ(bare.config.buildId, mld::BuildId::Fast);
  EXPECT_EQ(describe(bare.config.inputs), "file:a.o");
  EXPECT_EQ(parse({"--build-id=", "a.o"}).config.buildId, mld::BuildId::Fast);
  EXPECT_EQ(parse({"-build-id", "a.o"}).config.buildId, mld::BuildId::Fast);
  EXPECT_EQ(parse({"--build-id=sha1", "a.o"}).config.buildId, mld::BuildId::Sha1);
  Result hex = parse({"--build-id=0xdeadBEEF", "a.o"});
  EXPECT_EQ(hex.config.buildId, mld::BuildId::Hex);
  EXPECT_EQ(hex.config.buildIdHex, (std::vector<uint8_t>{0xde, 0xad, 0xbe, 0xef}));
  Result bad = parse({"--build-id=0xabc", "a.o"});
  EXPECT_FALSE(bad.ok);
  EXPECT_EQ(bad.err, "mld: error: invalid --build-id style: 0xabc\n");
}

TEST(Options, SymbolAndDynamicFlags) {
  Result r = parse({"-u",
                    "s1",
                    "--undefined=s2",
                    "-us3",
                    "-E",
                    "--export-dynamic-symbol=e1",
                    "-Bsymbolic",
                    "-Bsymbolic-functions",
                    "--version-script=v.map",
                    "--dynamic-list",
                    "d.list",
                    "--no-undefined",
                    "--no-allow-shlib-undefined",
                    "--allow-multiple-definition",
                    "--disable-new-dtags",
                    "-y",
                    "t1",
                    "--trace-symbol=t2",
                    "-t",
                    "--stats",
                    "--gc-sections",
                    "--print-gc-sections",
                    "-s",
                    "-S",
                    "--sysroot=/sys",
                    "--threads=3",
                    "a.o"});
  ASSERT_TRUE(r.ok) << r.err;
  const Config &c = r.config;
  EXPECT_EQ(c.undefinedSyms, (std::vector<std::string>{"s1", "s2", "s3"}));
  EXPECT_TRUE(c.exportDynamic);
  EXPECT_EQ(c.exportDynamicSyms, (std::vector<std::string>{"e1"}));
  EXPECT_FALSE(c.bsymbolic); // the later -Bsymbolic-functions replaces it
  EXPECT_TRUE(c.bsymbolicFunctions);
  EXPECT_EQ(c.versionScript, "v.map");
  EXPECT_EQ(c.dynamicLists, (std::vector<std::string>{"d.list"}));
  EXPECT_EQ(c.undefInObjects, Config::Unresolved::Report);
  EXPECT_EQ(c.undefInShlibs, Config::Unresolved::Report);
  EXPECT_TRUE(c.allowMultipleDefinition);
  EXPECT_FALSE(c.enableNewDtags);
  EXPECT_EQ(c.traceSymbols, (std::vector<std::string>{"t1", "t2"}));
  EXPECT_TRUE(c.trace);
  EXPECT_TRUE(c.stats);
  EXPECT_TRUE(c.gcSections);
  EXPECT_TRUE(c.printGcSections);
  EXPECT_TRUE(c.stripAll);
  EXPECT_TRUE(c.stripDebug);
  EXPECT_EQ(c.sysroot, "/sys");
  EXPECT_EQ(c.threads, 3);
  EXPECT_EQ(parse({"--no-threads", "a.o"}).config.threads, 1);
}

TEST(Options, CompatibilityOptionsAreAcceptedAndIgnored) {
  Result r = parse({"-nostdlib", "-O1", "-O", "2", "-x", "-X", "--discard-all", "--warn-common",
                    "--no-warn-mismatch", "--color-diagnostics", "--color-diagnostics=always",
                    "-rpath-link", "/x", "a.o"});
  ASSERT_TRUE(r.ok) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(describe(r.config.inputs), "file:a.o");
}

TEST(Options, RelocLogAndTimeTrace) {
  Result r = parse(
      {"--reloc-log=out.rlog", "--reloc-log-format=json", "--time-trace", "-o", "prog", "a.o"});
  ASSERT_TRUE(r.ok) << r.err;
  EXPECT_EQ(r.config.relocLogPath, "out.rlog");
  EXPECT_EQ(r.config.relocLogFormat, mld::LogFormat::Json);
  EXPECT_EQ(r.config.timeTracePath, "prog.time-trace");
  EXPECT_EQ(parse({"--time-trace=t.json", "a.o"}).config.timeTracePath, "t.json");
}

TEST(Options, ResponseFileWithGnuQuoting) {
  std::string inner = writeFile("inner.rsp", "-lfrom_inner\n");
  std::string rsp = writeFile("args.rsp", "a.o 'b c.o' \"d e.o\"\n  -o out\\ file 'it\\'s.o' @" +
                                              inner + " last.o\n");
  Result r = parse({"first.o", "@" + rsp, "z.o"});
  ASSERT_TRUE(r.ok) << r.err;
  EXPECT_EQ(describe(r.config.inputs), "file:first.o file:a.o file:b c.o file:d e.o "
                                       "file:it's.o lib:from_inner file:last.o file:z.o");
  EXPECT_EQ(r.config.outputPath, "out file");
}

TEST(Options, MissingResponseFileIsAnError) {
  Result r = parse({"a.o", "@nosuch.rsp"});
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.err, "mld: error: cannot open response file nosuch.rsp: No such file or directory\n");
}

TEST(Options, DirectoryAsResponseFileIsAnError) {
  std::string dir = std::filesystem::path(writeFile("x", "")).parent_path();
  EXPECT_EQ(parse({"a.o", "@" + dir}).err,
            "mld: error: cannot read response file " + dir + ": Is a directory\n");
}

TEST(Options, SelfIncludingResponseFileStops) {
  std::string path = writeFile("loop.rsp", "");
  std::ofstream(path) << "@" << path << "\n";
  Result r = parse({"@" + path});
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.err, "mld: error: response file nesting too deep: " + path + "\n");
}

TEST(Options, UnknownArgumentsAreReported) {
  Result r = parse({"--frobnicate", "a.o"});
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.err, "mld: error: unknown argument '--frobnicate'\n");
  // A flag letter with junk after it is not silently taken as the flag.
  EXPECT_EQ(parse({"-static-pie", "a.o"}).err, "mld: error: unknown argument '-static-pie'\n");
  EXPECT_EQ(parse({"-frob", "a.o"}).err, "mld: error: unknown argument '-frob'\n");
}

// An argument is quoted back as given, but a control byte in it (an escape
// sequence pasted into a build script) must not reach the terminal raw.
TEST(Options, ControlBytesInArgumentsAreEscaped) {
  EXPECT_EQ(parse({"--frob\x1b[2Jnicate", "a.o"}).err,
            "mld: error: unknown argument '--frob\\x1b[2Jnicate'\n");
  EXPECT_EQ(parse({"a.o", "--hash-style=\x07x"}).err.find('\x07'), std::string::npos);
  // Bytes >= 0x80 are UTF-8 and stay as they are.
  EXPECT_EQ(parse({"--caf\xc3\xa9", "a.o"}).err, "mld: error: unknown argument '--caf\xc3\xa9'\n");
}

TEST(Options, MissingArgumentNamesTheOptionAsWritten) {
  EXPECT_EQ(parse({"a.o", "-o"}).err, "mld: error: -o: missing argument\n");
  EXPECT_EQ(parse({"a.o", "--soname"}).err, "mld: error: --soname: missing argument\n");
  EXPECT_EQ(parse({"a.o", "-soname"}).err, "mld: error: -soname: missing argument\n");
  EXPECT_EQ(parse({"a.o", "-z"}).err, "mld: error: -z: missing argument\n");
  EXPECT_FALSE(parse({"a.o", "-l"}).ok);
  // An empty joined value is as missing as no value at all.
  EXPECT_EQ(parse({"a.o", "--soname="}).err, "mld: error: --soname: missing argument\n");
}

TEST(Options, FlagGivenAValueIsAnError) {
  Result r = parse({"--shared=yes", "a.o"});
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.err, "mld: error: --shared: option does not take a value\n");
}

TEST(Options, InvalidEnumeratedValues) {
  EXPECT_EQ(parse({"--reloc-log-format=yaml", "a.o"}).err,
            "mld: error: invalid --reloc-log-format: yaml (expected text or json)\n");
  EXPECT_EQ(parse({"--hash-style=fast", "a.o"}).err,
            "mld: error: invalid --hash-style: fast (expected sysv, gnu or both)\n");
  EXPECT_EQ(parse({"-m", "elf_i386", "a.o"}).err, "mld: error: unknown emulation: elf_i386\n");
  EXPECT_EQ(parse({"--threads=0", "a.o"}).err, "mld: error: invalid --threads: 0\n");
  EXPECT_TRUE(parse({"-melf_x86_64", "a.o"}).ok);
}

TEST(Options, NoInputFilesIsAnError) {
  Result r = parse({"-o", "x", "--as-needed"});
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.err, "mld: error: no input files\n");
}

TEST(Options, StrayGroupAndStateEndsAreErrors) {
  EXPECT_EQ(parse({"a.o", "--end-group"}).err, "mld: error: stray --end-group\n");
  EXPECT_EQ(parse({"a.o", "-)"}).err, "mld: error: stray --end-group\n");
  EXPECT_EQ(parse({"a.o", "--pop-state"}).err, "mld: error: stray --pop-state\n");
  EXPECT_EQ(parse({"--start-group", "-(", "a.o"}).err, "mld: error: nested --start-group\n");
}

TEST(Options, UnclosedGroupIsClosedWithAWarning) {
  Result r = parse({"--start-group", "-la", "-lb"});
  EXPECT_TRUE(r.ok);
  EXPECT_EQ(r.err, "mld: warning: missing --end-group; added at the end of the command line\n");
  EXPECT_EQ(describe(r.config.inputs), "( lib:a lib:b )");
}

TEST(Options, VersionAndHelpNeedNoInputs) {
  Result v = parse({"--version"});
  EXPECT_TRUE(v.ok);
  EXPECT_TRUE(v.config.printVersion);
  // --version stops even when there are inputs, as in GNU ld.
  EXPECT_TRUE(parse({"--version", "a.o"}).config.printVersion);
  Result small = parse({"-v"});
  EXPECT_TRUE(small.ok);
  EXPECT_TRUE(small.config.printVersion);
  EXPECT_TRUE(parse({"-V"}).config.printVersion);
  // -v with inputs prints the version and links.
  Result linking = parse({"-v", "a.o"});
  EXPECT_TRUE(linking.ok);
  EXPECT_FALSE(linking.config.printVersion);
  EXPECT_TRUE(linking.config.verbose);
  Result help = parse({"--help"});
  EXPECT_TRUE(help.ok);
  EXPECT_TRUE(help.config.printHelp);
}

TEST(Options, VersionStringSaysGnuCompatible) {
  EXPECT_NE(std::string(mld::versionString()).find("compatible with GNU linkers"),
            std::string::npos);
}

TEST(Options, HelpIsGroupedAndListsOptions) {
  std::ostringstream out;
  mld::printHelp(out);
  std::string text = out.str();
  EXPECT_EQ(text.rfind("Usage: mld [options] file...\n", 0), 0u);
  for (const char *needle : {"\nOutput:\n", "\nInputs and libraries:\n", "\nDynamic linking:\n",
                             "-o FILE, --output=FILE", "-soname", "--reloc-log-format=FORMAT",
                             "--build-id[=STYLE]", "\n-z keywords:\n"})
    EXPECT_NE(text.find(needle), std::string::npos) << needle;
  // Hidden compatibility options stay out of the help.
  EXPECT_EQ(text.find("rpath-link"), std::string::npos);
  EXPECT_NE(text.find("--plugin=PLUGIN"), std::string::npos);
}

TEST(Options, DoubleDashEndsOptions) {
  Result r = parse({"a.o", "--", "-weird.o"});
  ASSERT_TRUE(r.ok) << r.err;
  EXPECT_EQ(describe(r.config.inputs), "file:a.o file:-weird.o");
}

TEST(Options, ParseCommandLineSkipsProgramName) {
  std::vector<std::string> storage = {"mld", "-o", "p", "a.o"};
  std::vector<char *> argv;
  for (std::string &s : storage)
    argv.push_back(s.data());
  Config config;
  std::ostringstream err;
  ASSERT_TRUE(mld::parseCommandLine(static_cast<int>(argv.size()), argv.data(), config, err));
  EXPECT_EQ(describe(config.inputs), "file:a.o");
  EXPECT_EQ(config.outputPath, "p");
}

// --defsym's expression is reduced to one symbol plus an addend; what mld
// cannot evaluate is an error naming the option, never a silent guess.
TEST(Options, DefsymExpressions) {
  Result r = parse(
      {"a.o", "-defsym=a=b", "--defsym", "n=0x10", "--defsym=c = d + 8 - 2", "--defsym=m=-4+x"});
  ASSERT_TRUE(r.ok) << r.err;
  ASSERT_EQ(r.config.defsyms.size(), 4u);
  auto str = [](const mld::Defsym &d) {
    return d.name + "=" + d.target + "+" + std::to_string(d.addend);
  };
  EXPECT_EQ(str(r.config.defsyms[0]), "a=b+0");
  EXPECT_EQ(str(r.config.defsyms[1]), "n=+16");
  EXPECT_EQ(str(r.config.defsyms[2]), "c =d+6");
  EXPECT_EQ(str(r.config.defsyms[3]), "m=x+-4");
  for (const char *bad : {"--defsym=x", "--defsym=x=a*2", "--defsym=x=a+b", "--defsym=x=1-a",
                          "--defsym=x=a+", "--defsym==a"}) {
    Result b = parse({"a.o", bad});
    EXPECT_FALSE(b.ok) << bad;
    EXPECT_NE(b.err.find("mld: error: --defsym: cannot evaluate"), std::string::npos) << b.err;
  }
}

// Numbers in --defsym add up modulo 2^64, as in GNU ld (ld.bfd gives w = 1
// and v = 5 below); the sum overflowed a signed integer before (UBSan,
// found by fuzz-command-line).
TEST(Options, DefsymArithmeticWrapsAround) {
  Result r = parse({"a.o", "--defsym=w=0xffffffffffffffff+2",
                    "--defsym=v=0x8000000000000000+0x8000000000000000+5", "--defsym=u=x-1-1"});
  ASSERT_TRUE(r.ok) << r.err;
  ASSERT_EQ(r.config.defsyms.size(), 3u);
  EXPECT_EQ(r.config.defsyms[0].addend, 1);
  EXPECT_EQ(r.config.defsyms[1].addend, 5);
  EXPECT_EQ(r.config.defsyms[2].addend, -2);
}

// -Bsymbolic and -Bsymbolic-functions: the last one counts; -Bno-symbolic
// clears both. -z keywords that are DT_FLAGS_1 bits accumulate.
TEST(Options, SymbolicAndFlags1) {
  Result r = parse({"a.o", "-Bsymbolic", "-Bsymbolic-functions"});
  ASSERT_TRUE(r.ok) << r.err;
  EXPECT_FALSE(r.config.bsymbolic);
  EXPECT_TRUE(r.config.bsymbolicFunctions);
  r = parse({"a.o", "-Bsymbolic-functions", "-Bno-symbolic"});
  EXPECT_FALSE(r.config.bsymbolic || r.config.bsymbolicFunctions);
  r = parse({"a.o", "-z", "nodump", "-z", "initfirst", "-zstack-size=0x10000", "-P", "x",
             "--depaudit=y", "--audit", "z"});
  ASSERT_TRUE(r.ok) << r.err;
  EXPECT_EQ(r.config.zFlags1, 0x1000u | 0x20u); // DF_1_NODUMP | DF_1_INITFIRST
  EXPECT_EQ(r.config.zStackSize, 0x10000u);
  EXPECT_EQ(r.config.depaudit, (std::vector<std::string>{"x", "y"}));
  EXPECT_EQ(r.config.audit, (std::vector<std::string>{"z"}));
}

// -r/--relocatable/-i make an object (and, where they appear, turn dynamic
// linking off as -Bstatic does); -q/--emit-relocs keeps relocations.
TEST(Options, RelocatableAndEmitRelocs) {
  for (const char *spelling : {"-r", "--relocatable", "-i"}) {
    Result r = parse({"a.o", spelling, "-lfoo"});
    ASSERT_TRUE(r.ok) << spelling << ": " << r.err;
    EXPECT_TRUE(r.config.relocatable) << spelling;
    EXPECT_EQ(describe(r.config.inputs), "file:a.o static lib:foo") << spelling;
  }
  for (const char *spelling : {"-q", "--emit-relocs"}) {
    Result r = parse({spelling, "a.o"});
    ASSERT_TRUE(r.ok) << spelling;
    EXPECT_TRUE(r.config.emitRelocs) << spelling;
    EXPECT_FALSE(r.config.relocatable) << spelling;
  }
  EXPECT_EQ(parse({"-r", "-shared", "a.o"}).err,
            "mld: error: -r and -shared may not be used together\n");
  EXPECT_EQ(parse({"-r", "-pie", "a.o"}).err, "mld: error: -r and -pie may not be used together\n");
  EXPECT_EQ(parse({"-r", "--gc-sections", "a.o"}).err,
            "mld: error: --gc-sections is not supported with -r\n");
}

// GNU ld options for formats, layouts and targets mld does not make are
// refused by name; those that ask for what mld does anyway are accepted.
TEST(Options, OtherFormatsAndLayoutsAreRefusedByName) {
  EXPECT_EQ(parse({"-EB", "a.o"}).err, "mld: error: -EB (big-endian output) is not supported\n");
  EXPECT_EQ(parse({"-N", "a.o"}).err, "mld: error: -N (--omagic) is not supported\n");
  EXPECT_EQ(parse({"--nmagic", "a.o"}).err, "mld: error: -n (--nmagic) is not supported\n");
  EXPECT_EQ(parse({"--oformat=binary", "a.o"}).err,
            "mld: error: unsupported output format: binary\n");
  EXPECT_EQ(parse({"-b", "binary", "a.o"}).err, "mld: error: unsupported input format: binary\n");
  EXPECT_EQ(parse({"-A", "i386", "a.o"}).err, "mld: error: unsupported architecture: i386\n");
  EXPECT_EQ(parse({"-Tldata-segment=0x1000", "a.o"}).err,
            "mld: error: -Tldata-segment is not supported\n");
  EXPECT_EQ(parse({"--copy-dt-needed-entries", "a.o"}).err,
            "mld: error: --copy-dt-needed-entries is not supported\n");
  for (const char *ok : {"-EL", "--oformat=elf64-x86-64", "-belf64-x86-64", "-Ai386:x86-64",
                         "--no-copy-dt-needed-entries", "--no-warn-rwx-segments", "-Qy",
                         "--no-keep-memory", "--check-sections", "-g", "--warn-once"}) {
    Result r = parse({ok, "a.o"});
    EXPECT_TRUE(r.ok) << ok << ": " << r.err;
    EXPECT_EQ(r.err, "") << ok;
  }
}

TEST(Options, ScriptsRequiredNamesFiltersAndPrinting) {
  Result r = parse({"-Lsub", "-T", "t.ld", "a.o", "--script=u.ld", "-Y", "/y"});
  ASSERT_TRUE(r.ok) << r.err;
  // Not found in ./ nor in sub/: kept as written, to be reported when read.
  EXPECT_EQ(describe(r.config.inputs), "file:t.ld file:a.o file:u.ld");
  EXPECT_EQ(r.config.libraryPaths, (std::vector<std::string>{"sub", "/y"}));

  r = parse(
      {"--require-defined=f", "--require-defined", "g", "--ignore-unresolved-symbol=h", "a.o"});
  ASSERT_TRUE(r.ok) << r.err;
  EXPECT_EQ(r.config.undefinedSyms, (std::vector<std::string>{"f", "g"}));
  EXPECT_EQ(r.config.requiredSyms, (std::vector<std::string>{"f", "g"}));
  EXPECT_TRUE(r.config.ignoresUndefined("h"));
  EXPECT_FALSE(r.config.ignoresUndefined("f"));

  r = parse({"-F", "libf.so", "-f", "libaux.so", "--auxiliary=b", "-Bgroup", "a.o"});
  ASSERT_TRUE(r.ok) << r.err;
  EXPECT_EQ(r.config.filter, (std::vector<std::string>{"libf.so"}));
  EXPECT_EQ(r.config.auxiliary, (std::vector<std::string>{"libaux.so", "b"}));
  EXPECT_EQ(r.config.zFlags1, llvm::ELF::DF_1_GROUP);
  EXPECT_TRUE(r.config.reportObjectUndefs());

  r = parse({"--print-output-format"});
  EXPECT_TRUE(r.ok && r.config.printOutputFormat && r.config.printOnly) << r.err;
  r = parse({"--print-output-format", "a.o"});
  EXPECT_TRUE(r.ok && r.config.printOutputFormat && !r.config.printOnly) << r.err;

  EXPECT_EQ(parse({"-z", "execstack", "--warn-execstack", "a.o"}).err,
            "mld: warning: enabling an executable stack because of -z execstack command line "
            "option\n");
  EXPECT_EQ(parse({"-z", "execstack", "a.o"}).err, "");
  EXPECT_FALSE(parse({"--no-demangle", "a.o"}).config.demangle);
  EXPECT_TRUE(parse({"--demangle", "a.o"}).config.demangle);
}
