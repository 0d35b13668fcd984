// scenario.cpp: parse test.txt and compile a scenario. test.txt holds one
// `key: value` per line; lines starting with '#' are comments:
//   cflags: FLAGS            for every source (after -c -fno-stack-protector)
//   cflags FILE: FLAGS       extra flags for one source
//   objects: a.c b.s         each compiled to a.o, b.o in the prepared dir
//   archive DIR/libx.a: ...  members compiled and put in an archive
//   thin-archive libx.a: ... the same as a thin archive (ar T)
//   link: ARGS               linker arguments between crt1.o and -lmldc
//                            (default: the objects in order)
//   sources: ../other        take the sources from another scenario
//   exit: N                  expected exit status (default 0)
//   args: ARGS               arguments for the program ("a b" is one)
//   env: NAME=VALUE          an environment variable for the program
//   present-symbol: NAME     must be in the output's .symtab
//   absent-symbol: NAME      must not be defined (an archive member left out)
//   symbol-size: NAME N      st_size of NAME in the output
//   string-once: TEXT        TEXT\0 occurs exactly once in SHF_ALLOC sections
//   input-relocs: TYPES      the compiled objects carry these relocation types
//   copy: FILES              copied as they are into the prepared dir
//   first-load: ADDR         p_vaddr of the output's first PT_LOAD
//   dwarf-verify: yes        llvm-dwarfdump --verify finds no error
//   gdb-line: FUNC FILE:N    gdb's `info line FUNC` says line N of FILE
#include "scenario.h"

#include "run.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace mld::test {

static std::vector<std::string> splitWords(const std::string &s) {
  std::istringstream in(s);
  std::vector<std::string> out;
  std::string w;
  while (in >> w)
    out.push_back(w);
  return out;
}

// Words separated by blanks; "double quotes" group blanks into one word.
static std::vector<std::string> splitQuoted(const std::string &s) {
  std::vector<std::string> out;
  std::string w;
  bool inWord = false, quoted = false;
  for (char c : s) {
    if (c == '"') {
      quoted = !quoted;
      inWord = true;
    } else if ((c == ' ' || c == '\t') && !quoted) {
      if (inWord)
        out.push_back(w);
      w.clear();
      inWord = false;
    } else {
      w += c;
      inWord = true;
    }
  }
  if (inWord)
    out.push_back(w);
  return out;
}

static std::string trim(const std::string &s) {
  size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos)
    return "";
  size_t e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

std::string objectName(const std::string &source) {
  fs::path p(source);
  return p.stem().string() + ".o";
}

std::vector<std::string> Scenario::linkedObjects() const {
  std::vector<std::string> out;
  for (const std::string &src : objects) {
    std::string o = objectName(src);
    if (std::find(linkArgs.begin(), linkArgs.end(), o) != linkArgs.end())
      out.push_back(o);
  }
  return out;
}

