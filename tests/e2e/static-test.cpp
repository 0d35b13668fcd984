// Proves each testdata/static program linked by mld runs as expected.out says and as ld.bfd's link
// of it does, and that the file is sound (readers, layout, symbols, .eh_frame, map, reloc log).
#include "e2e-env.h"
#include "elf-inspect.h"
#include "json-record.h"
#include "layout-checks.h"
#include "run.h"
#include "scenario.h"
#include "temp-dir.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <gtest/gtest.h>
#include <llvm/ADT/StringRef.h>
#include <llvm/BinaryFormat/ELF.h>

namespace fs = std::filesystem;
using namespace mld::test;

namespace {

std::string readFile(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string joinLines(const std::vector<std::string> &lines) {
  std::string s;
  for (const std::string &l : lines)
    s += l + "\n";
  return s;
}

class StaticLink : public ::testing::TestWithParam<std::string> {
protected:
  void SetUp() override {
    std::string error;
    std::optional<Scenario> parsed = loadPreparedScenario(GetParam(), prepared, error);
    ASSERT_TRUE(parsed) << error;
    scenario = *parsed;
    for (const char *f : {"/crt1.o", "/libmldc.a"})
      ASSERT_TRUE(fs::exists(runtimeDir() + f)) << "runtime file missing: " << runtimeDir() + f;
    expected = readFile(scenario.dir + "/expected.out");
  }

  // Links the scenario with `linker` into DIR/prog (DIR made fresh under the
  // temp dir), running in the prepared directory so relative -L paths work.
  RunResult link(const std::string &linker, const std::string &dir,
                 const std::vector<std::string> &extra = {}) {
    fs::create_directories(tmp / dir);
    std::vector<std::string> argv = {linker};
    std::vector<std::string> args = runtimeLinkArgs(tmp / (dir + "/prog"), scenario.linkArgs);
    argv.insert(argv.end(), args.begin(), args.end());
    argv.insert(argv.end(), extra.begin(), extra.end());
    lastCommand = joinArgs(argv);
    RunOptions opts;
    opts.cwd = prepared;
    opts.timeout = std::chrono::seconds(60);
    return run(argv, opts);
  }

  RunResult runProgram(const std::string &dir) {
    std::vector<std::string> argv = {tmp / (dir + "/prog")};
    argv.insert(argv.end(), scenario.args.begin(), scenario.args.end());
    RunOptions opts;
    opts.cwd = tmp.path();
    opts.timeout = std::chrono::seconds(30);
    opts.extraEnv = scenario.env;
    return run(argv, opts);
  }

  Scenario scenario;
  std::string prepared;
  std::string expected;
  std::string lastCommand;
  TempDir tmp;
};

// The program's behaviour is the point of the whole linker: same stdout, same
// status as the expected file, and the same as ld.bfd's link of the same inputs.
TEST_P(StaticLink, ProgramPrintsExpectedWhenLinkedByMld) {
  RunResult linked = link(linkerPath(), "mld");
  ASSERT_TRUE(linked.exitedWith(0)) << lastCommand << "\n" << linked.describe();
  EXPECT_EQ(listTree(tmp / "mld"), std::set<std::string>{"prog"})
      << "the output directory holds other files";
  EXPECT_TRUE((fs::status(tmp / "mld/prog").permissions() & fs::perms::owner_exec) !=
              fs::perms::none)
      << "output is not executable";

  RunResult ran = runProgram("mld");
  EXPECT_FALSE(ran.timedOut) << "program timed out";
  EXPECT_EQ(ran.signal, 0) << "program " << ran.describe();
  EXPECT_EQ(ran.exitCode, scenario.exitCode) << ran.describe();
  EXPECT_EQ(ran.out, expected);

  RunResult bfdLinked = link("ld.bfd", "bfd");
  if (!bfdLinked.exitedWith(0)) {
    ADD_FAILURE() << "ld.bfd could not link this scenario, no differential check: "
                  << bfdLinked.describe();
    return;
  }
  RunResult bfdRan = runProgram("bfd");
  EXPECT_EQ(ran.out, bfdRan.out) << "mld's and ld.bfd's outputs print differently";
  EXPECT_EQ(ran.exitCode, bfdRan.exitCode);
  EXPECT_EQ(ran.signal, bfdRan.signal);
}

// What must hold of the file itself, independent of running it.
TEST_P(StaticLink, OutputPassesElfChecksWhenLinkedByMld) {
  RunResult linked = link(linkerPath(), "mld");
  ASSERT_TRUE(linked.exitedWith(0)) << lastCommand << "\n" << linked.describe();
  std::string out = tmp / "mld/prog";
  std::string error;
  std::optional<ElfFile> elf = ElfFile::load(out, error);
  ASSERT_TRUE(elf) << error;
  EXPECT_EQ(elf->type, llvm::ELF::ET_EXEC);
  EXPECT_EQ(elf->machine, llvm::ELF::EM_X86_64);

  bool haveLoad = false, haveStack = false;
  for (const ElfSegment &seg : elf->segments) {
    if (seg.type == llvm::ELF::PT_LOAD) {
      haveLoad = true;
      EXPECT_EQ(seg.offset % 4096, seg.vaddr % 4096) << "PT_LOAD at " << std::hex << seg.vaddr;
      EXPECT_LE(seg.filesz, seg.memsz);
    }
    if (seg.type == llvm::ELF::PT_GNU_STACK) {
      haveStack = true;
      EXPECT_EQ(seg.flags & llvm::ELF::PF_X, 0u) << "stack must not be executable";
    }
  }
  EXPECT_TRUE(haveLoad);
  EXPECT_TRUE(haveStack) << "no PT_GNU_STACK";
  for (const char *name : {".symtab", ".strtab", ".shstrtab", ".comment"})
    EXPECT_NE(elf->section(name), nullptr) << "no " << name;
  EXPECT_EQ(joinLines(layoutProblems(*elf)), "");
  EXPECT_EQ(joinLines(unmergedSectionProblems(*elf)), "");
  EXPECT_EQ(joinLines(symtabProblems(*elf)), "");
  if (scenario.firstLoad) {
    auto load = std::find_if(elf->segments.begin(), elf->segments.end(),
                             [](const ElfSegment &seg) { return seg.type == llvm::ELF::PT_LOAD; });
    ASSERT_NE(load, elf->segments.end());
    EXPECT_EQ(load->vaddr, *scenario.firstLoad) << "first PT_LOAD address";
  }
  std::string entry = "_start";
  for (size_t i = 0; i + 1 < scenario.linkArgs.size(); i++)
    if (scenario.linkArgs[i] == "-e")
      entry = scenario.linkArgs[i + 1];
  EXPECT_EQ(joinLines(entryProblems(*elf, entry)), "");

  for (const std::string &name : scenario.presentSymbols)
    EXPECT_NE(elf->symbol(name), nullptr) << name << " should be in .symtab";
  for (const std::string &name : scenario.absentSymbols) {
    // A weak undefined reference may stay in .symtab as SHN_UNDEF; a definition must not.
    const ElfSymbol *sym = elf->symbol(name);
    EXPECT_TRUE(sym == nullptr || sym->shndx == llvm::ELF::SHN_UNDEF)
        << name << " is defined, but comes from an archive member that must not be pulled";
  }
  for (const auto &[name, size] : scenario.symbolSizes) {
    const ElfSymbol *sym = elf->symbol(name);
    ASSERT_NE(sym, nullptr) << name;
    EXPECT_EQ(sym->size, size) << "st_size of " << name;
  }
  for (const std::string &text : scenario.stringsOnce) {
    std::string needle = text + '\0';
    int count = 0;
    for (const ElfSection &sec : elf->sections) {
      if (!(sec.flags & llvm::ELF::SHF_ALLOC))
        continue;
      std::string bytes = elf->contents(sec);
      for (size_t at = bytes.find(needle); at != std::string::npos; at = bytes.find(needle, at + 1))
        count++;
    }
    EXPECT_EQ(count, 1) << "\"" << text << "\" should be stored once after string merging";
  }

  for (const std::vector<std::string> &reader :
       {std::vector<std::string>{"readelf", "-a", "-W", out},
        std::vector<std::string>{llvmTool("llvm-readelf"), "--all", out}}) {
    RunResult r = run(reader);
    EXPECT_TRUE(r.exitedWith(0)) << joinArgs(reader) << ": " << r.describe();
    EXPECT_EQ(joinLines(complaintLines(r.err, true)), "")
        << joinArgs(reader) << " complained on stderr";
    EXPECT_EQ(joinLines(complaintLines(r.out, false)), "")
        << joinArgs(reader) << " complained on stdout";
  }

  if (elf->section(".eh_frame")) {
    RunResult frames = run({"readelf", "-wf", out});
    EXPECT_TRUE(frames.exitedWith(0)) << frames.describe();
    EXPECT_EQ(joinLines(complaintLines(frames.err, true)), "") << "readelf -wf complained";
    EXPECT_EQ(joinLines(ehFrameProblems(*elf, frames.out)), "");
  }
  if (scenario.dwarfVerify) {
    EXPECT_NE(elf->section(".debug_info"), nullptr) << "debug information was dropped";
    RunResult r = run({llvmTool("llvm-dwarfdump"), "--verify", out});
    EXPECT_TRUE(r.exitedWith(0) && r.out.find("No errors.") != std::string::npos)
        << "llvm-dwarfdump --verify:\n"
        << r.out << r.describe();
  }
  for (const Scenario::GdbLine &want : scenario.gdbLines) {
    RunResult r = run({"gdb", "-batch", "-nx", "-ex", "info line " + want.function, out});
    if (r.execFailed) {
      std::cerr << "gdb is not installed: line-table check skipped\n";
      break;
    }
    std::istringstream lines(r.out);
    bool found = false;
    for (std::string line; std::getline(lines, line);)
      found |= line.rfind("Line " + std::to_string(want.line) + " of \"", 0) == 0 &&
               line.find(want.file + "\" starts at address") != std::string::npos &&
               line.find("<" + want.function + ">") != std::string::npos;
    EXPECT_TRUE(found) << "gdb does not place " << want.function << " at " << want.file << ":"
                       << want.line << ":\n"
                       << r.out << r.err;
  }

  RunResult again = link(linkerPath(), "again");
  ASSERT_TRUE(again.exitedWith(0)) << again.describe();
  EXPECT_TRUE(readFile(out) == readFile(tmp / "again/prog"))
      << "two links of the same inputs differ";
}

// The reference: the testdata and the runtime are right when ld.bfd's link
// prints the expected output. If this fails, the scenario or runtime is at fault, not mld.
TEST_P(StaticLink, ProgramPrintsExpectedWhenLinkedByLdBfd) {
  for (const std::string &type : scenario.inputRelocs) {
    bool found = false;
    for (const std::string &obj : scenario.linkedObjects()) {
      std::string error;
      std::optional<ElfFile> in = ElfFile::load(prepared + "/" + obj, error);
      ASSERT_TRUE(in) << error;
      for (const ElfSection &sec : in->sections)
        for (const ElfRela &r : in->relas(sec))
          found |= relocTypeName(r.type) == type;
    }
    EXPECT_TRUE(found) << "no input object carries " << type;
  }
  RunResult linked = link("ld.bfd", "bfd");
  ASSERT_TRUE(linked.exitedWith(0)) << lastCommand << "\n" << linked.describe();
  RunResult ran = runProgram("bfd");
  EXPECT_EQ(ran.signal, 0) << ran.describe();
  EXPECT_EQ(ran.exitCode, scenario.exitCode) << ran.describe();
  EXPECT_EQ(ran.out, expected);
}

// A JSON number, or a string holding a C integer literal ("0x401000", "-4").
std::optional<int64_t> jsonInteger(const JsonRecord &rec, const char *key) {
  auto it = rec.find(key);
  if (it == rec.end())
    return std::nullopt;
  const JsonField &f = it->second;
  if (f.integer)
    return f.integer;
  if (f.isString) {
    llvm::StringRef str(f.text);
    uint64_t u;
    if (!str.getAsInteger(0, u))
      return static_cast<int64_t>(u);
    int64_t i;
    if (!str.getAsInteger(0, i))
      return i;
  }
  return std::nullopt;
}

// A record with "address", "size" and "value" claims that the output holds
// `value` (truncated to `size` bytes, little-endian) at that address. Returns
// why the file disagrees, or "" (also for records it cannot place, e.g. in
// non-allocated sections, or without those keys).
std::string writtenBytesDisagree(const ElfFile &elf, const JsonRecord &rec) {
  std::optional<int64_t> address = jsonInteger(rec, "address");
  std::optional<int64_t> size = jsonInteger(rec, "size");
  std::optional<int64_t> value = jsonInteger(rec, "value");
  if (!address || !size || !value || *size <= 0 || *size > 8)
    return "";
  uint64_t addr = static_cast<uint64_t>(*address), n = static_cast<uint64_t>(*size);
  for (const ElfSegment &seg : elf.segments) {
    if (seg.type != llvm::ELF::PT_LOAD || addr < seg.vaddr || addr + n > seg.vaddr + seg.filesz)
      continue;
    uint64_t at = seg.offset + (addr - seg.vaddr);
    if (at + n > elf.bytes().size())
      return "address past the end of the file";
    uint64_t got = 0;
    for (uint64_t i = 0; i < n; i++)
      got |= uint64_t{static_cast<uint8_t>(elf.bytes()[at + i])} << (8 * i);
    uint64_t mask = n == 8 ? ~uint64_t{0} : (uint64_t{1} << (8 * n)) - 1;
    if (got != (static_cast<uint64_t>(*value) & mask)) {
      std::ostringstream why;
      why << "the output holds 0x" << std::hex << got;
      return why.str();
    }
    return "";
  }
  return "";
}

// The relocation log: JSON Lines, a record per applied relocation, so at least
// as many records as the SHF_ALLOC relocations of the scenario's own objects
// (COMDAT members excluded: a discarded group's relocations are not applied),
// and a record that gives an address, a size and a value must match the file.
TEST_P(StaticLink, RelocLogHasJsonRecordPerRelocationWhenRequested) {
  size_t inputRelocs = 0;
  std::set<std::string> inputTypes, loggedTypes;
  for (const std::string &obj : scenario.linkedObjects()) {
    std::string error;
    std::optional<ElfFile> in = ElfFile::load(prepared + "/" + obj, error);
    ASSERT_TRUE(in) << error;
    for (const ElfSection &sec : in->sections) {
      if (sec.type != llvm::ELF::SHT_RELA || sec.info >= in->sections.size())
        continue;
      const ElfSection &target = in->sections[sec.info];
      if (!(target.flags & llvm::ELF::SHF_ALLOC) || (target.flags & llvm::ELF::SHF_GROUP))
        continue;
      for (const ElfRela &r : in->relas(sec)) {
        // An FDE of a COMDAT member goes with its group, which may be discarded.
        if (r.symIndex < in->symbols.size() &&
            in->symbols[r.symIndex].shndx < in->sections.size() &&
            (in->sections[in->symbols[r.symIndex].shndx].flags & llvm::ELF::SHF_GROUP))
          continue;
        inputRelocs++;
        inputTypes.insert(relocTypeName(r.type));
      }
    }
  }
  std::string log = tmp / "reloc.jsonl";
  RunResult linked = link(linkerPath(), "mld", {"--reloc-log=" + log, "--reloc-log-format=json"});
  ASSERT_TRUE(linked.exitedWith(0)) << lastCommand << "\n" << linked.describe();
  std::ifstream in(log);
  ASSERT_TRUE(in) << "no relocation log at " << log;
  std::string error;
  std::optional<ElfFile> elf = ElfFile::load(tmp / "mld/prog", error);
  ASSERT_TRUE(elf) << error;
  std::vector<std::string> mismatches;
  std::string line;
  size_t records = 0;
  for (int lineNo = 1; std::getline(in, line); lineNo++) {
    std::string parseError;
    std::optional<JsonRecord> rec = parseJsonRecord(line, parseError);
    if (!rec) {
      ADD_FAILURE() << "line " << lineNo << " is not a JSON object: " << parseError << "\n" << line;
      break;
    }
    for (const char *key : {"type", "offset", "value"})
      ASSERT_TRUE(rec->count(key)) << "line " << lineNo << " lacks \"" << key << "\": " << line;
    if (const JsonField &type = rec->at("type"); type.isString)
      loggedTypes.insert(type.text);
    records++;
    if (std::string why = writtenBytesDisagree(*elf, *rec); !why.empty())
      mismatches.push_back("line " + std::to_string(lineNo) + ": " + why + ": " + line);
  }
  EXPECT_EQ(joinLines(mismatches), "") << "log records whose value is not what the output holds";
  EXPECT_GE(records, inputRelocs) << "fewer log records than relocations in the scenario's objects";

  // The text format carries the same records, one a line, and asking for a
  // log never changes the output.
  std::string textLog = tmp / "reloc.txt";
  RunResult textLinked =
      link(linkerPath(), "text", {"--reloc-log=" + textLog, "--reloc-log-format=text"});
  ASSERT_TRUE(textLinked.exitedWith(0)) << lastCommand << "\n" << textLinked.describe();
  std::string text = readFile(textLog);
  EXPECT_EQ(static_cast<size_t>(std::count(text.begin(), text.end(), '\n')), records)
      << "text and JSON logs hold different numbers of records";
  RunResult plain = link(linkerPath(), "plain");
  ASSERT_TRUE(plain.exitedWith(0)) << plain.describe();
  EXPECT_TRUE(readFile(tmp / "plain/prog") == readFile(tmp / "mld/prog"))
      << "the JSON log changed the output";
  EXPECT_TRUE(readFile(tmp / "plain/prog") == readFile(tmp / "text/prog"))
      << "the text log changed the output";
  for (const std::string &type : inputTypes)
    EXPECT_TRUE(loggedTypes.count(type))
        << "no log record of type " << type << ", which the inputs use";
}

// -Map: the issue only fixes what the map holds (output sections, input
// sections, symbols), so check names, not layout: every non-empty allocated
// output section, each of the scenario's objects, and main.
TEST_P(StaticLink, MapFileNamesSectionsInputsAndSymbolsWhenRequested) {
  std::string map = tmp / "link.map";
  RunResult linked = link(linkerPath(), "mld", {"-Map", map});
  ASSERT_TRUE(linked.exitedWith(0)) << lastCommand << "\n" << linked.describe();
  std::string text = readFile(map);
  ASSERT_FALSE(text.empty()) << "no map file at " << map;
  std::string error;
  std::optional<ElfFile> elf = ElfFile::load(tmp / "mld/prog", error);
  ASSERT_TRUE(elf) << error;
  for (const ElfSection &sec : elf->sections)
    if ((sec.flags & llvm::ELF::SHF_ALLOC) && sec.size > 0)
      EXPECT_NE(text.find(sec.name), std::string::npos) << "map does not mention " << sec.name;
  for (const std::string &obj : scenario.linkedObjects())
    EXPECT_NE(text.find(obj), std::string::npos) << "map does not mention " << obj;
  if (elf->symbol("main"))
    EXPECT_NE(text.find("main"), std::string::npos) << "map does not mention main";
}

std::string paramName(const ::testing::TestParamInfo<std::string> &info) {
  std::string s = info.param;
  for (char &c : s)
    if (!isalnum(static_cast<unsigned char>(c)))
      c = '_';
  return s;
}

INSTANTIATE_TEST_SUITE_P(Scenarios, StaticLink, ::testing::ValuesIn(listScenarios(testdataDir())),
                         paramName);

} // namespace
