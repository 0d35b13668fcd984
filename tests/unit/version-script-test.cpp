// Version scripts and dynamic lists: the parser accepts what GNU ld and lld
// accept (comments, quoted names, extern "C++", node dependencies) and names
// the line of every syntax error; the matcher applies lld's precedence (exact
// names, then wildcards from the last node, then `*`), C++ patterns included.

#include "version-script.h"

#include <gtest/gtest.h>

using mld::VersionMatch;
using mld::VersionMatcher;
using mld::VersionNode;
using mld::VersionPattern;
using mld::VersionScript;

namespace {

VersionScript parseOk(std::string_view text) {
  std::string error;
  std::optional<VersionScript> script = mld::parseVersionScript(text, error);
  EXPECT_TRUE(script.has_value()) << error;
  EXPECT_EQ(error, "");
  return script.value_or(VersionScript{});
}

std::string parseError(std::string_view text) {
  std::string error;
  std::optional<VersionScript> script = mld::parseVersionScript(text, error);
  EXPECT_FALSE(script.has_value());
  return error;
}

std::vector<VersionPattern> dynamicListOk(std::string_view text) {
  std::string error;
  std::optional<std::vector<VersionPattern>> list = mld::parseDynamicList(text, error);
  EXPECT_TRUE(list.has_value()) << error;
  return list.value_or(std::vector<VersionPattern>{});
}

std::string dynamicListError(std::string_view text) {
  std::string error;
  std::optional<std::vector<VersionPattern>> list = mld::parseDynamicList(text, error);
  EXPECT_FALSE(list.has_value());
  return error;
}

// "pattern" with flags: W = wildcard, C = extern "C++".
std::vector<std::string> describe(const std::vector<VersionPattern> &pats) {
  std::vector<std::string> out;
  for (const VersionPattern &p : pats) {
    std::string flags = std::string(p.hasWildcard ? "W" : "") + (p.isCxx ? "C" : "");
    out.push_back(p.pattern + (flags.empty() ? "" : "[" + flags + "]"));
  }
  return out;
}

// "local" / "global@<node index>" / "none": one decision, readable in failures.
std::string decide(const VersionMatcher &m, std::string_view name) {
  VersionMatch r = m.match(name);
  if (r.nodeIndex < 0)
    return r.isLocal ? "local@none?" : "none";
  return std::string(r.isLocal ? "local@" : "global@") + std::to_string(r.nodeIndex);
}

using Strings = std::vector<std::string>;

} // namespace

// ---------------------------------------------------------------- parsing

TEST(VersionScriptParse, AnonymousNodeHoldsGlobalsAndLocals) {
  VersionScript s = parseOk("{ global: foo; bar*; local: *; };");
  ASSERT_EQ(s.nodes.size(), 1u);
  const VersionNode &n = s.nodes[0];
  EXPECT_EQ(n.name, "");
  EXPECT_EQ(describe(n.globals), (Strings{"foo", "bar*[W]"}));
  EXPECT_EQ(describe(n.locals), (Strings{"*[W]"}));
  EXPECT_TRUE(n.parents.empty());
}

TEST(VersionScriptParse, PatternsBeforeAnyLabelAreGlobal) {
  VersionScript s = parseOk("{ foo; bar; };");
  ASSERT_EQ(s.nodes.size(), 1u);
  EXPECT_EQ(describe(s.nodes[0].globals), (Strings{"foo", "bar"}));
  EXPECT_TRUE(s.nodes[0].locals.empty());
}

TEST(VersionScriptParse, NamedNodesKeepFileOrderAndParents) {
  VersionScript s = parseOk("LIBX_1.0 { global: a; local: *; };\n"
                            "LIBX_2.0 { b; } LIBX_1.0;\n"
                            "LIBX_3.0 { c*; } LIBX_2.0 LIBX_1.0;\n"
                            "LIBX_EMPTY { };\n");
  ASSERT_EQ(s.nodes.size(), 4u);
  EXPECT_EQ(s.nodes[0].name, "LIBX_1.0");
  EXPECT_EQ(s.nodes[1].name, "LIBX_2.0");
  EXPECT_EQ(s.nodes[2].name, "LIBX_3.0");
  EXPECT_EQ(s.nodes[3].name, "LIBX_EMPTY");
  EXPECT_EQ(s.nodes[1].line, 2);
  EXPECT_TRUE(s.nodes[0].parents.empty());
  EXPECT_EQ(s.nodes[1].parents, (Strings{"LIBX_1.0"}));
  EXPECT_EQ(s.nodes[2].parents, (Strings{"LIBX_2.0", "LIBX_1.0"}));
  EXPECT_EQ(describe(s.nodes[2].globals), (Strings{"c*[W]"}));
  EXPECT_TRUE(s.nodes[3].globals.empty());
}

