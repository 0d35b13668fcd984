// The linker side of the plugin interface (binutils' include/plugin-api.h,
// described at https://gcc.gnu.org/wiki/whopr/driver): how gcc -flto and
// clang -flto link through GNU ld, gold, mold, and here.
//
//  1. When the walk meets an input holding IR (an ELF object with
//     .gnu.lto_* sections, LLVM bitcode), the plugins named by -plugin are
//     loaded (once; see loadPlugins) and offered it (claim_file). A plugin
//     that claims it reports its symbols (add_symbols); they resolve like an
//     object's, and the file becomes an IrFile with no sections.
//  2. After the walk, all_symbols_read: the plugin asks how each of its
//     symbols was resolved (get_symbols, GNU ld's rules in resolutionOf),
//     compiles, and hands back ordinary objects (add_input_file), which the
//     walk reads in place of the IR (read-inputs.cpp, runLto).
//  3. cleanup, on every exit path: the plugin removes its temporary files.
//
// The interface gives its callbacks no context pointer, so they reach the
// link through `session` below; the link has one LtoSession at most.
#include "lto-plugin.h"

#include "export-policy.h"
#include "context.h"
#include "diag.h"
#include "relocations.h"
#include "version-script.h"

#include "llvm/BinaryFormat/ELF.h"
#include "llvm/Support/MemoryBuffer.h"

#include <cerrno>
#include <cstdarg>
#include <cstring>
#include <dlfcn.h>
#include <fcntl.h>
#include <iostream>
#include <optional>
#include <sys/auxv.h>
#include <unistd.h>

