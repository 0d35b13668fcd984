// Linker-script parser: the stub scripts Debian installs as libc.so and
// libm.so parse into the right ordered inputs, and anything beyond the
// input-listing commands is refused with a line number.

#include "linker-script.h"

#include <gtest/gtest.h>

using mld::LinkerScript;
using mld::ScriptInput;

namespace {

// Debian 12's /usr/lib/x86_64-linux-gnu/libc.so, byte for byte.
const char kDebianLibcSo[] =
    "/* GNU ld script\n"
    "   Use the shared library, but some functions are only in\n"
    "   the static library, so try that secondarily.  */\n"
    "OUTPUT_FORMAT(elf64-x86-64)\n"
    "GROUP ( /lib/x86_64-linux-gnu/libc.so.6 /usr/lib/x86_64-linux-gnu/libc_nonshared.a  "
    "AS_NEEDED ( /lib64/ld-linux-x86-64.so.2 ) )\n";

// Debian 12's libm.so.
const char kDebianLibmSo[] = "/* GNU ld script\n"
                             "*/\n"
                             "OUTPUT_FORMAT(elf64-x86-64)\n"
                             "GROUP ( /lib/x86_64-linux-gnu/libm.so.6  AS_NEEDED ( "
                             "/lib/x86_64-linux-gnu/libmvec.so.1 ) )\n";

LinkerScript parseOk(std::string_view text) {
  std::string error;
  std::optional<LinkerScript> script = mld::parseLinkerScript(text, error);
  EXPECT_TRUE(script.has_value()) << error;
  EXPECT_EQ(error, "");
  return script.value_or(LinkerScript{});
}

std::string parseError(std::string_view text) {
  std::string error;
  std::optional<LinkerScript> script = mld::parseLinkerScript(text, error);
  EXPECT_FALSE(script.has_value());
  return error;
}

// "path" with flags: L = library, N = as-needed, G = in group.
std::string describe(const ScriptInput &in) {
  std::string flags =
      std::string(in.isLibrary ? "L" : "") + (in.asNeeded ? "N" : "") + (in.inGroup ? "G" : "");
  return in.path + (flags.empty() ? "" : "[" + flags + "]");
}

std::vector<std::string> describe(const LinkerScript &script) {
  std::vector<std::string> out;
  for (const ScriptInput &in : script.inputs)
    out.push_back(describe(in));
  return out;
}

} // namespace

TEST(LinkerScript, DebianLibcSoParsesIntoOrderedGroup) {
  LinkerScript script = parseOk(kDebianLibcSo);
  EXPECT_EQ(script.outputFormat, "elf64-x86-64");
  EXPECT_EQ(describe(script), (std::vector<std::string>{
                                  "/lib/x86_64-linux-gnu/libc.so.6[G]",
                                  "/usr/lib/x86_64-linux-gnu/libc_nonshared.a[G]",
                                  "/lib64/ld-linux-x86-64.so.2[NG]",
                              }));
  EXPECT_TRUE(mld::looksLikeLinkerScript(kDebianLibcSo));
}

TEST(LinkerScript, DebianLibmSoMarksLibmvecAsNeeded) {
  LinkerScript script = parseOk(kDebianLibmSo);
  EXPECT_EQ(describe(script), (std::vector<std::string>{
                                  "/lib/x86_64-linux-gnu/libm.so.6[G]",
                                  "/lib/x86_64-linux-gnu/libmvec.so.1[NG]",
                              }));
}

TEST(LinkerScript, InputWithCommasLibrariesAndOtherCommands) {
  LinkerScript script = parseOk("SEARCH_DIR(/opt/lib); SEARCH_DIR(\"/my dir\")\n"
                                "OUTPUT_FORMAT(\"elf64-x86-64\", \"elf64-x86-64\", "
                                "\"elf64-x86-64\")\n"
                                "OUTPUT_ARCH(i386:x86-64)\n"
                                "ENTRY(my_start)\n"
                                "INPUT(a.o, -lfoo,libstdc++.so.6 AS_NEEDED(-lbar, b.so))\n");
  EXPECT_EQ(script.searchDirs, (std::vector<std::string>{"/opt/lib", "/my dir"}));
  EXPECT_EQ(script.outputFormat, "elf64-x86-64");
  EXPECT_EQ(script.outputArch, "i386:x86-64");
  EXPECT_EQ(script.entry, "my_start");
  EXPECT_EQ(describe(script),
            (std::vector<std::string>{"a.o", "foo[L]", "libstdc++.so.6", "bar[LN]", "b.so[N]"}));
}

TEST(LinkerScript, CommentsAnywhereAndEmptyScript) {
  LinkerScript script = parseOk("GROUP(/*first*/ x.a /* multi\nline */ y.a)/*end*/");
  EXPECT_EQ(describe(script), (std::vector<std::string>{"x.a[G]", "y.a[G]"}));
  EXPECT_TRUE(parseOk("/* nothing */\n").inputs.empty());
}

