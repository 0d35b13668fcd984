// Config: everything the command line decides, and nothing else.
// Filled by options.cpp from GNU ld's syntax; read (never written) by the passes.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mld {

// What kind of ELF file the link produces.
enum class OutputKind : uint8_t {
  Exec,   // ET_EXEC at a fixed address (static, or dynamic non-PIE)
  Pie,    // ET_DYN executable (dynamic PIE, or static-pie with -static)
  Shared, // ET_DYN shared object (-shared)
};

enum class LogFormat : uint8_t { Text, Json };
enum class HashStyle : uint8_t { Sysv, Gnu, Both };
enum class BuildId : uint8_t { None, Fast, Md5, Sha1, Uuid, Hex };
enum class DebugCompression : uint8_t { None, Zlib, Zstd };

// One positional item of the command line. GNU ld's semantics depend on the
// order of files and of the state-changing options between them, so the parser
// keeps them as one ordered list instead of separate vectors.
struct InputSpec {
  enum class Kind : uint8_t {
    File,           // a path: object, archive, shared object or linker script
    Library,        // -lfoo (value "foo") or -l:file.a (value ":file.a")
    StartGroup,     // --start-group / -(
    EndGroup,       // --end-group / -)
    WholeArchive,   // --whole-archive
    NoWholeArchive, // --no-whole-archive
    Static,         // -Bstatic / -static / -dn / -non_shared
    Dynamic,        // -Bdynamic / -dy / -call_shared
    AsNeeded,       // --as-needed
    NoAsNeeded,     // --no-as-needed
    PushState,      // --push-state
    PopState,       // --pop-state
  };
  Kind kind;
  std::string value;
};

// -plugin PATH and the -plugin-opt options that follow it (GNU ld's rule:
// an option belongs to the last plugin named before it).
struct PluginSpec {
  std::string path;
  std::vector<std::string> options;
};

// --defsym NAME=EXPR, with EXPR reduced to [SYMBOL] + addend (what mld can
// evaluate: a number, a symbol, or a sum and difference of those with at
// most one symbol, added).
struct Defsym {
  std::string name;
  std::string target; // empty: an absolute value
  int64_t addend = 0;
  // An assignment in a linker script (NAME = EXPR;) is one too. PROVIDE and
  // PROVIDE_HIDDEN define NAME only when an input refers to it and none
  // defines it; HIDDEN and PROVIDE_HIDDEN make it hidden.
  bool provide = false;
  bool hidden = false;
  std::string script; // the script's path; empty for --defsym
  int line = 0;       // and the assignment's line there
};

struct Config {
  // Output.
  std::string outputPath = "a.out";
  OutputKind kind = OutputKind::Exec;
  // -static given somewhere. Which files may be shared libraries is the
  // positional -Bstatic state's business (InputState); this only makes
  // `-static -pie` a static PIE, with no interpreter and no exports.
  bool isStatic = false;
  std::string entry;                             // -e; empty means "_start" (exec) or none
  std::optional<uint64_t> imageBase;             // --image-base / -Ttext-segment
  uint64_t pageSize = 4096;                      // -z max-page-size
  std::map<std::string, uint64_t> sectionStarts; // --section-start, -Ttext/-Tdata/-Tbss
  bool relocatable = false;                      // -r / --relocatable / -i: an ET_REL output
  bool emitRelocs = false; // -q / --emit-relocs: keep relocations in the output

  // Inputs, in command-line order, and where -l looks.
  std::vector<InputSpec> inputs;
  std::vector<std::string> libraryPaths; // -L, in order
  std::string sysroot;                   // --sysroot