TEST(VersionScriptParse, LabelsMayRepeatAndBeSpacedFromTheirColon) {
  VersionScript s = parseOk("V1 { local: l1; global : g1; local\n: l2; global: g2; };");
  ASSERT_EQ(s.nodes.size(), 1u);
  EXPECT_EQ(describe(s.nodes[0].globals), (Strings{"g1", "g2"}));
  EXPECT_EQ(describe(s.nodes[0].locals), (Strings{"l1", "l2"}));
}

TEST(VersionScriptParse, GlobalWithoutColonIsASymbolName) {
  VersionScript s = parseOk("{ global; local; extern; };");
  EXPECT_EQ(describe(s.nodes[0].globals), (Strings{"global", "local", "extern"}));
}

TEST(VersionScriptParse, ExternBlocksMarkCxxPatterns) {
  VersionScript s = parseOk("V1 {\n"
                            "  global:\n"
                            "    extern \"C++\" {\n"
                            "      ns::foo*; \"ns::bar(int)\"; std::vector<int>*; };\n"
                            "    extern \"C\" { cfunc; c_* };\n"
                            "  local:\n"
                            "    extern \"C++\" { detail::* };\n"
                            "    *;\n"
                            "};");
  ASSERT_EQ(s.nodes.size(), 1u);
  EXPECT_EQ(describe(s.nodes[0].globals), (Strings{"ns::foo*[WC]", "ns::bar(int)[C]",
                                                   "std::vector<int>*[WC]", "cfunc", "c_*[W]"}));
  EXPECT_EQ(describe(s.nodes[0].locals), (Strings{"detail::*[WC]", "*[W]"}));
}

TEST(VersionScriptParse, CommentsAreSkippedAndLinesStillCounted) {
  VersionScript s = parseOk("# leading comment { not a node }\n"
                            "/* block\n   comment; */ V1 { /* inline */ foo; # bar;\n"
                            "  baz; };\n");
  ASSERT_EQ(s.nodes.size(), 1u);
  EXPECT_EQ(s.nodes[0].line, 3);
  EXPECT_EQ(describe(s.nodes[0].globals), (Strings{"foo", "baz"}));
  // The comment spans lines 2-3, so the missing ';' is reported on line 5.
  EXPECT_EQ(parseError("# one\n/* two\n three */\nV1 { foo; }\n"), "line 4: missing ';' after '}'");
}

TEST(VersionScriptParse, QuotedNamesAreLiteralAndHaveNoWildcard) {
  VersionScript s = parseOk("{ \"foo bar\"; \"foo*\"; \"a;b\"; };");
  EXPECT_EQ(describe(s.nodes[0].globals), (Strings{"foo bar", "foo*", "a;b"}));
}

TEST(VersionScriptParse, BackslashMakesAMetacharacterLiteral) {
  VersionScript s = parseOk("{ foo\\*; bar\\?x*; };");
  // An escaped name with no real wildcard is stored as the symbol it names.
  EXPECT_EQ(describe(s.nodes[0].globals), (Strings{"foo*", "bar\\?x*[W]"}));
}

TEST(VersionScriptParse, EmptyStatementsAreIgnored) {
  VersionScript s = parseOk("{ ; foo;; };");
  EXPECT_EQ(describe(s.nodes[0].globals), (Strings{"foo"}));
}

// ---------------------------------------------------------------- errors

TEST(VersionScriptParse, EmptyInputIsAnError) {
  EXPECT_EQ(parseError(""), "line 1: empty version script");
  EXPECT_EQ(parseError("  \n# only a comment\n/* and another */\n"),
            "line 4: empty version script");
}