std::optional<Scenario> parseScenario(const std::string &dir, std::string &error) {
  Scenario s;
  s.dir = dir;
  s.sourceDir = dir;
  s.name = fs::path(dir).filename().string();
  std::ifstream in(fs::path(dir) / "test.txt");
  if (!in) {
    error = dir + "/test.txt: cannot open";
    return std::nullopt;
  }
  bool haveLink = false;
  std::string line;
  for (int lineNo = 1; std::getline(in, line); lineNo++) {
    std::string t = trim(line);
    if (t.empty() || t[0] == '#')
      continue;
    size_t colon = t.find(':');
    if (colon == std::string::npos) {
      error = s.name + "/test.txt:" + std::to_string(lineNo) + ": expected 'key: value'";
      return std::nullopt;
    }
    std::vector<std::string> key = splitWords(t.substr(0, colon));
    std::string value = trim(t.substr(colon + 1));
    std::vector<std::string> words = splitWords(value);
    const std::string k = key.empty() ? "" : key[0];
    if (k == "cflags" && key.size() == 1)
      s.cflags.insert(s.cflags.end(), words.begin(), words.end());
    else if (k == "cflags" && key.size() == 2)
      s.fileCflags[key[1]] = words;
    else if (k == "objects")
      s.objects.insert(s.objects.end(), words.begin(), words.end());
    else if ((k == "archive" || k == "thin-archive") && key.size() == 2)
      s.archives.push_back({key[1], k == "thin-archive", words});
    else if (k == "link") {
      haveLink = true;
      s.linkArgs.insert(s.linkArgs.end(), words.begin(), words.end());
    } else if (k == "sources")
      s.sourceDir = (fs::path(dir) / value).lexically_normal().string();
    else if (k == "exit")
      s.exitCode = std::stoi(value);
    else if (k == "args")
      s.args = splitQuoted(value);
    else if (k == "env")
      s.env.push_back(value);
    else if (k == "present-symbol")
      s.presentSymbols.push_back(value);
    else if (k == "absent-symbol")
      s.absentSymbols.push_back(value);
    else if (k == "symbol-size" && words.size() == 2)
      s.symbolSizes.emplace_back(words[0], std::stoull(words[1], nullptr, 0));
    else if (k == "string-once")
      s.stringsOnce.push_back(value);
    else if (k == "copy")
      s.copies.insert(s.copies.end(), words.begin(), words.end());
    else if (k == "first-load")
      s.firstLoad = std::stoull(value, nullptr, 0);
    else if (k == "dwarf-verify")
      s.dwarfVerify = value == "yes";
    else if (k == "gdb-line" && words.size() == 2 && words[1].find(':') != std::string::npos) {
      size_t c = words[1].rfind(':');
      s.gdbLines.push_back({words[0], words[1].substr(0, c), std::stoi(words[1].substr(c + 1))});
    } else if (k == "input-relocs")
      s.inputRelocs.insert(s.inputRelocs.end(), words.begin(), words.end());
    else {
      error = s.name + "/test.txt:" + std::to_string(lineNo) + ": unknown key '" +
              trim(t.substr(0, colon)) + "'";
      return std::nullopt;
    }
  }
  if (!haveLink)
    for (const std::string &src : s.objects)
      s.linkArgs.push_back(objectName(src));
  return s;
}

std::vector<std::string> listScenarios(const std::string &root) {
  std::vector<std::string> out;
  std::error_code ec;
  for (const fs::directory_entry &e : fs::directory_iterator(root, ec))
    if (e.is_directory() && fs::exists(e.path() / "test.txt"))
      out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

static bool runStep(const std::vector<std::string> &argv, const std::string &cwd,
                    std::string &log) {
  RunOptions opts;
  opts.cwd = cwd;
  opts.timeout = std::chrono::seconds(120);
  RunResult r = run(argv, opts);
  if (r.exitedWith(0) && r.err.empty())
    return true;
  log += "$ " + joinArgs(argv) + "\n" + r.out + r.err +
         (r.exitedWith(0) ? "(warnings are errors here)\n" : r.describe() + "\n");
  return false;
}

bool prepareScenario(const Scenario &s, const std::string &outDir, const Toolchain &tc,
                     std::string &log) {
  std::error_code ec;
  fs::create_directories(outDir, ec);
  fs::remove(fs::path(outDir) / ".prepared", ec);
  auto compile = [&](const std::string &src, const fs::path &obj) {
    std::vector<std::string> argv = {tc.cc, "-c", "-fno-stack-protector"};
    argv.insert(argv.end(), s.cflags.begin(), s.cflags.end());
    if (auto it = s.fileCflags.find(src); it != s.fileCflags.end())
      argv.insert(argv.end(), it->second.begin(), it->second.end());
    argv.push_back((fs::path(s.sourceDir) / src).string());
    argv.push_back("-o");
    argv.push_back(obj.string());
    fs::create_directories(obj.parent_path(), ec);
    return runStep(argv, outDir, log);
  };
  for (const std::string &src : s.objects)
    if (!compile(src, fs::path(outDir) / objectName(src)))
      return false;
  for (const ArchiveSpec &a : s.archives) {
    fs::path archive = fs::path(outDir) / a.path;
    fs::path libDir = archive.parent_path();
    std::vector<std::string> argv = {tc.ar, a.thin ? "rcsT" : "rcs", archive.filename().string()};
    for (const std::string &src : a.members) {
      if (!compile(src, libDir / objectName(src)))
        return false;
      argv.push_back(objectName(src));
    }
    fs::remove(archive, ec);
    if (!runStep(argv, libDir.string(), log))
      return false;
  }
  for (const std::string &file : s.copies) {
    fs::copy_file(fs::path(s.sourceDir) / file, fs::path(outDir) / file,
                  fs::copy_options::overwrite_existing, ec);
    if (ec) {
      log += "cannot copy " + file + ": " + ec.message() + "\n";
      return false;
    }
  }
  std::ofstream(fs::path(outDir) / ".prepared") << s.name << "\n";
  return true;
}

} // namespace mld::test