  // Symbol rules.
  bool allowMultipleDefinition = false; // --allow-multiple-definition / -z muldefs
  // GNU ld's two switches for names nothing defines: those regular objects
  // refer to (--no-undefined, -z defs/undefs) and those linked-against
  // shared libraries need (--[no-]allow-shlib-undefined); both set at once
  // by --unresolved-symbols. Default: objects are reported unless -shared,
  // libraries are not checked (see reportObjectUndefs/reportShlibUndefs).
  enum class Unresolved : uint8_t { Default, Ignore, Report };
  Unresolved undefInObjects = Unresolved::Default;
  Unresolved undefInShlibs = Unresolved::Default;
  bool warnUnresolved = false;                       // --warn-unresolved-symbols (vs --error-)
  std::vector<std::string> undefinedSyms;            // -u SYM
  std::vector<std::string> requiredSyms;             // --require-defined SYM (also in -u's list)
  std::vector<std::string> ignoredUndefs;            // --ignore-unresolved-symbol SYM
  std::vector<std::string> wrapSyms;                 // --wrap SYM
  std::vector<Defsym> defsyms;                       // --defsym, in order
  std::vector<std::string> exportDynamicSyms;        // --export-dynamic-symbol GLOB
  std::vector<std::string> exportDynamicSymbolLists; // --export-dynamic-symbol-list FILE
  bool exportDynamic = false;                        // -E / --export-dynamic
  // -Bsymbolic, -Bsymbolic-functions and -Bno-symbolic: the last one wins.
  bool bsymbolic = false;          // -Bsymbolic
  bool bsymbolicFunctions = false; // -Bsymbolic-functions
  std::string versionScript;       // --version-script
  // VERSION { } blocks of linker scripts read as inputs: (script, text).
  // They add their nodes after --version-script's, as GNU ld's do.
  std::vector<std::pair<std::string, std::string>> scriptVersions;
  bool noUndefinedVersion = false;       // --no-undefined-version (GNU ld's default: off)
  bool defaultSymver = false;            // --default-symver
  std::vector<std::string> excludeLibs;  // --exclude-libs (archive file names, or ALL)
  std::vector<std::string> dynamicLists; // --dynamic-list FILE
  bool dynamicListData = false;          // --dynamic-list-data
  bool dynamicListCppNew = false;        // --dynamic-list-cpp-new: operator new/delete
  bool dynamicListCppTypeinfo = false;   // --dynamic-list-cpp-typeinfo: typeinfo objects

  // Sections.
  bool gcSections = false; // --gc-sections
  // --unique=GLOB: each input section whose name matches gets an output
  // section of its own; --unique alone does so for every orphan section.
  std::vector<std::string> uniqueSections;
  bool uniqueOrphans = false;
  bool relax = true;            // --relax / --no-relax (GOTPCRELX loads only)
  bool printGcSections = false; // --print-gc-sections
  bool stripAll = false;        // -s
  bool stripDebug = false;      // -S
  DebugCompression compressDebug = DebugCompression::None; // --compress-debug-sections
  bool ehFrameHdr = false;                                 // --eh-frame-hdr
  BuildId buildId = BuildId::None;                         // --build-id[=style]
  std::vector<uint8_t> buildIdHex;                         // --build-id=0xHEX
  std::string packageMetadata; // --package-metadata: .note.package's JSON
  // --sort-common: common symbols ordered by alignment (16 and more, 8, 4,
  // 2, 1: GNU ld's classes), to waste less padding between them.
  enum class SortCommon : uint8_t { None, Ascending, Descending };
  SortCommon sortCommon = SortCommon::None;
  bool defineCommon = false;       // -d, -dc, -dp: commons become .bss even with -r
  bool zStartStopGc = false;       // -z start-stop-gc: __start_SEC does not keep SEC
  uint8_t startStopVisibility = 3; // -z start-stop-visibility (STV_PROTECTED)