TEST(VersionScriptParse, UnclosedNodeNamesItsOpeningLine) {
  EXPECT_EQ(parseError("V1 {\n  foo;\n"), "line 3: missing '}' for the '{' on line 1");
  EXPECT_EQ(parseError("V1 {\n extern \"C++\" {\n  a;\n"),
            "line 4: missing '}' for the '{' on line 2");
}

TEST(VersionScriptParse, StrayClosingBraceIsAnError) {
  EXPECT_EQ(parseError("V1 { foo; };\n};"), "line 2: expected a version node, got '}'");
}

TEST(VersionScriptParse, NestedBraceIsAnError) {
  EXPECT_EQ(parseError("V1 {\n { foo; }; };"), "line 2: unexpected '{'");
}

TEST(VersionScriptParse, MissingSemicolonAfterPatternIsAnError) {
  EXPECT_EQ(parseError("V1 {\n  foo\n  bar;\n};"), "line 2: missing ';' after 'foo'");
  EXPECT_EQ(parseError("{ global: foo };"), "line 1: missing ';' after 'foo'");
  EXPECT_EQ(parseError("{ \"a b\" };"), "line 1: missing ';' after \"a b\"");
}

TEST(VersionScriptParse, MissingSemicolonAfterNodeIsAnError) {
  EXPECT_EQ(parseError("V1 { foo; }\nV2 { bar; };"), "line 1: missing ';' after '}'");
  EXPECT_EQ(parseError("V1 { foo; }"), "line 1: missing ';' after '}'");
  EXPECT_EQ(parseError("V1 { a; };\nV2 { b; } V1"), "line 2: missing ';' after 'V1'");
}

TEST(VersionScriptParse, MissingSemicolonInsideExternIsAnError) {
  EXPECT_EQ(parseError("{ extern \"C++\" { a b }; };"), "line 1: missing ';' after 'a'");
  EXPECT_EQ(parseError("{ extern \"C++\" { a; }\n};"), "line 1: missing ';' after '}'");
}

TEST(VersionScriptParse, UnknownExternLanguageIsAnError) {
  EXPECT_EQ(parseError("V1 {\n extern \"Java\" { foo; };\n};"),
            "line 2: unsupported language in extern: \"Java\"");
  EXPECT_EQ(parseError("{ extern { foo; }; };"),
            "line 1: expected a language after 'extern', got '{'");
  EXPECT_EQ(parseError("{ extern \"C\" foo; };"),
            "line 1: expected '{' after extern \"C\", got 'foo'");
  EXPECT_EQ(parseError("{ extern \"C++\" { local: x; }; };"), "line 1: missing ';' after 'local'");
}

TEST(VersionScriptParse, UnterminatedCommentOrStringIsAnError) {
  EXPECT_EQ(parseError("V1 { foo; };\n/* never closed"), "line 2: unterminated comment");
  EXPECT_EQ(parseError("V1 {\n \"foo;\n};"), "line 2: unterminated string");
}

TEST(VersionScriptParse, NodeNameWithoutBraceIsAnError) {
  EXPECT_EQ(parseError("V1 foo;"), "line 1: expected '{' after version name 'V1', got 'foo'");
  EXPECT_EQ(parseError("V1"), "line 1: expected '{' after version name 'V1', got end of file");
  EXPECT_EQ(parseError("{ global: ;\n : y; };"), "line 2: unexpected ':'");
}

TEST(VersionScriptParse, AnonymousNodeMustBeAlone) {
  EXPECT_EQ(parseError("{ a; };\nV1 { b; };"),
            "line 2: an anonymous version node must be the only node");
  EXPECT_EQ(parseError("V1 { b; };\n{ a; };"),
            "line 2: an anonymous version node must be the only node");
}

TEST(VersionScriptParse, DuplicateNodeIsAnError) {
  EXPECT_EQ(parseError("V1 { a; };\nV1 { b; };"), "line 2: duplicate version node 'V1'");
}

