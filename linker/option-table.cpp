// The option table: for each GNU ld option mld accepts, its names, its
// argument, its help line, and a small function saying what it does to
// Config (most are one line; the longer ones, such as --defsym or -z, are
// the named functions above the table).
#include "option-table.h"

#include "linker-script.h"

#include "llvm/BinaryFormat/ELF.h"

#include <cctype>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <unistd.h>

namespace po = boost::program_options;

namespace mld::opt {

namespace {

// Accepts decimal and 0x-prefixed hexadecimal, nothing else.
bool parseNumber(std::string_view s, uint64_t &out) { return parseScriptNumber(s, out); }

void setAddress(ParseState &s, const char *option, const std::string &v) {
  uint64_t addr;
  if (parseNumber(v, addr))
    s.config.imageBase = addr;
  else
    s.error(std::string("invalid address for ") + option + ": " + v);
}

// --defsym NAME=EXPR: evaluated as a linker script's assignment is
// (parseSymbolAssignment), which takes what users write: a number, a
// symbol, or a symbol plus or minus a number.
void addDefsym(ParseState &s, const std::string &v) {
  Defsym d;
  if (!parseSymbolAssignment(v, d))
    s.error("--defsym: cannot evaluate '" + v +
            "' (mld takes NAME=SYMBOL, NAME=NUMBER or NAME=SYMBOL+-NUMBER)");
  else
    s.config.defsyms.push_back(std::move(d));
}

// --unresolved-symbols=METHOD sets both of GNU ld's switches: whether names
// undefined in regular objects / needed by shared libraries are reported.
void setUnresolved(ParseState &s, const std::string &v) {
  using U = Config::Unresolved;
  static const std::map<std::string, std::pair<U, U>> methods = {
      {"ignore-all", {U::Ignore, U::Ignore}},
      {"report-all", {U::Report, U::Report}},
      {"ignore-in-object-files", {U::Ignore, U::Report}},
      {"ignore-in-shared-libs", {U::Report, U::Ignore}},
  };
  auto it = methods.find(v);
  if (it == methods.end()) {
    s.error("bad --unresolved-symbols option: " + v);
    return;
  }
  s.config.undefInObjects = it->second.first;
  s.config.undefInShlibs = it->second.second;
}

// --section-start=SECTION=ADDR; -Ttext ADDR and friends name the section.
void setSectionStart(ParseState &s, const std::string &section, const std::string &v) {
  uint64_t addr;
  if (section.empty() || !parseNumber(v, addr))
    s.error("invalid --section-start: " + section + "=" + v);
  else
    s.config.sectionStarts[section] = addr;
}

void setBuildId(ParseState &s, const std::string &v) {
  static const std::map<std::string, BuildId> styles = {
      {"", BuildId::Fast},     {"sha1", BuildId::Sha1}, {"none", BuildId::None},
      {"fast", BuildId::Fast}, {"md5", BuildId::Md5},   {"uuid", BuildId::Uuid},
  };
  if (auto it = styles.find(v); it != styles.end()) {
    s.config.buildId = it->second;
    s.config.buildIdHex.clear();
    return;
  }
  // --build-id=0xHEX: an even number of hex digits, given byte by byte.
  std::string_view hex = v;
  bool valid =
      hex.size() > 2 && hex[0] == '0' && (hex[1] == 'x' || hex[1] == 'X') && hex.size() % 2 == 0;
  std::vector<uint8_t> bytes;
  for (size_t i = 2; valid && i < hex.size(); i += 2) {
    uint8_t byte = 0;
    auto [ptr, ec] = std::from_chars(hex.data() + i, hex.data() + i + 2, byte, 16);
    valid = ec == std::errc() && ptr == hex.data() + i + 2;
    bytes.push_back(byte);
  }
  if (!valid) {
    s.error("invalid --build-id style: " + v);
    return;
  }
  s.config.buildId = BuildId::Hex;
  s.config.buildIdHex = std::move(bytes);
}

void setPageSize(ParseState &s, const std::string &key, const std::string &v) {
  uint64_t n;
  if (!parseNumber(v, n) || n == 0) {
    s.error("invalid -z " + key + ": " + v);
  } else if ((n & (n - 1)) != 0) {
    s.error("-z " + key + ": value is not a power of two: " + v);
  } else if (key == "max-page-size") {
    s.config.pageSize = n;
  }
  // common-page-size only tunes padding in ld; we have nothing to tune.
}

// -z KEYWORD. Unknown keywords are warnings, as in GNU ld, because compilers
// pass new ones (-z ibt, -z shstk) to old linkers all the time.
void applyZ(ParseState &s, const std::string &v) {
  using ZApply = void (*)(Config &);
  static const std::map<std::string, ZApply> keywords = {
      {"now", [](Config &c) { c.zNow = true; }},
      {"lazy", [](Config &c) { c.zNow = false; }},
      {"relro", [](Config &c) { c.zRelro = true; }},
      {"norelro", [](Config &c) { c.zRelro = false; }},
      {"execstack", [](Config &c) { c.zExecStack = true; }},
      {"noexecstack", [](Config &c) { c.zExecStack = false; }},
      {"separate-code", [](Config &c) { c.zSeparateCode = true; }},
      {"noseparate-code", [](Config &c) { c.zSeparateCode = false; }},
      {"nodelete", [](Config &c) { c.zNodelete = true; }},
      {"origin", [](Config &c) { c.zOrigin = true; }},
      {"defs", [](Config &c) { c.undefInObjects = Config::Unresolved::Report; }},
      {"undefs", [](Config &c) { c.undefInObjects = Config::Unresolved::Ignore; }},
      {"muldefs", [](Config &c) { c.allowMultipleDefinition = true; }},
      {"text", [](Config &c) { c.textRel = Config::TextRel::Error; }},
      {"notext", [](Config &c) { c.textRel = Config::TextRel::Allow; }},
      {"dynamic-undefined-weak", [](Config &c) { c.zDynamicUndefinedWeak = true; }},
      {"nodynamic-undefined-weak", [](Config &c) { c.zDynamicUndefinedWeak = false; }},
      {"shstk", [](Config &c) { c.zShstk = true; }},
      {"ibt", [](Config &c) { c.zIbt = true; }},
      {"ibtplt", [](Config &c) { c.zIbtPlt = true; }},
      {"cet-report=none", [](Config &c) { c.cetReport = Config::CetReport::None; }},
      {"cet-report=warning", [](Config &c) { c.cetReport = Config::CetReport::Warning; }},
      {"cet-report=error", [](Config &c) { c.cetReport = Config::CetReport::Error; }},
      {"start-stop-gc", [](Config &c) { c.zStartStopGc = true; }},
      {"nostart-stop-gc", [](Config &c) { c.zStartStopGc = false; }},
      {"pack-relative-relocs", [](Config &c) { c.zPackRelativeRelocs = true; }},
      {"nopack-relative-relocs", [](Config &c) { c.zPackRelativeRelocs = false; }},
      {"x86-64-baseline", [](Config &c) { c.isaLevelNeeded |= 1; }},
      {"x86-64-v2", [](Config &c) { c.isaLevelNeeded |= 2; }},
      {"x86-64-v3", [](Config &c) { c.isaLevelNeeded |= 4; }},
      {"x86-64-v4", [](Config &c) { c.isaLevelNeeded |= 8; }},
  };
  // Keywords that only set a DT_FLAGS_1 bit for the loader to read.
  static const std::map<std::string, uint32_t> flags1 = {
      {"initfirst", llvm::ELF::DF_1_INITFIRST},   {"interpose", llvm::ELF::DF_1_INTERPOSE},
      {"nodefaultlib", llvm::ELF::DF_1_NODEFLIB}, {"nodump", llvm::ELF::DF_1_NODUMP},
      {"loadfltr", llvm::ELF::DF_1_LOADFLTR},     {"nodlopen", llvm::ELF::DF_1_NOOPEN},
      {"global", llvm::ELF::DF_1_GLOBAL},
  };
  if (auto it = keywords.find(v); it != keywords.end()) {
    it->second(s.config);
    return;
  }
  if (auto it = flags1.find(v); it != flags1.end()) {
    s.config.zFlags1 |= it->second;
    return;
  }
  size_t eq = v.find('=');
  std::string key = v.substr(0, eq);
  if (eq != std::string::npos && (key == "max-page-size" || key == "common-page-size")) {
    setPageSize(s, key, v.substr(eq + 1));
    return;
  }
  if (eq != std::string::npos && key == "start-stop-visibility") {
    static const std::map<std::string, uint8_t> vis = {
        {"default", 0}, {"internal", 1}, {"hidden", 2}, {"protected", 3}};
    auto it = vis.find(v.substr(eq + 1));
    if (it == vis.end())
      s.error("invalid -z start-stop-visibility: " + v.substr(eq + 1));
    else
      s.config.startStopVisibility = it->second;
    return;
  }
  if (eq != std::string::npos && key == "stack-size") {
    if (!parseNumber(v.substr(eq + 1), s.config.zStackSize))
      s.error("invalid -z stack-size: " + v.substr(eq + 1));
    return;
  }
  s.warn("unknown -z value: " + v);
}

void applyHashStyle(ParseState &s, const std::string &v) {
  if (v == "sysv")
    s.config.hashStyle = HashStyle::Sysv;
  else if (v == "gnu")
    s.config.hashStyle = HashStyle::Gnu;
  else if (v == "both")
    s.config.hashStyle = HashStyle::Both;
  else
    s.error("invalid --hash-style: " + v + " (expected sysv, gnu or both)");
}

void applyRelocLogFormat(ParseState &s, const std::string &v) {
  if (v == "text")
    s.config.relocLogFormat = LogFormat::Text;
  else if (v == "json")
    s.config.relocLogFormat = LogFormat::Json;
  else
    s.error("invalid --reloc-log-format: " + v + " (expected text or json)");
}

void applyThreads(ParseState &s, const std::string &v) {
  uint64_t n;
  if (!parseNumber(v, n) || n == 0 || n > 1024)
    s.error("invalid --threads: " + v);
  else
    s.config.threads = static_cast<int>(n);
}

void applySortCommon(ParseState &s, const std::string &v) {
  if (v.empty() || v == "descending")
    s.config.sortCommon = Config::SortCommon::Descending;
  else if (v == "ascending")
    s.config.sortCommon = Config::SortCommon::Ascending;
  else
    s.error("invalid --sort-common: " + v + " (expected ascending or descending)");
}

void applySpareDynamicTags(ParseState &s, const std::string &v) {
  uint64_t n;
  if (!parseNumber(v, n) || n > 4096)
    s.error("invalid --spare-dynamic-tags: " + v);
  else
    s.config.spareDynamicTags = static_cast<uint32_t>(n);
}

void endGroup(ParseState &s, const std::string &) {
  if (s.groupDepth == 0)
    return s.error("stray --end-group");
  --s.groupDepth;
  s.push(InputSpec::Kind::EndGroup);
}

void popState(ParseState &s, const std::string &) {
  if (s.stateDepth == 0)
    return s.error("stray --pop-state");
  --s.stateDepth;
  s.push(InputSpec::Kind::PopState);
}

// -r, -i: from here on, -l finds only archives, as after -Bstatic (GNU ld
// turns dynamic linking off where -r appears).
void setRelocatable(ParseState &s, const std::string &) {
  s.config.relocatable = true;
  s.push(InputSpec::Kind::Static);
}

void ignore(ParseState &, const std::string &) {}

// -T FILE / --script FILE: GNU ld looks in the directories of the -L
// options given before it when FILE is not in the current directory. The
// script is then read where it stands, as a script named as an input is
// (mld has no SECTIONS: a script that uses it is reported when read).
void addScript(ParseState &s, const std::string &v) {
  std::string path = v;
  if (!v.empty() && v[0] != '/' && access(v.c_str(), F_OK) != 0)
    for (const std::string &dir : s.config.libraryPaths)
      if (std::string p = dir + "/" + v; access(p.c_str(), F_OK) == 0) {
        path = p;
        break;
      }
  s.push(InputSpec::Kind::File, path);
}

// -b / --format, --oformat: the one ELF format mld reads and writes.
bool isOurFormat(const std::string &v) {
  return v == "elf64-x86-64" || v == "elf64-little" || v == "default";
}

// Options GNU ld has that change a layout mld does not make: refused with
// their name rather than taken and not honoured.
void unsupported(ParseState &s, const char *what) {
  s.error(std::string(what) + " is not supported");
}

using K = InputSpec::Kind;
using S = ParseState;
using V = const std::string &;

const char *const kOutput = "Output";
const char *const kInputs = "Inputs and libraries";
const char *const kSymbols = "Symbols";
const char *const kSections = "Sections";
const char *const kDynamic = "Dynamic linking";
const char *const kInspect = "Inspection and diagnostics";
const char *const kMisc = "Miscellaneous";

} // namespace

static const OptionSpec kOptions[] = {
    // Output.
    {kOutput, "output,o", Arg::Required, "FILE", "Write the output to FILE (default a.out)",
     [](S &s, V v) { s.config.outputPath = v; }},
    // (The last of -shared, -pie and -no-pie decides, as in GNU ld.)
    {kOutput, "shared,Bshareable", Arg::None, "", "Create a shared library",
     [](S &s, V) { s.shared = true, s.pie = false; }},
    {kOutput, "pie,pic-executable", Arg::None, "", "Create a position-independent executable",
     [](S &s, V) { s.pie = true, s.shared = false; }},
    {kOutput, "no-pie", Arg::None, "", "Create a position-dependent executable",
     [](S &s, V) { s.pie = false, s.shared = false; }},
    {kOutput, "static", Arg::None, "",
     "Do not link against shared libraries (with -pie: static-pie)",
     [](S &s, V) {
       s.config.isStatic = true;
       s.push(K::Static);
     }},
    {kOutput, "relocatable,r", Arg::None, "",
     "Create a relocatable object (ET_REL) to be linked again",
     setRelocatable},
    {kOutput, ",i", Arg::None, "", "Same as -r", setRelocatable},
    {kOutput, "emit-relocs,q", Arg::None, "",
     "Keep the relocations (.rela.*) in the linked output",
     [](S &s, V) { s.config.emitRelocs = true; }},
    {kOutput, "entry,e", Arg::Required, "SYM", "Start execution at SYM",
     [](S &s, V v) { s.config.entry = v; }},
    {kOutput, "image-base", Arg::Required, "ADDR", "Load the output at ADDR",
     [](S &s, V v) { setAddress(s, "--image-base", v); }},
    {kOutput, "Ttext-segment", Arg::Required, "ADDR", "Same as --image-base",
     [](S &s, V v) { setAddress(s, "-Ttext-segment", v); }},
    {kOutput, "section-start", Arg::Required, "SEC=ADDR", "Place output section SEC at ADDR",
     [](S &s, V v) {
       size_t eq = v.rfind('=');
       setSectionStart(s, v.substr(0, eq == std::string::npos ? 0 : eq),
                       eq == std::string::npos ? v : v.substr(eq + 1));
     }},
    {kOutput, "Ttext", Arg::Required, "ADDR", "Same as --section-start=.text=ADDR",
     [](S &s, V v) { setSectionStart(s, ".text", v); }},
    {kOutput, "Tdata", Arg::Required, "ADDR", "Same as --section-start=.data=ADDR",
     [](S &s, V v) { setSectionStart(s, ".data", v); }},
    {kOutput, "Tbss", Arg::Required, "ADDR", "Same as --section-start=.bss=ADDR",
     [](S &s, V v) { setSectionStart(s, ".bss", v); }},
    {kOutput, "m", Arg::Required, "EMULATION", "Target emulation (only elf_x86_64)",
     [](S &s, V v) {
       if (v != "elf_x86_64")
         s.error("unknown emulation: " + v);
     }},
    {kOutput, "script,T", Arg::Required, "FILE",
     "Read the linker script FILE here (searched in earlier -L directories; no SECTIONS)",
     addScript},
    {kOutput, "default-script,dT", Arg::Required, "FILE", "Same as -T", addScript},
    {kOutput, "oformat", Arg::Required, "FORMAT", "Output format: elf64-x86-64 only",
     [](S &s, V v) {
       if (!isOurFormat(v))
         s.error("unsupported output format: " + v);
     }},
    {kOutput, "architecture,A", Arg::Required, "ARCH", "Architecture: i386:x86-64 only",
     [](S &s, V v) {
       if (v != "i386:x86-64" && v != "x86-64")
         s.error("unsupported architecture: " + v);
     }},
    {kOutput, "EL", Arg::None, "", "Little-endian output (the only kind)", ignore},
    {nullptr, "EB", Arg::None, "", "", [](S &s, V) { unsupported(s, "-EB (big-endian output)"); }},
    {nullptr, "omagic,N", Arg::None, "", "", [](S &s, V) { unsupported(s, "-N (--omagic)"); }},
    {nullptr, "nmagic,n", Arg::None, "", "", [](S &s, V) { unsupported(s, "-n (--nmagic)"); }},
    {nullptr, "no-omagic", Arg::None, "", "", ignore},
    {nullptr, "Trodata-segment", Arg::Required, "", "",
     [](S &s, V) { unsupported(s, "-Trodata-segment"); }},
    {nullptr, "Tldata-segment", Arg::Required, "", "",
     [](S &s, V) { unsupported(s, "-Tldata-segment"); }},
    {kOutput, "build-id", Arg::Optional, "STYLE",
     "Add a .note.gnu.build-id: none, fast (default, as lld), md5, sha1, uuid, 0xHEX", setBuildId},
    {kOutput, "package-metadata", Arg::Required, "JSON",
     "Add a .note.package naming the package the output belongs to",
     [](S &s, V v) { s.config.packageMetadata = v; }},
    {kOutput, "z", Arg::Required, "KEYWORD", "Set a -z keyword (see below)", applyZ},

    // Inputs and libraries.
    {kInputs, "library,l", Arg::Required, "NAME", "Search for libNAME.so/.a (-l:FILE: exact name)",
     [](S &s, V v) { s.push(K::Library, v); }},
    {kInputs, "library-path,L", Arg::Required, "DIR", "Add DIR to the -l search path",
     [](S &s, V v) { s.config.libraryPaths.push_back(v); }},
    {kInputs, "sysroot", Arg::Required, "DIR", "Prefix for '=' paths in -L and scripts",
     [](S &s, V v) { s.config.sysroot = v; }},
    {kInputs, ",Y", Arg::Required, "PATH", "Same as -L PATH (Solaris' spelling)",
     [](S &s, V v) { s.config.libraryPaths.push_back(v); }},
    {kInputs, "format,b", Arg::Required, "FORMAT", "Input format: elf64-x86-64 only",
     [](S &s, V v) {
       if (!isOurFormat(v))
         s.error("unsupported input format: " + v);
     }},
    {kInputs, "no-copy-dt-needed-entries", Arg::None, "",
     "Libraries' DT_NEEDED entries do not resolve names (the only mode)", ignore},
    {nullptr, "copy-dt-needed-entries", Arg::None, "", "",
     [](S &s, V) { unsupported(s, "--copy-dt-needed-entries"); }},
    {kInputs, "start-group", Arg::None, "", "Start a group of archives searched repeatedly (-( )",
     [](S &s, V) {
       if (s.groupDepth > 0)
         return s.error("nested --start-group");
       ++s.groupDepth;
       s.push(K::StartGroup);
     }},
    {kInputs, "end-group", Arg::None, "", "End a group (-) )", endGroup},
    {kInputs, "whole-archive", Arg::None, "", "Include every member of the following archives",
     [](S &s, V) { s.push(K::WholeArchive); }},
    {kInputs, "no-whole-archive", Arg::None, "", "Turn off --whole-archive",
     [](S &s, V) { s.push(K::NoWholeArchive); }},
    {kInputs, "as-needed", Arg::None, "", "Add DT_NEEDED only for libraries that are used",
     [](S &s, V) { s.push(K::AsNeeded); }},
    {kInputs, "no-as-needed", Arg::None, "", "Always add DT_NEEDED (default)",
     [](S &s, V) { s.push(K::NoAsNeeded); }},
    {kInputs, "push-state", Arg::None, "", "Save the -B, --as-needed, --whole-archive state",
     [](S &s, V) {
       ++s.stateDepth;
       s.push(K::PushState);
     }},
    {kInputs, "pop-state", Arg::None, "", "Restore the state saved by --push-state", popState},
    {kInputs, "Bstatic,dn,non_shared", Arg::None, "", "Following -l find only archives",
     [](S &s, V) { s.push(K::Static); }},
    {kInputs, "Bdynamic,dy,call_shared", Arg::None, "", "Following -l prefer shared libraries",
     [](S &s, V) { s.push(K::Dynamic); }},

    // Symbols.
    {kSymbols, "wrap", Arg::Required, "SYM",
     "References to SYM bind to __wrap_SYM, references to __real_SYM to SYM",
     [](S &s, V v) { s.config.wrapSyms.push_back(v); }},
    {kSymbols, "undefined,u", Arg::Required, "SYM", "Start with SYM undefined",
     [](S &s, V v) { s.config.undefinedSyms.push_back(v); }},
    {kSymbols, "require-defined", Arg::Required, "SYM",
     "Same as -u SYM, and an error if no input defines SYM",
     [](S &s, V v) {
       s.config.undefinedSyms.push_back(v);
       s.config.requiredSyms.push_back(v);
     }},
    {kSymbols, "ignore-unresolved-symbol", Arg::Required, "SYM",
     "An undefined SYM is neither an error nor a warning",
     [](S &s, V v) { s.config.ignoredUndefs.push_back(v); }},
    {kSymbols, "defsym", Arg::Required, "SYM=EXPR",
     "Define SYM as EXPR: a number, a symbol, or a symbol +- a number", addDefsym},
    {kSymbols, "export-dynamic,E", Arg::None, "", "Put all global symbols in .dynsym",
     [](S &s, V) { s.config.exportDynamic = true; }},
    {kSymbols, "no-export-dynamic", Arg::None, "", "Turn off --export-dynamic",
     [](S &s, V) { s.config.exportDynamic = false; }},
    {kSymbols, "export-dynamic-symbol", Arg::Required, "GLOB", "Put symbols matching GLOB in .dynsym",
     [](S &s, V v) { s.config.exportDynamicSyms.push_back(v); }},
    {kSymbols, "export-dynamic-symbol-list", Arg::Required, "FILE",
     "Same, for each pattern of FILE (dynamic-list syntax)",
     [](S &s, V v) { s.config.exportDynamicSymbolLists.push_back(v); }},
    {kSymbols, "Bsymbolic", Arg::None, "", "Bind global references locally (-shared)",
     [](S &s, V) {
       s.config.bsymbolic = true;
       s.config.bsymbolicFunctions = false;
     }},
    {kSymbols, "Bsymbolic-functions", Arg::None, "", "Bind global function references locally",
     [](S &s, V) {
       s.config.bsymbolic = false;
       s.config.bsymbolicFunctions = true;
     }},
    {kSymbols, "Bno-symbolic", Arg::None, "", "Undo -Bsymbolic and -Bsymbolic-functions",
     [](S &s, V) {
       s.config.bsymbolic = false;
       s.config.bsymbolicFunctions = false;
     }},
    {kSymbols, "version-script", Arg::Required, "FILE", "Read a version script",
     [](S &s, V v) { s.config.versionScript = v; }},
    {kSymbols, "undefined-version", Arg::None, "",
     "Allow version script names that are not defined (default)",
     [](S &s, V) { s.config.noUndefinedVersion = false; }},
    {kSymbols, "no-undefined-version", Arg::None, "",
     "Make a version script name that is not defined an error",
     [](S &s, V) { s.config.noUndefinedVersion = true; }},
    {kSymbols, "default-symver", Arg::None, "",
     "Version every exported symbol with the soname (or output name)",
     [](S &s, V) { s.config.defaultSymver = true; }},
    {kSymbols, "exclude-libs", Arg::Required, "LIB,...",
     "Do not export the definitions of these archives (file names split by , or :, or ALL)",
     [](S &s, V v) {
       size_t start = 0;
       while (start <= v.size()) {
         size_t end = v.find_first_of(",:", start);
         if (end == std::string::npos)
           end = v.size();
         if (end > start)
           s.config.excludeLibs.push_back(v.substr(start, end - start));
         start = end + 1;
       }
     }},
    {kSymbols, "dynamic-list", Arg::Required, "FILE", "Read a dynamic list",
     [](S &s, V v) { s.config.dynamicLists.push_back(v); }},
    {kSymbols, "dynamic-list-data", Arg::None, "", "Add every data symbol to the dynamic list",
     [](S &s, V) { s.config.dynamicListData = true; }},
    {kSymbols, "dynamic-list-cpp-new", Arg::None, "",
     "Add C++ operator new and delete to the dynamic list",
     [](S &s, V) { s.config.dynamicListCppNew = true; }},
    {kSymbols, "dynamic-list-cpp-typeinfo", Arg::None, "",
     "Add C++ typeinfo objects to the dynamic list",
     [](S &s, V) { s.config.dynamicListCppTypeinfo = true; }},
    {kSymbols, "no-undefined", Arg::None, "", "Report undefined symbols even with -shared",
     [](S &s, V) { s.config.undefInObjects = Config::Unresolved::Report; }},
    {kSymbols, "allow-shlib-undefined", Arg::None, "", "Allow undefined symbols in shared libraries",
     [](S &s, V) { s.config.undefInShlibs = Config::Unresolved::Ignore; }},
    {kSymbols, "no-allow-shlib-undefined", Arg::None, "", "Report them",
     [](S &s, V) { s.config.undefInShlibs = Config::Unresolved::Report; }},
    {kSymbols, "unresolved-symbols", Arg::Required, "METHOD",
     "ignore-all, report-all, ignore-in-object-files or ignore-in-shared-libs", setUnresolved},
    {kSymbols, "warn-unresolved-symbols", Arg::None, "", "Report undefined symbols as warnings",
     [](S &s, V) { s.config.warnUnresolved = true; }},
    {kSymbols, "error-unresolved-symbols", Arg::None, "", "Report them as errors (default)",
     [](S &s, V) { s.config.warnUnresolved = false; }},
    {kSymbols, "allow-multiple-definition", Arg::None, "", "Keep the first of duplicate definitions",
     [](S &s, V) { s.config.allowMultipleDefinition = true; }},

    // Sections.
    {kSections, "gc-sections", Arg::None, "", "Remove unreferenced sections",
     [](S &s, V) { s.config.gcSections = true; }},
    {kSections, "no-gc-sections", Arg::None, "", "Keep them (default)",
     [](S &s, V) { s.config.gcSections = false; }},
    {kSections, "print-gc-sections", Arg::None, "", "List the removed sections",
     [](S &s, V) { s.config.printGcSections = true; }},
    {kSections, "no-print-gc-sections", Arg::None, "", "Do not list them (default)",
     [](S &s, V) { s.config.printGcSections = false; }},
    {kSections, "sort-common", Arg::Optional, "ORDER",
     "Place common symbols by alignment, descending (default) or ascending", applySortCommon},
    {kSections, "define-common,dc,dp,d", Arg::None, "",
     "Allocate common symbols in .bss even with -r", [](S &s, V) { s.config.defineCommon = true; }},
    {kSections, "unique", Arg::Optional, "SECTION",
     "Give each input section matching the glob SECTION (without it: each orphan section) "
     "an output section of its own",
     [](S &s, V v) {
       if (v.empty())
         s.config.uniqueOrphans = true;
       else
         s.config.uniqueSections.push_back(v);
     }},
    {kSections, "compress-debug-sections", Arg::Required, "TYPE",
     "Compress the .debug_* output sections: none (default), zlib (same as zlib-gabi), zstd",
     [](S &s, V v) {
       if (v == "none")
         s.config.compressDebug = DebugCompression::None;
       else if (v == "zlib" || v == "zlib-gabi")
         s.config.compressDebug = DebugCompression::Zlib;
       else if (v == "zstd")
         s.config.compressDebug = DebugCompression::Zstd;
       else if (v == "zlib-gnu")
         s.error("--compress-debug-sections=zlib-gnu (.zdebug_* output) is not supported; "
                 "use zlib");
       else
         s.error("unknown --compress-debug-sections type: " + v +
                 " (none, zlib, zlib-gabi or zstd)");
     }},
    {kSections, "strip-all,s", Arg::None, "", "Omit all symbol information",
     [](S &s, V) { s.config.stripAll = true; }},
    {kSections, "strip-debug,S", Arg::None, "", "Omit debug sections",
     [](S &s, V) { s.config.stripDebug = true; }},
    {kSections, "eh-frame-hdr", Arg::None, "", "Create .eh_frame_hdr and PT_GNU_EH_FRAME",
     [](S &s, V) { s.config.ehFrameHdr = true; }},
    {kSections, "no-eh-frame-hdr", Arg::None, "", "Do not create them",
     [](S &s, V) { s.config.ehFrameHdr = false; }},
    {kSections, "relax", Arg::None, "",
     "Rewrite GOT loads of local symbols into direct ones (default)",
     [](S &s, V) { s.config.relax = true; }},
    {kSections, "no-relax", Arg::None, "", "Keep GOTPCRELX loads and calls as written",
     [](S &s, V) { s.config.relax = false; }},
    {kSections, "discard-all,x", Arg::None, "", "Accepted for compatibility", ignore},
    {kSections, "discard-locals,X", Arg::None, "", "Accepted for compatibility", ignore},

    // Dynamic linking.
    {kDynamic, "dynamic-linker,I", Arg::Required, "FILE", "Set PT_INTERP to FILE",
     [](S &s, V v) {
       s.config.dynamicLinker = v;
       s.config.noDynamicLinker = false;
     }},
    {kDynamic, "no-dynamic-linker", Arg::None, "", "Omit PT_INTERP (static-pie)",
     [](S &s, V) { s.config.noDynamicLinker = true; }},
    {kDynamic, "soname,h", Arg::Required, "NAME", "Set DT_SONAME",
     [](S &s, V v) { s.config.soname = v; }},
    {kDynamic, "init", Arg::Required, "SYMBOL", "Call SYMBOL at load time (DT_INIT)",
     [](S &s, V v) { s.config.initSymbol = v; }},
    {kDynamic, "fini", Arg::Required, "SYMBOL", "Call SYMBOL at unload time (DT_FINI)",
     [](S &s, V v) { s.config.finiSymbol = v; }},
    {kDynamic, "rpath,R", Arg::Required, "DIR", "Add DIR to the runtime search path",
     [](S &s, V v) { s.config.rpath.push_back(v); }},
    {kDynamic, "enable-new-dtags", Arg::None, "", "Write DT_RUNPATH (default)",
     [](S &s, V) { s.config.enableNewDtags = true; }},
    {kDynamic, "disable-new-dtags", Arg::None, "", "Write DT_RPATH",
     [](S &s, V) { s.config.enableNewDtags = false; }},
    {kDynamic, "audit", Arg::Required, "LIB", "Add LIB to DT_AUDIT (rtld-audit modules)",
     [](S &s, V v) { s.config.audit.push_back(v); }},
    {kDynamic, "depaudit,P", Arg::Required, "LIB", "Add LIB to DT_DEPAUDIT",
     [](S &s, V v) { s.config.depaudit.push_back(v); }},
    {kDynamic, "auxiliary", Arg::Required, "NAME",
     "Add DT_AUXILIARY NAME, an auxiliary filter (also -f NAME)",
     [](S &s, V v) { s.config.auxiliary.push_back(v); }},
    {kDynamic, "filter", Arg::Required, "NAME", "Add DT_FILTER NAME, a standard filter (also -F NAME)",
     [](S &s, V v) { s.config.filter.push_back(v); }},
    {kDynamic, "Bgroup", Arg::None, "",
     "Set DF_1_GROUP; implies --unresolved-symbols=report-all",
     [](S &s, V) {
       s.config.zFlags1 |= llvm::ELF::DF_1_GROUP;
       s.config.undefInObjects = s.config.undefInShlibs = Config::Unresolved::Report;
     }},
    {kDynamic, "hash-style", Arg::Required, "STYLE", "sysv, gnu or both (default)",
     applyHashStyle},
    {kDynamic, "hash-size", Arg::Required, "N",
     "Accepted: mld sizes .hash and .gnu.hash from the symbol count", ignore},
    {kDynamic, "spare-dynamic-tags", Arg::Required, "N",
     "Leave N more DT_NULL entries in .dynamic for tools to fill (default 0)",
     applySpareDynamicTags},

    // Inspection and diagnostics.
    {kInspect, "Map", Arg::Required, "FILE", "Write a link map to FILE",
     [](S &s, V v) { s.config.mapPath = v; }},
    {kInspect, "print-map,M", Arg::None, "", "Write a link map to stdout",
     [](S &s, V) { s.config.mapPath = "-"; }},
    {kInspect, "trace,t", Arg::None, "", "Print each input file as it is read",
     [](S &s, V) { s.config.trace = true; }},
    {kInspect, "trace-symbol,y", Arg::Required, "SYM", "Print each file that mentions SYM",
     [](S &s, V v) { s.config.traceSymbols.push_back(v); }},
    {kInspect, "reloc-log", Arg::Required, "FILE", "Log every applied relocation (- = stdout)",
     [](S &s, V v) { s.config.relocLogPath = v; }},
    {kInspect, "reloc-log-format", Arg::Required, "FORMAT", "text (default) or json",
     applyRelocLogFormat},
    {kInspect, "stats", Arg::None, "", "Print link statistics",
     [](S &s, V) { s.config.stats = true; }},
    {kInspect, "time-trace", Arg::Optional, "FILE", "Write a Chrome trace of the passes",
     [](S &s, V v) {
       s.config.timeTracePath = v;
       s.timeTraceDefault = v.empty();
     }},
    {kInspect, "verbose", Arg::None, "", "Print the version and more detail",
     [](S &s, V) { s.config.verbose = true; }},
    {kInspect, "fatal-warnings", Arg::None, "", "Treat warnings as errors",
     [](S &s, V) { s.config.fatalWarnings = true; }},
    {kInspect, "no-fatal-warnings", Arg::None, "", "Do not (default)",
     [](S &s, V) { s.config.fatalWarnings = false; }},
    {kInspect, "dependency-file", Arg::Required, "FILE",
     "Write a make rule: the output depends on every file read",
     [](S &s, V v) { s.config.dependencyFile = v; }},
    {kInspect, "demangle", Arg::Optional, "STYLE", "Demangle C++ names in diagnostics (default)",
     [](S &s, V) { s.config.demangle = true; }},
    {kInspect, "no-demangle", Arg::None, "", "Print names as they are in the symbol table",
     [](S &s, V) { s.config.demangle = false; }},
    {kInspect, "print-output-format", Arg::None, "", "Print the output format (elf64-x86-64)",
     [](S &s, V) { s.config.printOutputFormat = true; }},
    {kInspect, "print-sysroot", Arg::None, "", "Print the --sysroot directory",
     [](S &s, V) { s.config.printSysroot = true; }},
    {kInspect, "warn-execstack", Arg::None, "", "Warn when -z execstack makes the stack executable",
     [](S &s, V) { s.config.warnExecStack = true; }},
    {kInspect, "no-warn-execstack", Arg::None, "", "Do not (default)",
     [](S &s, V) { s.config.warnExecStack = false; }},
    {kInspect, "warn-rwx-segments", Arg::None, "",
     "Accepted: mld makes no segment both writable and executable", ignore},
    {kInspect, "no-warn-rwx-segments", Arg::None, "", "Accepted (see above)", ignore},
    {kInspect, "warn-textrel", Arg::None, "", "Warn when the output needs DT_TEXTREL (default)",
     [](S &s, V) { s.config.textRel = Config::TextRel::Warn; }},
    {kInspect, "warn-once", Arg::None, "",
     "Accepted: each undefined name is reported once, with its first places", ignore},
    {kInspect, "color-diagnostics", Arg::Optional, "WHEN", "Accepted for compatibility", ignore},
    {kInspect, "no-color-diagnostics", Arg::None, "", "Accepted for compatibility", ignore},
    {kInspect, "warn-common", Arg::None, "", "Accepted for compatibility", ignore},
    {kInspect, "ctf-variables", Arg::None, "",
     "Accepted: mld keeps .ctf as it keeps other non-allocated sections", ignore},
    {kInspect, "no-ctf-variables", Arg::None, "", "Accepted (see above)", ignore},
    {kInspect, "no-warn-mismatch", Arg::None, "", "Accepted for compatibility", ignore},

    // Miscellaneous.
    {kMisc, "threads", Arg::Required, "N", "Use N threads",
     [](S &s, V v) { applyThreads(s, v); }},
    {kMisc, "no-threads", Arg::None, "", "Use one thread",
     [](S &s, V) { s.config.threads = 1; }},
    {kMisc, "help", Arg::None, "", "Print this help and exit",
     [](S &s, V) { s.config.printHelp = true; }},
    {kMisc, "version", Arg::None, "", "Print the version and exit",
     [](S &s, V) {
       s.config.printVersion = true;
       s.versionExits = true;
     }},
    {kMisc, ",v", Arg::None, "", "Print the version; exit if there are no inputs",
     [](S &s, V) { s.config.verbose = true; }},
    {kMisc, ",V", Arg::None, "", "Same as -v", [](S &s, V) { s.config.verbose = true; }},

    // Link-time optimization: gcc and clang pass their plugin on every link;
    // it is loaded only when an input holds compiler IR (lto-plugin.cpp).
    {kMisc, "plugin", Arg::Required, "PLUGIN", "Load the linker plugin PLUGIN for LTO inputs",
     [](S &s, V v) { s.config.plugins.push_back({v, {}}); }},
    {kMisc, "plugin-opt", Arg::Required, "OPT", "Pass OPT to the last -plugin",
     [](S &s, V v) {
       if (s.config.plugins.empty())
         s.error("-plugin-opt=" + v + " given before any -plugin");
       else
         s.config.plugins.back().options.push_back(v);
     }},

    // What gcc and clang pass that means nothing to us: accepted, hidden.
    {nullptr, "O", Arg::Required, "LEVEL", "", ignore},
    {nullptr, "nostdlib", Arg::None, "", "", ignore},
    {nullptr, "rpath-link", Arg::Required, "DIR", "", ignore},
    // GNU ld options about its own memory use, other targets or checks that
    // cannot fail in mld's layout: accepted, hidden.
    {nullptr, "no-keep-memory", Arg::None, "", "", ignore},
    {nullptr, "reduce-memory-overheads", Arg::None, "", "", ignore},
    {nullptr, "check-sections", Arg::None, "", "", ignore},
    {nullptr, "no-check-sections", Arg::None, "", "", ignore},
    {nullptr, "traditional-format", Arg::None, "", "", ignore},
    {nullptr, "ld-generated-unwind-info", Arg::None, "", "", ignore},
    {nullptr, "no-ld-generated-unwind-info", Arg::None, "", "", ignore},
    {nullptr, "warn-constructors", Arg::None, "", "", ignore},
    {nullptr, "warn-section-align", Arg::None, "", "", ignore},
    {nullptr, "warn-multiple-gp", Arg::None, "", "", ignore},
    {nullptr, "warn-alternate-em", Arg::None, "", "", ignore},
    {nullptr, "no-warn-search-mismatch", Arg::None, "", "", ignore},
    {nullptr, "Qy", Arg::None, "", "", ignore},
    {nullptr, "assert", Arg::Required, "", "", ignore},
    {nullptr, ",g", Arg::None, "", "", ignore},
    {nullptr, "gpsize,G", Arg::Required, "", "", ignore},
};

std::span<const OptionSpec> optionTable() { return kOptions; }

Names splitNames(const char *names) {
  Names out;
  std::string all = names;
  size_t start = 0;
  while (start <= all.size()) {
    size_t comma = all.find(',', start);
    if (comma == std::string::npos)
      comma = all.size();
    out.longNames.push_back(all.substr(start, comma - start));
    start = comma + 1;
  }
  if (out.longNames.size() > 1 && out.longNames.back().size() == 1) {
    out.shortName = out.longNames.back()[0];
    out.longNames.pop_back();
  }
  if (!out.longNames.empty() && out.longNames.front().empty())
    out.longNames.erase(out.longNames.begin());
  // "m", "O": a lone letter is a short option in GNU ld, not a long one.
  if (out.shortName == 0 && out.longNames.size() == 1 && out.longNames[0].size() == 1) {
    out.shortName = out.longNames[0][0];
    out.longNames.clear();
  }
  return out;
}

OptionIndex::OptionIndex() {

  for (const OptionSpec &spec : kOptions) {
    Names names = splitNames(spec.names);
    std::string boostNames;
    for (const std::string &name : names.longNames) {
      boostNames += (boostNames.empty() ? "" : ",") + name;
      byLongName[name] = &spec;
    }
    if (names.shortName) {
      boostNames += std::string(",") + names.shortName;
      byShortName[names.shortName] = &spec;
    }
    // Boost's key is the first long name, else "-c".
    std::string key =
        names.longNames.empty() ? std::string("-") + names.shortName : names.longNames[0];
    byKey[key] = &spec;

    // Optional values need no implicit_value: normalise() always gives
    // them one (see kBareValue).
    const po::value_semantic *semantic = nullptr;
    if (spec.arg == Arg::None)
      semantic = new po::untyped_value(true);
    else
      semantic = po::value<std::string>();
    desc.add(boost::shared_ptr<po::option_description>(
        new po::option_description(boostNames.c_str(), semantic, spec.help)));
  }
}

const OptionIndex &optionIndex() {
  static const OptionIndex index;
  return index;
}

} // namespace mld::opt