namespace mld {

using namespace llvm::ELF;

// The interface, declared from its documentation (the numbers are ABI).
namespace {

enum Status { LDPS_OK = 0, LDPS_NO_SYMS, LDPS_BAD_HANDLE, LDPS_ERR };
enum Tag {
  LDPT_NULL = 0,
  LDPT_API_VERSION = 1,
  LDPT_LINKER_OUTPUT = 3,
  LDPT_OPTION = 4,
  LDPT_REGISTER_CLAIM_FILE_HOOK = 5,
  LDPT_REGISTER_ALL_SYMBOLS_READ_HOOK = 6,
  LDPT_REGISTER_CLEANUP_HOOK = 7,
  LDPT_ADD_SYMBOLS = 8,
  LDPT_GET_SYMBOLS = 9,
  LDPT_ADD_INPUT_FILE = 10,
  LDPT_MESSAGE = 11,
  LDPT_GET_INPUT_FILE = 12,
  LDPT_RELEASE_INPUT_FILE = 13,
  LDPT_ADD_INPUT_LIBRARY = 14,
  LDPT_OUTPUT_NAME = 15,
  LDPT_SET_EXTRA_LIBRARY_PATH = 16,
  LDPT_GET_VIEW = 18,
  LDPT_GET_SYMBOLS_V2 = 25,
  LDPT_GET_SYMBOLS_V3 = 28,
  LDPT_ADD_SYMBOLS_V2 = 33,
};
enum OutputType { LDPO_REL, LDPO_EXEC, LDPO_DYN, LDPO_PIE };
enum PluginSymbolKind { LDPK_DEF, LDPK_WEAKDEF, LDPK_UNDEF, LDPK_WEAKUNDEF, LDPK_COMMON };
enum PluginVisibility { LDPV_DEFAULT, LDPV_PROTECTED, LDPV_INTERNAL, LDPV_HIDDEN };
enum Resolution {
  LDPR_UNKNOWN,
  LDPR_UNDEF,
  LDPR_PREVAILING_DEF,
  LDPR_PREVAILING_DEF_IRONLY,
  LDPR_PREEMPTED_REG,
  LDPR_PREEMPTED_IR,
  LDPR_RESOLVED_IR,
  LDPR_RESOLVED_EXEC,
  LDPR_RESOLVED_DYN,
  LDPR_PREVAILING_DEF_IRONLY_EXP,
};
enum Level { LDPL_INFO, LDPL_WARNING, LDPL_ERROR, LDPL_FATAL };

struct PluginInputFile {
  const char *name;
  int fd;
  off_t offset;
  off_t filesize;
  void *handle;
};

struct PluginSymbol {
  char *name;
  char *version;
  // `int def` in the first version of the interface, the kind byte then
  // type, section kind and padding in the second: on little-endian x86-64
  // the kind is the first byte either way.
  uint8_t def;
  uint8_t symbolType;
  uint8_t sectionKind;
  uint8_t unused;
  int visibility;
  uint64_t size;
  char *comdatKey;
  int resolution;
};

using ClaimFileHandler = Status (*)(const PluginInputFile *, int *claimed);
using AllSymbolsReadHandler = Status (*)();
using CleanupHandler = Status (*)();

struct TagValue {
  int tag;
  union {
    int val;
    const char *string;
    const void *ptr;
  };
};

using OnloadFn = Status (*)(TagValue *);

} // namespace

// One -plugin: its handle and the handlers it registered.
struct PluginHost {
  std::string path;
  std::vector<std::string> options;
  void *handle = nullptr;
  ClaimFileHandler claimFile = nullptr;
  AllSymbolsReadHandler allSymbolsRead = nullptr;
  CleanupHandler cleanup = nullptr;
};

namespace {

// The link the callbacks serve, and the plugin whose code is running.
LtoSession *session;
Context *sessionCtx;
PluginHost *calling;
LtoOutputs outputs;

// What the resolution rules need to know beyond the symbol table: whether a
// definition may be reached from outside the output (GNU ld's
// is_visible_from_outside), read from the version script and dynamic list.
struct ExportRules {
  std::optional<VersionMatcher> versionScript;
  std::optional<std::vector<VersionPattern>> dynamicList;
};
std::optional<ExportRules> visibilityRules;

std::string readFileText(Context &ctx, const std::string &path) {
  auto mb = llvm::MemoryBuffer::getFile(path, /*IsText=*/true);
  if (!mb)
    Fatal(ctx) << "cannot open " << path << ": " << mb.getError().message();
  return (*mb)->getBuffer().str();
}

const ExportRules &exportRules(Context &ctx) {
  if (visibilityRules)
    return *visibilityRules;
  visibilityRules.emplace();
  std::string error;
  if (std::optional<VersionScript> script = readLinkVersionScript(ctx))
    visibilityRules->versionScript.emplace(*script);
  // Every name a dynamic list or an export list names may be seen outside.
  std::vector<std::string> lists = ctx.config.dynamicLists;
  lists.insert(lists.end(), ctx.config.exportDynamicSymbolLists.begin(),
               ctx.config.exportDynamicSymbolLists.end());
  for (const std::string &path : lists) {
    auto list = parseDynamicList(readFileText(ctx, path), error);
    if (!list)
      Fatal(ctx) << path << ": " << error;
    if (!visibilityRules->dynamicList)
      visibilityRules->dynamicList.emplace();
    visibilityRules->dynamicList->insert(visibilityRules->dynamicList->end(), list->begin(),
                                         list->end());
  }
  std::vector<VersionPattern> builtin = builtinDynamicList(ctx.config);
  if (!builtin.empty()) {
    if (!visibilityRules->dynamicList)
      visibilityRules->dynamicList.emplace();
    visibilityRules->dynamicList->insert(visibilityRules->dynamicList->end(), builtin.begin(),
                                         builtin.end());
  }
  for (const std::string &glob : ctx.config.exportDynamicSyms) {
    if (!visibilityRules->dynamicList)
      visibilityRules->dynamicList.emplace();
    visibilityRules->dynamicList->push_back(
        {glob, false, glob.find_first_of("*?[") != std::string::npos});
  }
  return *visibilityRules;
}

// Whether something outside this output may refer to the definition: a
// shared library we link against, or (for a shared object or under
// --export-dynamic) any module, unless the version script makes the name
// local or its visibility is hidden. Every global of a -r output is still
// to be linked, whatever its visibility (GNU ld's rule too).
bool visibleFromOutside(Context &ctx, const Symbol &sym) {
  const Config &cfg = ctx.config;
  if (cfg.relocatable)
    return true;
  const ExportRules &rules = exportRules(ctx);
  std::string_view name = sym.name;
  bool listed = (rules.dynamicList && matchesAny(*rules.dynamicList, name)) ||
                (cfg.dynamicListData && !sym.isFunc());
  if (!sym.referencedByDso && !listed && !cfg.exportDynamic && !cfg.isShared())
    return false;
  if (rules.versionScript && rules.versionScript->match(name).isLocal)
    return false;
  return sym.visibility == STV_DEFAULT || sym.visibility == STV_PROTECTED;
}

// --wrap and IR, as GNU ld 2.40 does it: the IR's references resolve like
// a regular object's (SYM as __wrap_SYM, __real_SYM as SYM), though the
// compiler, which sees only the IR, may still bind its own calls to SYM
// directly; definitions keep their names. Definitions of SYM and of
// __wrap_SYM are kept (PREVAILING_DEF): the compiled objects' references,
// renamed only then, may need either.
std::string_view irSymbolName(Context &ctx, std::string_view name, uint8_t def) {
  if (ctx.wrapRenames.empty() || (def != LDPK_UNDEF && def != LDPK_WEAKUNDEF))
    return name;
  auto it = ctx.wrapRenames.find(llvm::StringRef(name.data(), name.size()));
  return it == ctx.wrapRenames.end() ? name
                                     : std::string_view(it->second.data(), it->second.size());
}

bool isWrapOrWrapped(Context &ctx, std::string_view name) {
  if (ctx.wrapRenames.empty())
    return false;
  auto named = [&](std::string_view n) {
    auto it = ctx.wrapRenames.find(llvm::StringRef(n.data(), n.size()));
    return it == ctx.wrapRenames.end() ? llvm::StringRef() : it->second;
  };
  if (named(name).startswith("__wrap_"))
    return true; // SYM itself
  return name.starts_with("__wrap_") &&
         named(name.substr(strlen("__wrap_"))) == llvm::StringRef(name.data(), name.size());
}

// GNU ld's resolution of one IR symbol of `file` (ld/plugin.c, get_symbols):
// a reference (or common) is resolved by whoever defines the name; a
// definition prevails or is preempted; a prevailing definition that only IR
// refers to may be internalized (IRONLY) unless a regular object refers to
// it or it may be seen from outside (IRONLY_EXP, or plain PREVAILING_DEF for
// a version 1 caller).
int resolutionOf(Context &ctx, const IrFile &file, std::string_view name, uint8_t def,
                 int version) {
  bool isRef = def == LDPK_UNDEF || def == LDPK_WEAKUNDEF || def == LDPK_COMMON;
  Symbol *sym = ctx.symtab.find(irSymbolName(ctx, name, def));
  if (!sym)
    return def == LDPK_UNDEF || def == LDPK_WEAKUNDEF ? LDPR_UNDEF : LDPR_PREVAILING_DEF_IRONLY;
  if (sym->isUndefined())
    return LDPR_UNDEF;
  const InputFile *owner = sym->isLinkerDefined ? nullptr : sym->file;
  bool ownerIsIr = owner && owner->fileKind == InputFile::Kind::Ir;
  int res;
  // (A reference the file's own definition satisfies is one --wrap renamed
  // to the file's __wrap_SYM: resolved, not prevailing.)
  if (owner == &file && def != LDPK_UNDEF && def != LDPK_WEAKUNDEF)
    res = LDPR_PREVAILING_DEF_IRONLY;
  else if (isRef)
    res = ownerIsIr                                             ? LDPR_RESOLVED_IR
          : owner && owner->fileKind == InputFile::Kind::Shared ? LDPR_RESOLVED_DYN
                                                                : LDPR_RESOLVED_EXEC;
  else
    res = ownerIsIr ? LDPR_PREEMPTED_IR : LDPR_PREEMPTED_REG;
  if (res == LDPR_PREVAILING_DEF_IRONLY) {
    if (sym->nonIrRef || isWrapOrWrapped(ctx, name))
      res = LDPR_PREVAILING_DEF;
    else if (visibleFromOutside(ctx, *sym))
      res = version == 1 ? LDPR_PREVAILING_DEF : LDPR_PREVAILING_DEF_IRONLY_EXP;
  }
  return res;
}

// --- The callbacks the transfer vector hands to the plugins. ---

Status message(int level, const char *format, ...) {
  va_list ap, ap2;
  va_start(ap, format);
  va_copy(ap2, ap);
  int n = vsnprintf(nullptr, 0, format, ap);
  std::string text(n > 0 ? n : 0, '\0');
  vsnprintf(text.data(), text.size() + 1, format, ap2);
  va_end(ap2);
  va_end(ap);
  Context &ctx = *sessionCtx;
  switch (level) {
  case LDPL_INFO:
    std::cout << text << "\n";
    break;
  case LDPL_WARNING:
    Warn(ctx) << text;
    break;
  case LDPL_ERROR:
    Error(ctx) << text;
    break;
  default:
    Fatal(ctx) << text;
  }
  return LDPS_OK;
}

Status registerClaimFile(ClaimFileHandler h) {
  calling->claimFile = h;
  return LDPS_OK;
}

Status registerAllSymbolsRead(AllSymbolsReadHandler h) {
  calling->allSymbolsRead = h;
  return LDPS_OK;
}

Status registerCleanup(CleanupHandler h) {
  calling->cleanup = h;
  return LDPS_OK;
}

// The plugin's symbol table for the file it is claiming; names are copied
// (the plugin may free its array).
Status addSymbols(void *handle, int nsyms, const PluginSymbol *syms) {
  auto *file = static_cast<IrFile *>(handle);
  Context &ctx = *sessionCtx;
  file->irSymbols.clear();
  for (int i = 0; i < nsyms; i++) {
    const PluginSymbol &ps = syms[i];
    if (ps.def > LDPK_COMMON || ps.visibility < LDPV_DEFAULT || ps.visibility > LDPV_HIDDEN)
      return LDPS_ERR;
    std::string name = ps.name;
    if (ps.version)
      name += std::string("@") + ps.version;
    file->irSymbols.push_back({ctx.saver.save(name),
                               ps.comdatKey ? ctx.saver.save(ps.comdatKey) : llvm::StringRef(),
                               ps.def, (uint8_t)ps.visibility, ps.size});
  }
  file->symbolsAdded = true;
  return LDPS_OK;
}

Status getSymbols(const void *handle, int nsyms, PluginSymbol *syms, int version) {
  const auto *file = static_cast<const IrFile *>(handle);
  for (int i = 0; i < nsyms; i++) {
    std::string name = syms[i].name;
    if (syms[i].version)
      name += std::string("@") + syms[i].version;
    syms[i].resolution = resolutionOf(*sessionCtx, *file, name, syms[i].def, version);
  }
  return LDPS_OK;
}

Status getSymbolsV1(const void *h, int n, PluginSymbol *s) { return getSymbols(h, n, s, 1); }
Status getSymbolsV2(const void *h, int n, PluginSymbol *s) { return getSymbols(h, n, s, 2); }
// Version 3 may answer LDPS_NO_SYMS for a claimed file the link left out;
// mld claims only files it links (archive members once pulled), so never.
Status getSymbolsV3(const void *h, int n, PluginSymbol *s) { return getSymbols(h, n, s, 3); }

Status addInputFile(const char *path) {
  outputs.files.push_back(path);
  return LDPS_OK;
}

Status addInputLibrary(const char *name) {
  outputs.libraries.push_back(name);
  return LDPS_OK;
}

Status setExtraLibraryPath(const char *path) {
  outputs.libraryPaths.push_back(path);
  return LDPS_OK;
}

// The input's file (the archive, for a member), opened again, with the
// input's place in it. release_input_file closes the descriptor.
Status getInputFile(const void *handle, PluginInputFile *out) {
  auto *file = static_cast<IrFile *>(const_cast<void *>(handle));
  int fd = open(file->source.path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return LDPS_ERR;
  if (file->fd >= 0)
    close(file->fd);
  file->fd = fd;
  out->name = file->source.path.c_str();
  out->fd = fd;
  out->offset = file->source.offset;
  out->filesize = file->mb.getBufferSize();
  out->handle = const_cast<void *>(handle);
  return LDPS_OK;
}

Status releaseInputFile(const void *handle) {
  auto *file = static_cast<IrFile *>(const_cast<void *>(handle));
  if (file->fd >= 0)
    close(file->fd);
  file->fd = -1;
  return LDPS_OK;
}

// The input's bytes: mld keeps every input mapped for the whole link.
Status getView(const void *handle, const void **view) {
  *view = static_cast<const IrFile *>(handle)->mb.getBufferStart();
  return LDPS_OK;
}

// A statically linked mld (the default build: it starts faster) cannot
// load a C++ plugin such as LLVMgold.so: glibc's dlopen from a static
// program crashes in it. The same linker built as a dynamic executable,
// mld-dyn, lives next to mld; the link starts over in it, with the same
// arguments, the first time a plugin is needed (nothing has been written).
void runWhereDlopenWorks(Context &ctx) {
  if (getauxval(AT_BASE) != 0) {
    unsetenv("MLD_LTO_REEXEC"); // not for the plugin's own children
    return;                     // there is a dynamic loader: dlopen works
  }
  if (getenv("MLD_LTO_REEXEC"))
    Fatal(ctx) << "mld-dyn is statically linked: it cannot load a linker plugin";
  char self[4096];
  ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
  if (n <= 0)
    Fatal(ctx) << "cannot find mld's own path to run mld-dyn: " << strerror(errno);
  self[n] = '\0';
  std::string twin = std::string(self, strrchr(self, '/') - self) + "/mld-dyn";
  if (access(twin.c_str(), X_OK) != 0)
    Fatal(ctx) << "an LTO input needs the linker plugin, which this statically "
                  "linked mld cannot load; "
               << twin
               << " (the dynamically linked "
                  "mld) is missing";
  // The arguments as the kernel has them (/proc files have no size: read
  // to the end).
  std::string cmdline;
  int fd = open("/proc/self/cmdline", O_RDONLY | O_CLOEXEC);
  char buf[65536];
  for (ssize_t got; fd >= 0 && (got = read(fd, buf, sizeof buf)) > 0;)
    cmdline.append(buf, got);
  if (fd < 0 || cmdline.empty())
    Fatal(ctx) << "cannot read /proc/self/cmdline to run mld-dyn";
  close(fd);
  std::vector<char *> argv;
  for (size_t at = 0; at < cmdline.size(); at += strlen(&cmdline[at]) + 1)
    argv.push_back(&cmdline[at]);
  argv.push_back(nullptr);
  setenv("MLD_LTO_REEXEC", "1", 1);
  std::cout.flush();
  std::cerr.flush();
  execv(twin.c_str(), argv.data());
  Fatal(ctx) << "cannot run " << twin << ": " << strerror(errno);
}

// dlopen each -plugin and call its onload with the transfer vector.
void loadPlugin(Context &ctx, PluginHost &p) {
  p.handle = dlopen(p.path.c_str(), RTLD_NOW);
  if (!p.handle)
    Fatal(ctx) << p.path << ": error loading plugin: " << dlerror();
  auto onload = reinterpret_cast<OnloadFn>(dlsym(p.handle, "onload"));
  if (!onload)
    onload = reinterpret_cast<OnloadFn>(dlsym(p.handle, "_onload"));
  if (!onload)
    Fatal(ctx) << p.path << ": error loading plugin: no onload function";

  const Config &cfg = ctx.config;
  int outputType = cfg.relocatable               ? LDPO_REL
                   : cfg.isShared()              ? LDPO_DYN
                   : cfg.kind == OutputKind::Pie ? LDPO_PIE
                                                 : LDPO_EXEC;
  std::vector<TagValue> tv;
  auto add = [&](int tag, const void *ptr) {
    TagValue v;
    v.tag = tag;
    v.ptr = ptr;
    tv.push_back(v);
  };
  auto addVal = [&](int tag, int val) {
    TagValue v;
    v.tag = tag;
    v.ptr = nullptr;
    v.val = val;
    tv.push_back(v);
  };
  addVal(LDPT_API_VERSION, 1);
  addVal(LDPT_LINKER_OUTPUT, outputType);
  add(LDPT_OUTPUT_NAME, cfg.outputPath.c_str());
  add(LDPT_MESSAGE, (const void *)&message);
  add(LDPT_REGISTER_CLAIM_FILE_HOOK, (const void *)&registerClaimFile);
  add(LDPT_REGISTER_ALL_SYMBOLS_READ_HOOK, (const void *)&registerAllSymbolsRead);
  add(LDPT_REGISTER_CLEANUP_HOOK, (const void *)&registerCleanup);
  add(LDPT_ADD_SYMBOLS, (const void *)&addSymbols);
  add(LDPT_ADD_SYMBOLS_V2, (const void *)&addSymbols);
  add(LDPT_GET_SYMBOLS, (const void *)&getSymbolsV1);
  add(LDPT_GET_SYMBOLS_V2, (const void *)&getSymbolsV2);
  add(LDPT_GET_SYMBOLS_V3, (const void *)&getSymbolsV3);
  add(LDPT_ADD_INPUT_FILE, (const void *)&addInputFile);
  add(LDPT_ADD_INPUT_LIBRARY, (const void *)&addInputLibrary);
  add(LDPT_SET_EXTRA_LIBRARY_PATH, (const void *)&setExtraLibraryPath);
  add(LDPT_GET_INPUT_FILE, (const void *)&getInputFile);
  add(LDPT_RELEASE_INPUT_FILE, (const void *)&releaseInputFile);
  add(LDPT_GET_VIEW, (const void *)&getView);
  for (const std::string &opt : p.options) {
    // gcc's -pass-through=-lc asks the plugin to add its libraries again
    // after compiling; GNU ld drops these and searches the archives again
    // itself (runLto in read-inputs.cpp), and so does mld.
    llvm::StringRef o(opt);
    if (o.startswith("-pass-through=") || o.startswith("--pass-through="))
      continue;
    add(LDPT_OPTION, opt.c_str());
  }
  addVal(LDPT_NULL, 0);

  calling = &p;
  Status rv = onload(tv.data());
  calling = nullptr;
  if (rv != LDPS_OK)
    Fatal(ctx) << p.path << ": plugin error: " << rv;
}

} // namespace

void checkPluginFiles(Context &ctx) {
  for (const PluginSpec &spec : ctx.config.plugins) {
    int fd = open(spec.path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
      Fatal(ctx) << spec.path
                 << ": error loading plugin: cannot open shared object file: " << strerror(errno);
    // The ELF identification and e_type (ET_DYN): what dlopen checks first.
    unsigned char hdr[18] = {};
    ssize_t n = pread(fd, hdr, sizeof hdr, 0);
    close(fd);
    bool elf = n == (ssize_t)sizeof hdr && memcmp(hdr,
                                                  "\x7f"
                                                  "ELF",
                                                  4) == 0;
    using namespace llvm::ELF;
    if (!elf || hdr[EI_CLASS] != ELFCLASS64 || hdr[EI_DATA] != ELFDATA2LSB ||
        (hdr[16] | hdr[17] << 8) != ET_DYN)
      Fatal(ctx) << spec.path << ": error loading plugin: not an ELF64 shared object";
  }
}

LtoSession::LtoSession(Context &ctx) : ctx(ctx) {
  runWhereDlopenWorks(ctx);
  session = this;
  sessionCtx = &ctx;
  for (const PluginSpec &spec : ctx.config.plugins) {
    auto p = std::make_unique<PluginHost>();
    p->path = spec.path;
    p->options = spec.options;
    loadPlugin(ctx, *p);
    plugins.push_back(std::move(p));
  }
}

LtoSession::~LtoSession() { session = nullptr; }

// The plugin's symbols become claims like an object's. A definition in a
// COMDAT whose key another IR file already brought acts as a reference
// (GNU ld keeps one copy of each key, as for ELF groups).
static void resolveIrSymbols(Context &ctx, IrFile &file,
                             llvm::DenseSet<llvm::StringRef> &comdatKeys) {
  for (const IrFile::IrSymbol &is : file.irSymbols) {
    SymbolClaim c{};
    c.file = &file;
    c.binding = is.def == LDPK_WEAKDEF || is.def == LDPK_WEAKUNDEF ? STB_WEAK : STB_GLOBAL;
    c.type = STT_NOTYPE;
    static const uint8_t vis[] = {STV_DEFAULT, STV_PROTECTED, STV_INTERNAL, STV_HIDDEN};
    c.visibility = vis[is.visibility];
    c.commonAlign = 1;
    switch (is.def) {
    case LDPK_DEF:
    case LDPK_WEAKDEF:
      c.kind = SymbolKind::Defined;
      break;
    case LDPK_COMMON:
      c.kind = SymbolKind::Common;
      c.size = is.size;
      break;
    default:
      c.kind = SymbolKind::Undefined;
    }
    if (c.kind == SymbolKind::Defined && !is.comdatKey.empty()) {
      llvm::StringRef key(is.comdatKey.data(), is.comdatKey.size());
      auto [it, first] = comdatKeys.insert(key);
      if (!first && !file.comdatKeysOwned.count(key))
        c.kind = SymbolKind::Undefined;
      else
        file.comdatKeysOwned.insert(key);
    }
    Symbol *sym = ctx.symtab.intern(irSymbolName(ctx, is.name, is.def));
    file.symbols.push_back(sym);
    bool won = ctx.symtab.resolve(*sym, c, ctx.config.allowMultipleDefinition);
    if (sym->traced)
      std::cout << file.displayName() << ": "
                << (c.kind == SymbolKind::Undefined ? "reference to " : "definition of ")
                << sym->name << " (LTO IR)"
                << (c.kind != SymbolKind::Undefined && !won
                        ? " (ignored: an earlier definition wins)"
                        : "")
                << "\n";
  }
}

IrFile *LtoSession::claim(llvm::MemoryBufferRef mb, const std::string &archiveName,
                          const IrSource &source) {
  auto file = std::make_unique<IrFile>(mb, archiveName, source);
  for (auto &p : plugins) {
    if (!p->claimFile)
      continue;
    int fd = open(source.path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
      Fatal(ctx) << "cannot open " << source.path << ": " << strerror(errno);
    PluginInputFile in{source.path.c_str(), fd, (off_t)source.offset, (off_t)mb.getBufferSize(),
                       file.get()};
    int claimedIt = 0;
    calling = p.get();
    Status rv = p->claimFile(&in, &claimedIt);
    calling = nullptr;
    // Plugins read what they need while claiming (gcc's through the
    // descriptor, LLVM's through get_view); later reads go through
    // get_input_file or get_view.
    close(fd);
    if (rv != LDPS_OK)
      Fatal(ctx) << p->path << ": plugin reported error claiming file " << file->displayName();
    if (!claimedIt)
      continue;
    file->plugin = p.get();
    IrFile *ir = file.get();
    ctx.fileStorage.push_back(std::move(file));
    claimed.push_back(ir);
    resolveIrSymbols(ctx, *ir, comdatKeys);
    return ir;
  }
  return nullptr;
}

LtoOutputs LtoSession::allSymbolsRead() {
  outputs = {};
  for (auto &p : plugins) {
    if (!p->allSymbolsRead)
      continue;
    calling = p.get();
    Status rv = p->allSymbolsRead();
    calling = nullptr;
    if (rv != LDPS_OK)
      Fatal(ctx) << p->path << ": plugin reported error after all symbols read";
  }
  return std::move(outputs);
}

void LtoSession::dropUncompiledIr() {
  for (Symbol *sym : ctx.symtab.symbols) {
    if (!sym->file || sym->file->fileKind != InputFile::Kind::Ir)
      continue;
    // A definition the compiled code does not have (inlined everywhere, or
    // internalized): no regular object refers to it, so it simply goes.
    if (sym->isDefined() || sym->kind == SymbolKind::Common) {
      sym->kind = SymbolKind::Undefined;
      sym->section = nullptr;
      sym->value = sym->size = 0;
      sym->binding = sym->isWeakRefOnly ? STB_WEAK : STB_GLOBAL;
    }
    sym->file = nullptr;
  }
}

void LtoSession::cleanup() {
  if (cleanedUp)
    return;
  cleanedUp = true;
  for (auto &p : plugins) {
    if (!p->cleanup)
      continue;
    calling = p.get();
    if (p->cleanup() != LDPS_OK)
      std::cerr << "mld: warning: " << p->path << ": error in plugin cleanup (ignored)\n";
    calling = nullptr;
  }
}

} // namespace mld