TEST(VersionScriptParse, DependencyMustBeDefinedEarlier) {
  EXPECT_EQ(parseError("V2 { a; } V1;\nV1 { b; };"),
            "line 1: version node 'V2' depends on undefined version 'V1'");
  EXPECT_EQ(parseError("V1 { a; } V1;"),
            "line 1: version node 'V1' depends on undefined version 'V1'");
  EXPECT_EQ(parseError("{ a; } V1;"), "line 1: an anonymous version node cannot have dependencies");
}

// ---------------------------------------------------------------- dynamic lists

TEST(DynamicList, PlainAndCxxPatternsAreCollected) {
  std::vector<VersionPattern> list =
      dynamicListOk("# exported on purpose\n"
                    "{\n  foo;\n  bar*;\n  extern \"C++\" { ns::f*; \"ns::g()\"; };\n};\n");
  EXPECT_EQ(describe(list), (Strings{"foo", "bar*[W]", "ns::f*[WC]", "ns::g()[C]"}));
}

TEST(DynamicList, SeveralBlocksAndAGlobalLabelAreAccepted) {
  std::vector<VersionPattern> list = dynamicListOk("{ a; };\n{ global: b; };");
  EXPECT_EQ(describe(list), (Strings{"a", "b"}));
}

TEST(DynamicList, LocalLabelIsRefused) {
  EXPECT_EQ(dynamicListError("{\n a;\n local: *;\n};"),
            "line 3: 'local:' is not allowed in a dynamic list");
}

TEST(DynamicList, SyntaxErrorsNameTheLine) {
  EXPECT_EQ(dynamicListError("/* nothing */"), "line 1: empty dynamic list");
  EXPECT_EQ(dynamicListError("foo;"), "line 1: expected '{', got 'foo'");
  EXPECT_EQ(dynamicListError("{ foo; }"), "line 1: missing ';' after '}'");
  EXPECT_EQ(dynamicListError("{\n foo\n};"), "line 2: missing ';' after 'foo'");
  EXPECT_EQ(dynamicListError("{ foo;\n"), "line 2: missing '}' for the '{' on line 1");
}

TEST(DynamicList, MatchesAnyUsesGlobsExactNamesAndDemangledNames) {
  std::vector<VersionPattern> list =
      dynamicListOk("{ foo; bar*; extern \"C++\" { ns::f*; \"ns::g()\"; }; };");
  EXPECT_TRUE(mld::matchesAny(list, "foo"));
  EXPECT_FALSE(mld::matchesAny(list, "foo2"));
  EXPECT_TRUE(mld::matchesAny(list, "bar"));
  EXPECT_TRUE(mld::matchesAny(list, "barista"));
  EXPECT_TRUE(mld::matchesAny(list, "_ZN2ns1fEv"));   // ns::f()
  EXPECT_TRUE(mld::matchesAny(list, "_ZN2ns1gEv"));   // ns::g()
  EXPECT_FALSE(mld::matchesAny(list, "_ZN2ns1gEi"));  // ns::g(int)
  EXPECT_FALSE(mld::matchesAny(list, "_ZN3ns21fEv")); // ns2::f()
  EXPECT_FALSE(mld::matchesAny({}, "foo"));
}

// ---------------------------------------------------------------- globs

TEST(Glob, StarAndQuestionMarkMatchAnyCharacters) {
  EXPECT_TRUE(mld::globMatch("*", ""));
  EXPECT_TRUE(mld::globMatch("*", "anything"));
  EXPECT_TRUE(mld::globMatch("foo*", "foo"));
  EXPECT_TRUE(mld::globMatch("foo*", "foobar"));
  EXPECT_FALSE(mld::globMatch("foo*", "fo"));
  EXPECT_TRUE(mld::globMatch("*bar", "foobar"));
  EXPECT_FALSE(mld::globMatch("*bar", "barfoo"));
  EXPECT_TRUE(mld::globMatch("f?o", "fxo"));
  EXPECT_FALSE(mld::globMatch("f?o", "fo"));
  EXPECT_TRUE(mld::globMatch("*a*b", "xxaYYaZb"));
  EXPECT_FALSE(mld::globMatch("*a*b", "xxaYYaZ"));
  EXPECT_TRUE(mld::globMatch("a**b", "ab"));
  EXPECT_FALSE(mld::globMatch("", "a"));
  EXPECT_TRUE(mld::globMatch("", ""));
}

