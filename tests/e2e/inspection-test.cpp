// Proves --trace lists the objects and only the pulled archive members, and -y SYM reports each
// reference and definition of SYM in GNU ld's wording (on the prepared archive-pull scenario).
#include "e2e-env.h"
#include "run.h"
#include "temp-dir.h"

#include <sstream>

#include <gtest/gtest.h>

using namespace mld::test;

namespace {

std::vector<std::string> lines(const std::string &text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    out.push_back(line);
  return out;
}

bool anyLineHas(const std::vector<std::string> &ls, const std::string &a,
                const std::string &b = "") {
  for (const std::string &l : ls)
    if (l.find(a) != std::string::npos && l.find(b) != std::string::npos)
      return true;
  return false;
}

RunResult linkArchivePull(const TempDir &tmp, const std::vector<std::string> &extra) {
  std::vector<std::string> argv = {linkerPath()};
  std::vector<std::string> args = runtimeLinkArgs(tmp / "prog", {"main.o", "-L.", "-lpick"});
  argv.insert(argv.end(), args.begin(), args.end());
  argv.insert(argv.end(), extra.begin(), extra.end());
  RunOptions opts;
  opts.cwd = preparedDir() + "/archive-pull";
  return run(argv, opts);
}

TEST(Inspection, TraceListsObjectsAndOnlyPulledMembers) {
  TempDir tmp;
  RunResult r = linkArchivePull(tmp, {"--trace"});
  ASSERT_TRUE(r.exitedWith(0)) << r.describe();
  std::vector<std::string> ls = lines(r.out + r.err);
  EXPECT_TRUE(anyLineHas(ls, "crt1.o")) << r.out;
  EXPECT_TRUE(anyLineHas(ls, "main.o")) << r.out;
  EXPECT_TRUE(anyLineHas(ls, "libpick.a(used.o)")) << r.out;
  EXPECT_TRUE(anyLineHas(ls, "libpick.a(helper.o)")) << r.out;
  EXPECT_FALSE(anyLineHas(ls, "unused.o")) << "a member that was not pulled is traced:\n" << r.out;
}

TEST(Inspection, TraceSymbolShowsReferenceAndDefinition) {
  TempDir tmp;
  RunResult r = linkArchivePull(tmp, {"-y", "used_function"});
  ASSERT_TRUE(r.exitedWith(0)) << r.describe();
  std::vector<std::string> ls = lines(r.out + r.err);
  EXPECT_TRUE(anyLineHas(ls, "main.o: reference to used_function")) << r.out << r.err;
  EXPECT_TRUE(anyLineHas(ls, "libpick.a(used.o): definition of used_function")) << r.out << r.err;
  EXPECT_FALSE(anyLineHas(ls, "helper_value")) << "-y reported a symbol it was not asked about";
}

} // namespace