TEST(LinkerScript, UnsupportedCommandsNameTheLine) {
  EXPECT_EQ(parseError("/* a\n b */\nOUTPUT_FORMAT(elf64-x86-64)\nSECTIONS\n{\n}\n"),
            "line 4: unsupported linker script command SECTIONS");
  EXPECT_EQ(parseError("MEMORY { }"), "line 1: unsupported linker script command MEMORY");
  EXPECT_EQ(parseError("\nfoo += 0x1000;"),
            "line 2: unsupported assignment operator '+=' (mld takes NAME = EXPR)");
  EXPECT_EQ(parseError("foo<<=1;"),
            "line 1: unsupported assignment operator '<<=' (mld takes NAME = EXPR)");
  EXPECT_EQ(parseError("\n. = 0x1000;"),
            "line 2: assignment to the location counter '.' is not supported outside SECTIONS");
  EXPECT_EQ(parseError("foo = bar * 2;"),
            "line 1: cannot evaluate 'foo = bar * 2' (mld takes NAME = SYMBOL, NUMBER or "
            "SYMBOL +- NUMBER)");
  EXPECT_EQ(parseError("foo = bar"), "line 1: expected ';' after 'foo = bar' (mld takes NAME = "
                                     "SYMBOL, NUMBER or SYMBOL +- NUMBER)");
  EXPECT_EQ(parseError("PROVIDE()"), "line 1: expected an assignment");
}

// NAME = EXPR; and PROVIDE / PROVIDE_HIDDEN / HIDDEN of one, with EXPR as
// --defsym takes it, spaces or not.
TEST(LinkerScript, SymbolAssignments) {
  LinkerScript script = parseOk("INPUT(a.o)\nbar = foo;\nnum=0x10+2;\n"
                                "PROVIDE(p = foo - 1);\nPROVIDE_HIDDEN ( ph = foo ) ;\n"
                                "HIDDEN(h = 5);");
  ASSERT_EQ(script.assignments.size(), 5u);
  auto describe = [](const mld::Defsym &d) {
    return d.name + "=" + d.target + "+" + std::to_string(d.addend) + (d.provide ? " P" : "") +
           (d.hidden ? " H" : "") + " @" + std::to_string(d.line);
  };
  std::vector<std::string> got;
  for (const mld::Defsym &d : script.assignments)
    got.push_back(describe(d));
  EXPECT_EQ(got, (std::vector<std::string>{"bar=foo+0 @2", "num=+18 @3", "p=foo+-1 P @4",
                                           "ph=foo+0 P H @5", "h=+5 H @6"}));
  EXPECT_EQ(script.inputs.size(), 1u);
  EXPECT_TRUE(mld::looksLikeLinkerScript("bar = foo;\n"));
  EXPECT_TRUE(mld::looksLikeLinkerScript(". = 0x1000;\n"));
  EXPECT_FALSE(mld::looksLikeLinkerScript(".text\n"));
}

TEST(LinkerScript, SyntaxErrorsNameTheLine) {
  EXPECT_EQ(parseError("GROUP ( a.o\nb.o\n"), "line 3: expected ')'");
  EXPECT_EQ(parseError("GROUP a.o"), "line 1: expected '('");
  EXPECT_EQ(parseError("INPUT(a.o AS_NEEDED b.o)"), "line 1: expected '('");
  EXPECT_EQ(parseError("\n\nENTRY(a b)"), "line 3: expected ')'");
  EXPECT_EQ(parseError("ENTRY()"), "line 1: expected a name");
  EXPECT_EQ(parseError("GROUP(a ( b)"), "line 1: unexpected '('");
  EXPECT_EQ(parseError(")"), "line 1: unexpected ')'");
  EXPECT_EQ(parseError("GROUP(a)\n/* open"), "line 2: unterminated comment");
  EXPECT_EQ(parseError("INPUT(\"a.o)"), "line 1: unterminated string");
}

TEST(LinkerScript, LooksLikeLinkerScriptRejectsBinaries) {
  EXPECT_FALSE(mld::looksLikeLinkerScript(std::string_view("\x7f"
                                                           "ELF\2\1\1\0",
                                                           8)));
  EXPECT_FALSE(mld::looksLikeLinkerScript("!<arch>\n"));
  EXPECT_FALSE(mld::looksLikeLinkerScript(""));
  EXPECT_FALSE(mld::looksLikeLinkerScript("#include <stdio.h>\n"));
  EXPECT_TRUE(mld::looksLikeLinkerScript("  /* c */ INPUT(a.o)"));
  EXPECT_TRUE(mld::looksLikeLinkerScript("/* only a comment */"));
}

TEST(LinkerScript, VersionBlockKeepsItsTextAndLines) {
  LinkerScript script = parseOk("INPUT(a.o)\nVERSION {\n  V1 { global: f; /* } */ };\n"
                                "  V2 { global: \"g}\"; } V1;\n}\nINPUT(b.o)\n");
  EXPECT_EQ(describe(script), (std::vector<std::string>{"a.o", "b.o"}));
  // Blank lines before the block keep the script's line numbers.
  EXPECT_EQ(script.versionText,
            "\n \n  V1 { global: f; /* } */ };\n  V2 { global: \"g}\"; } V1;\n");
  EXPECT_EQ(parseError("INPUT(a.o)\n\nVERSION { V1 { global: f; };\n"),
            "line 3: VERSION block has no closing '}'");
  EXPECT_EQ(parseError("VERSION V1"), "line 1: expected '{'");
}