TEST(Glob, BracketClassesSupportRangesAndNegation) {
  EXPECT_TRUE(mld::globMatch("v[0-9]", "v7"));
  EXPECT_FALSE(mld::globMatch("v[0-9]", "vx"));
  EXPECT_TRUE(mld::globMatch("v[abc]_*", "vb_x"));
  EXPECT_FALSE(mld::globMatch("v[abc]_*", "vd_x"));
  EXPECT_TRUE(mld::globMatch("v[!0-9]", "vx"));
  EXPECT_FALSE(mld::globMatch("v[!0-9]", "v3"));
  EXPECT_TRUE(mld::globMatch("v[^0-9]", "vx"));
  EXPECT_FALSE(mld::globMatch("v[^0-9]", "v3"));
  EXPECT_TRUE(mld::globMatch("[]x]", "]")); // ']' first is literal
  EXPECT_TRUE(mld::globMatch("[a-]", "-")); // '-' last is literal
  EXPECT_TRUE(mld::globMatch("*[0-9][0-9]", "abc42"));
  EXPECT_FALSE(mld::globMatch("*[0-9][0-9]", "abc4x"));
}

TEST(Glob, UnclosedBracketAndBackslashAreLiteral) {
  EXPECT_TRUE(mld::globMatch("a[b", "a[b"));
  EXPECT_FALSE(mld::globMatch("a[b", "ab"));
  EXPECT_TRUE(mld::globMatch("foo\\*", "foo*"));
  EXPECT_FALSE(mld::globMatch("foo\\*", "foox"));
  EXPECT_TRUE(mld::globMatch("[\\]]", "]"));
}

// ---------------------------------------------------------------- matching

TEST(VersionMatch, ExactNameBeatsWildcardWhereverItIs) {
  VersionMatcher m(parseOk("V1 { global: foo_exact; local: *; };\n"
                           "V2 { global: foo_*; };\n"));
  EXPECT_EQ(decide(m, "foo_exact"), "global@0");
  EXPECT_EQ(decide(m, "foo_other"), "global@1");
  // And an exact local beats a global wildcard.
  VersionMatcher m2(parseOk("V1 { global: api_*; local: api_internal; };"));
  EXPECT_EQ(decide(m2, "api_internal"), "local@0");
  EXPECT_EQ(decide(m2, "api_public"), "global@0");
}

TEST(VersionMatch, FirstExactNameInFileOrderWins) {
  VersionMatcher m(parseOk("V1 { dup; };\nV2 { dup; };\nV3 { local: dup; };"));
  EXPECT_EQ(decide(m, "dup"), "global@0");
  VersionMatcher m2(parseOk("V1 { global: x; local: x; };"));
  EXPECT_EQ(decide(m2, "x"), "global@0");
}

TEST(VersionMatch, LastNodeWinsAmongWildcards) {
  VersionMatcher m(parseOk("V1 { foo*; };\nV2 { fo*; };\nV3 { bar*; };"));
  EXPECT_EQ(decide(m, "foobar"), "global@1");
  EXPECT_EQ(decide(m, "fox"), "global@1");
  EXPECT_EQ(decide(m, "barn"), "global@2");
}

TEST(VersionMatch, GlobalWildcardBeatsLocalWildcardInTheSameNode) {
  VersionMatcher m(parseOk("V1 { global: pub_*; local: p*; };"));
  EXPECT_EQ(decide(m, "pub_api"), "global@0");
  EXPECT_EQ(decide(m, "priv"), "local@0");
}

TEST(VersionMatch, LocalStarCatchesOnlyWhatNothingElseMatched) {
  VersionMatcher m(parseOk("{ global: init; run_*; local: *; };"));
  EXPECT_EQ(decide(m, "init"), "global@0");
  EXPECT_EQ(decide(m, "run_fast"), "global@0");
  EXPECT_EQ(decide(m, "helper"), "local@0");
}