  // Dynamic linking.
  std::string dynamicLinker;        // -dynamic-linker / -I
  bool noDynamicLinker = false;     // --no-dynamic-linker
  std::string soname;               // -soname / -h
  std::string initSymbol = "_init"; // -init: DT_INIT
  std::string finiSymbol = "_fini"; // -fini: DT_FINI
  std::vector<std::string> rpath;   // -rpath / -R
  bool enableNewDtags = true;       // --enable-new-dtags (RUNPATH) / --disable-new-dtags
  HashStyle hashStyle = HashStyle::Both;
  bool zNow = false;                 // -z now / -z lazy
  bool zRelro = true;                // -z relro / -z norelro
  bool zExecStack = false;           // -z execstack / -z noexecstack
  bool zSeparateCode = true;         // -z separate-code / -z noseparate-code
  bool zNodelete = false;            // -z nodelete
  bool zOrigin = false;              // -z origin
  bool zDynamicUndefinedWeak = true; // -z [no]dynamic-undefined-weak (-shared)
  bool zShstk = false;               // -z shstk: mark the output SHSTK-compatible
  bool zIbt = false;                 // -z ibt: mark the output IBT-compatible (and -z ibtplt)
  bool zIbtPlt = false;              // -z ibtplt: the IBT-enabled PLT (.plt + .plt.sec)
  // -z cet-report: how inputs without the IBT/SHSTK property are reported.
  enum class CetReport : uint8_t { None, Warning, Error };
  CetReport cetReport = CetReport::None;
  bool zPackRelativeRelocs = false;   // -z [no]pack-relative-relocs: .relr.dyn (DT_RELR)
  uint32_t isaLevelNeeded = 0;        // -z x86-64-v2/v3/v4: GNU_PROPERTY_X86_ISA_1_* bits
  uint32_t zFlags1 = 0;               // DF_1_* set by -z initfirst, interpose, nodump, ...
  uint64_t zStackSize = 0;            // -z stack-size: PT_GNU_STACK's p_memsz
  uint32_t spareDynamicTags = 0;      // --spare-dynamic-tags: extra DT_NULLs
  std::vector<std::string> audit;     // --audit: DT_AUDIT, ':'-joined
  std::vector<std::string> depaudit;  // --depaudit / -P: DT_DEPAUDIT
  std::vector<std::string> auxiliary; // -f / --auxiliary: DT_AUXILIARY each
  std::vector<std::string> filter;    // -F / --filter: DT_FILTER each
  // Dynamic relocations in read-only sections (text relocations): GNU ld
  // warns and marks the output DT_TEXTREL by default, -z text makes them an
  // error, -z notext allows them silently.
  enum class TextRel : uint8_t { Warn, Error, Allow };
  TextRel textRel = TextRel::Warn; // -z text / -z notext

  // Link-time optimization.
  std::vector<PluginSpec> plugins; // -plugin / -plugin-opt, in order

  // Inspection.
  std::string mapPath;                        // -Map / -M (to stdout when "-")
  bool trace = false;                         // -t / --trace
  std::vector<std::string> traceSymbols;      // -y SYM / --trace-symbol
  std::string relocLogPath;                   // --reloc-log=FILE ("-" is stdout)
  LogFormat relocLogFormat = LogFormat::Text; // --reloc-log-format
  bool stats = false;                         // --stats
  std::string timeTracePath;                  // --time-trace[=FILE]
  bool verbose = false;                       // -v / --verbose
  bool fatalWarnings = false;                 // --fatal-warnings
  bool demangle = true;                       // --[no-]demangle: C++ names in diagnostics
  bool warnExecStack = false;                 // --warn-execstack (warn about -z execstack)
  std::string dependencyFile;                 // --dependency-file: make rules of the inputs
  int threads = 0;                            // --threads=N (0: all cores)

  // Set when the command line only asked for information.
  bool printVersion = false;      // --version / -v with no inputs
  bool printHelp = false;         // --help
  bool printOutputFormat = false; // --print-output-format: "elf64-x86-64"
  bool printSysroot = false;      // --print-sysroot
  bool printOnly = false;         // one of those two, and no input: nothing to link

  bool isPic() const { return kind != OutputKind::Exec; }
  bool isShared() const { return kind == OutputKind::Shared; }
  bool isStaticPie() const { return isStatic && kind == OutputKind::Pie; }
  // Any of GNU ld's dynamic lists: in a shared object, the names not on it
  // are bound locally.
  bool hasDynamicList() const {
    return !dynamicLists.empty() || dynamicListData || dynamicListCppNew || dynamicListCppTypeinfo;
  }
  // --ignore-unresolved-symbol: neither error nor warning for this name.
  bool ignoresUndefined(std::string_view name) const {
    for (const std::string &n : ignoredUndefs)
      if (n == name)
        return true;
    return false;
  }
  bool reportObjectUndefs() const {
    return undefInObjects == Unresolved::Report ||
           (undefInObjects == Unresolved::Default && !isShared());
  }
  bool reportShlibUndefs() const { return undefInShlibs == Unresolved::Report; }
};

} // namespace mld