TEST(VersionMatch, BareStarComesAfterEveryOtherWildcard) {
  // The `local: *` sits in the last node, which would win among wildcards if
  // `*` were an ordinary one; it is tried last instead.
  VersionMatcher m(parseOk("V1 { global: lib_*; };\nV2 { global: v2_only; local: *; };"));
  EXPECT_EQ(decide(m, "lib_open"), "global@0");
  EXPECT_EQ(decide(m, "v2_only"), "global@1");
  EXPECT_EQ(decide(m, "other"), "local@1");
  // Between two bare stars the later node wins.
  VersionMatcher m2(parseOk("V1 { global: *; };\nV2 { local: *; };"));
  EXPECT_EQ(decide(m2, "anything"), "local@1");
}

TEST(VersionMatch, UnmatchedSymbolStaysGlobalWithoutAVersion) {
  VersionScript s = parseOk("V1 { foo; };");
  VersionMatcher m(s);
  VersionMatch r = m.match("bar");
  EXPECT_FALSE(r.isLocal);
  EXPECT_EQ(r.nodeIndex, -1);
  EXPECT_EQ(mld::versionIndexOf(s, r), 1); // VER_NDX_GLOBAL
}

TEST(VersionMatch, VersionIndexFollowsNodeOrder) {
  VersionScript s = parseOk("A { a; };\nB { b; local: hidden; } A;\nC { c; } B;");
  VersionMatcher m(s);
  EXPECT_EQ(mld::versionIndexOf(s, m.match("a")), 2);
  EXPECT_EQ(mld::versionIndexOf(s, m.match("b")), 3);
  EXPECT_EQ(mld::versionIndexOf(s, m.match("c")), 4);
  EXPECT_EQ(mld::versionIndexOf(s, m.match("hidden")), 0); // VER_NDX_LOCAL
  VersionScript anon = parseOk("{ a; local: *; };");
  VersionMatcher ma(anon);
  EXPECT_EQ(mld::versionIndexOf(anon, ma.match("a")), 1);
  EXPECT_EQ(mld::versionIndexOf(anon, ma.match("b")), 0);
}

TEST(VersionMatch, CxxPatternsMatchTheDemangledName) {
  VersionMatcher m(parseOk("V1 { extern \"C++\" { ns::foo*; \"ns::bar(int)\"; }; local: *; };"));
  EXPECT_EQ(decide(m, "_ZN2ns3fooEv"), "global@0");    // ns::foo()
  EXPECT_EQ(decide(m, "_ZN2ns6foobarEi"), "global@0"); // ns::foobar(int)
  EXPECT_EQ(decide(m, "_ZN2ns3barEi"), "global@0");    // ns::bar(int)
  EXPECT_EQ(decide(m, "_ZN2ns3barEv"), "local@0");     // ns::bar()
  EXPECT_EQ(decide(m, "_ZN5other3fooEv"), "local@0");  // other::foo()
  // The mangled spelling is not what C++ patterns see.
  VersionMatcher m2(parseOk("V1 { extern \"C++\" { _ZN2ns*; }; };"));
  EXPECT_EQ(decide(m2, "_ZN2ns3fooEv"), "none");
}

TEST(VersionMatch, CPatternsMatchTheMangledName) {
  VersionMatcher m(parseOk("V1 { _ZN2ns*; ns::foo*; };"));
  EXPECT_EQ(decide(m, "_ZN2ns3fooEv"), "global@0");
  EXPECT_EQ(decide(m, "_ZN5other3fooEv"), "none");
}

TEST(VersionMatch, CxxPatternSeesAPlainCNameUnchanged) {
  VersionMatcher m(parseOk("V1 { extern \"C++\" { main; helper*; }; };"));
  EXPECT_EQ(decide(m, "main"), "global@0");
  EXPECT_EQ(decide(m, "helper_x"), "global@0");
  EXPECT_EQ(decide(m, "_Znot_mangled"), "none"); // demangling fails: name kept
}

TEST(VersionMatch, CxxAndCExactNamesShareFileOrder) {
  VersionMatcher m(parseOk("V1 { extern \"C++\" { \"ns::foo()\"; }; };\nV2 { _ZN2ns3fooEv; };"));
  EXPECT_EQ(decide(m, "_ZN2ns3fooEv"), "global@0");
  VersionMatcher m2(parseOk("V1 { _ZN2ns3fooEv; };\nV2 { extern \"C++\" { \"ns::foo()\"; }; };"));
  EXPECT_EQ(decide(m2, "_ZN2ns3fooEv"), "global@0");
  VersionMatcher m3(
      parseOk("V1 { local: _ZN2ns3fooEv; };\nV2 { extern \"C++\" { \"ns::foo()\"; }; };"));
  EXPECT_EQ(decide(m3, "_ZN2ns3fooEv"), "local@0");
}

TEST(VersionMatch, QuotedAndEscapedNamesMatchLiterally) {
  VersionMatcher m(parseOk("V1 { \"star*\"; esc\\?; };\nV2 { s*; e*; };"));
  EXPECT_EQ(decide(m, "star*"), "global@0");
  EXPECT_EQ(decide(m, "starry"), "global@1");
  EXPECT_EQ(decide(m, "esc?"), "global@0");
  EXPECT_EQ(decide(m, "escX"), "global@1");
}

TEST(VersionMatch, MatcherOutlivesTheScriptItWasBuiltFrom) {
  std::optional<VersionMatcher> m;
  {
    VersionScript s = parseOk("V1 { keep; k*; local: *; };");
    m.emplace(s);
  }
  VersionMatcher moved = std::move(*m);
  EXPECT_EQ(decide(moved, "keep"), "global@0");
  EXPECT_EQ(decide(moved, "kx"), "global@0");
  EXPECT_EQ(decide(moved, "z"), "local@0");
}

TEST(VersionMatch, ThousandsOfSymbolsAgainstHundredsOfPatterns) {
  // 300 nodes, each with 5 exact names and 1 wildcard, plus `local: *` in the
  // last one; 20000 lookups must all land where the rules say.
  std::string text;
  for (int i = 0; i < 300; ++i) {
    text += "V" + std::to_string(i) + " {";
    for (int j = 0; j < 5; ++j)
      text += " exact_" + std::to_string(i) + "_" + std::to_string(j) + ";";
    text += " wild_" + std::to_string(i) + "_*;";
    if (i == 299)
      text += " local: *;";
    text += " };\n";
  }
  VersionScript s = parseOk(text);
  ASSERT_EQ(s.nodes.size(), 300u);
  VersionMatcher m(s);
  for (int k = 0; k < 20000; ++k) {
    int i = k % 300;
    std::string exact = "exact_" + std::to_string(i) + "_" + std::to_string(k % 5);
    std::string wild = "wild_" + std::to_string(i) + "_" + std::to_string(k);
    VersionMatch re = m.match(exact);
    VersionMatch rw = m.match(wild);
    ASSERT_EQ(re.nodeIndex, i) << exact;
    ASSERT_FALSE(re.isLocal);
    ASSERT_EQ(rw.nodeIndex, i) << wild;
    ASSERT_FALSE(rw.isLocal);
  }
  VersionMatch r = m.match("unlisted");
  EXPECT_TRUE(r.isLocal);
  EXPECT_EQ(r.nodeIndex, 299);
}

TEST(VersionMatch, MixedScriptGivesTheVersionsLldAndBfdGive) {
  // Expected values were read back (readelf -V) from ld.lld 14 and GNU ld
  // 2.40 linking a .so of these nine symbols with this script; they agree.
  VersionMatcher m(parseOk("V1 { global: foo*; pub_*; lib_*; local: p*; };\n"
                           "V2 { global: fo*; v2_only;\n"
                           "     extern \"C++\" { ns::foo*; }; local: *; };\n"));
  EXPECT_EQ(decide(m, "foobar"), "global@1");
  EXPECT_EQ(decide(m, "fox"), "global@1");
  EXPECT_EQ(decide(m, "pub_api"), "global@0");
  EXPECT_EQ(decide(m, "lib_open"), "global@0");
  EXPECT_EQ(decide(m, "v2_only"), "global@1");
  EXPECT_EQ(decide(m, "_ZN2ns3fooEv"), "global@1");
  EXPECT_EQ(decide(m, "priv"), "local@0");
  EXPECT_EQ(decide(m, "other"), "local@1");
  EXPECT_EQ(decide(m, "_ZN2ns3barEv"), "local@1");
}
