// readInputFiles: walks the command line's inputs in order, with GNU ld's
// positional state (-Bstatic, --whole-archive, --as-needed, groups), finds
// -l libraries, opens files, tells objects, archives, shared libraries and
// linker scripts apart, and pulls archive members as GNU ld does: a member
// is loaded only when it defines a name that is undefined at that point, and
// the archives of a group are rescanned until nothing more is pulled.
#include "read-inputs.h"

#include "context.h"
#include "diag.h"
#include "linker-script.h"

#include "llvm/BinaryFormat/Magic.h"
#include "llvm/Object/Archive.h"
#include "llvm/Support/Parallel.h"
#include "llvm/Support/Path.h"

#include <iostream>
#include <cstring>
#include <set>
#include <unordered_map>
#include <unordered_set>
#include <sys/stat.h>

namespace mld {

using namespace llvm::ELF;

struct ArchiveFile {
  std::string path;
  // The archive's symbol index with each name interned once, so that the
  // GNU rescans compare pointers instead of hashing every name every round.
  std::vector<std::pair<Symbol *, llvm::object::Archive::Symbol>> index;
  llvm::object::Archive *archive; // owned by ctx.archives: members' buffers
                                  // (a thin archive's own files) live in it
  std::set<uint64_t> extracted; // member offsets already loaded
};

namespace {

// The positional state GNU ld carries from option to option.
struct InputState {
  bool wholeArchive = false;
  bool isStatic = false;
  bool asNeeded = false;
};

struct Reader {
  explicit Reader(Context &ctx) : ctx(ctx) {}
  Context &ctx;
  InputState state;
  std::vector<InputState> stateStack;
  // Archives seen since each open --start-group (innermost last).
  std::vector<std::vector<ArchiveFile *>> groups;
  std::vector<std::unique_ptr<ArchiveFile>> archives;
  uint32_t nextPriority = 1;
  // Command-line objects read ahead of time, by position in config.inputs.
  std::unordered_map<size_t, std::unique_ptr<ObjectFile>> preread;

  void addPath(const std::string &path, bool fromScript);
  void addLibrary(const std::string &name);
  void addObject(llvm::MemoryBufferRef mb, const std::string &archiveName);
  void addPrereadObject(std::unique_ptr<ObjectFile> file);
  void readAhead();
  void addArchive(const std::string &path, llvm::MemoryBufferRef mb);
  void addScript(const std::string &path, llvm::MemoryBufferRef mb);
  void endGroup();
  std::optional<std::string> findLibrary(const std::string &name,
                                         bool staticOnly);
};

} // namespace

// Checks the ELF identification before LLVM parses the file as ELF64LE, so a
// 32-bit or foreign object gets a clear message rather than garbage.
static void checkElfIdent(Context &ctx, llvm::MemoryBufferRef mb,
                          const std::string &name) {
  llvm::StringRef buf = mb.getBuffer();
  if (buf.size() < sizeof(ELFT::Ehdr))
    Fatal(ctx) << name << ": file is too short to be an ELF file ("
               << buf.size() << " bytes)";
  auto *ident = reinterpret_cast<const uint8_t *>(buf.data());
  if (ident[EI_CLASS] != ELFCLASS64)
    Fatal(ctx) << name << ": incompatible file: ELFCLASS32, expected "
               << "ELFCLASS64 (x86-64)";
  if (ident[EI_DATA] != ELFDATA2LSB)
    Fatal(ctx) << name << ": incompatible file: big-endian, expected "
               << "little-endian (x86-64)";
  uint16_t machine = ident[18] | (ident[19] << 8);
  if (machine != EM_X86_64)
    Fatal(ctx) << name << ": incompatible file: e_machine " << machine
               << ", expected EM_X86_64 (62)";
}

// Whether `buf` is plainly an ELF64 x86-64 relocatable object: what may be
// read ahead of the in-order walk (anything else is left to the walk, which
// opens it again and reports what is wrong with it).
static bool isPlainObject(llvm::StringRef buf) {
  return llvm::identify_magic(buf) == llvm::file_magic::elf_relocatable &&
         buf.size() >= sizeof(ELFT::Ehdr) && buf[EI_CLASS] == ELFCLASS64 &&
         buf[EI_DATA] == ELFDATA2LSB && (uint8_t)buf[18] == EM_X86_64 &&
         buf[19] == 0;
}

// Reads the sections of every object named on the command line in
// parallel, before the in-order walk resolves their symbols. Anything that
// is not plainly a 64-bit object is left for the walk to open and diagnose.
void Reader::readAhead() {
  std::vector<ObjectFile *> batch;
  for (size_t i = 0; i < ctx.config.inputs.size(); i++) {
    const InputSpec &spec = ctx.config.inputs[i];
    if (spec.kind != InputSpec::Kind::File)
      continue;
    auto mbOrErr = llvm::MemoryBuffer::getFile(spec.value, /*IsText=*/false,
                                               /*RequiresNullTerminator=*/false);
    if (!mbOrErr)
      continue;
    if (!isPlainObject((*mbOrErr)->getBuffer()))
      continue;
    auto file = std::make_unique<ObjectFile>((*mbOrErr)->getMemBufferRef(), "");
    ctx.buffers.push_back(std::move(*mbOrErr));
    batch.push_back(file.get());
    preread[i] = std::move(file);
  }
  llvm::parallelForEach(batch.begin(), batch.end(),
                        [&](ObjectFile *f) { f->readSections(ctx); });
}

void Reader::addPrereadObject(std::unique_ptr<ObjectFile> file) {
  ObjectFile *obj = file.get();
  obj->priority = nextPriority++;
  ctx.fileStorage.push_back(std::move(file));
  ctx.objs.push_back(obj);
  if (ctx.config.trace)
    std::cout << obj->displayName() << "\n";
  obj->resolveSymbols(ctx);
}

void Reader::addObject(llvm::MemoryBufferRef mb,
                       const std::string &archiveName) {
  auto file = std::make_unique<ObjectFile>(mb, archiveName);
  checkElfIdent(ctx, mb, file->displayName());
  ObjectFile *obj = file.get();
  obj->priority = nextPriority++;
  ctx.fileStorage.push_back(std::move(file));
  ctx.objs.push_back(obj);
  if (ctx.config.trace)
    std::cout << obj->displayName() << "\n";
  obj->parse(ctx);
}

// Loads one archive member into the link.
static void loadMember(Reader &r, ArchiveFile &ar,
                       const llvm::object::Archive::Child &child) {
  std::string memberName = check(r.ctx, child.getName(), ar.path).str();
  llvm::MemoryBufferRef mb = check(r.ctx, child.getMemoryBufferRef(), ar.path);
  llvm::MemoryBufferRef named(mb.getBuffer(), r.ctx.saver.save(memberName));
  llvm::file_magic magic = llvm::identify_magic(mb.getBuffer());
  if (magic != llvm::file_magic::elf_relocatable)
    Fatal(r.ctx) << ar.path << "(" << memberName
                 << "): archive member is not an ELF relocatable object";
  r.addObject(named, ar.path);
}

// Reads, in parallel, the members that the coming pass over `ar`'s index
// would pull if nothing changed meanwhile. Reading has no side effects, so
// a member that turns out not to be needed is simply dropped; thin archives
// are skipped (LLVM reads their members from disk through shared state).
static std::unordered_map<uint64_t, std::unique_ptr<ObjectFile>>
readMembersAhead(Reader &r, ArchiveFile &ar) {
  std::unordered_map<uint64_t, std::unique_ptr<ObjectFile>> ahead;
  if (ar.archive->isThin())
    return ahead;
  std::vector<ObjectFile *> batch;
  for (const auto &[sym, asym] : ar.index) {
    if (!sym->isUndefined() || sym->isWeakRefOnly)
      continue;
    auto child = check(r.ctx, asym.getMember(), ar.path);
    uint64_t off = child.getChildOffset();
    if (ar.extracted.count(off) || ahead.count(off))
      continue;
    auto mb = child.getMemoryBufferRef();
    auto name = child.getName();
    if (!mb || !name) {
      llvm::consumeError(mb.takeError());
      llvm::consumeError(name.takeError());
      continue; // the in-order pass reports it
    }
    llvm::StringRef buf = mb->getBuffer();
    if (!isPlainObject(buf))
      continue;
    llvm::MemoryBufferRef named(buf, r.ctx.saver.save(name->str()));
    auto file = std::make_unique<ObjectFile>(named, ar.path);
    batch.push_back(file.get());
    ahead[off] = std::move(file);
  }
  if (batch.size() > 1)
    llvm::parallelForEach(batch.begin(), batch.end(),
                          [&](ObjectFile *f) { f->readSections(r.ctx); });
  else
    for (ObjectFile *f : batch)
      f->readSections(r.ctx);
  return ahead;
}

// GNU rule: pull the members that define a name undefined right now,
// repeating because a pulled member may leave new names undefined.
static bool extractNeeded(Reader &r, ArchiveFile &ar) {
  bool any = false;
  for (bool changed = true; changed;) {
    changed = false;
    auto ahead = readMembersAhead(r, ar);
    for (const auto &[sym, asym] : ar.index) {
      // Weak references never pull members (gABI, "Symbol Table").
      if (!sym->isUndefined() || sym->isWeakRefOnly)
        continue;
      auto child = check(r.ctx, asym.getMember(), ar.path);
      if (!ar.extracted.insert(child.getChildOffset()).second)
        continue;
      auto it = ahead.find(child.getChildOffset());
      if (it != ahead.end())
        r.addPrereadObject(std::move(it->second));
      else
        loadMember(r, ar, child);
      changed = any = true;
    }
  }
  return any;
}

// LLVM 14 follows the offsets in an archive's symbol index without checking
// them, so a corrupt index would crash us: every offset must be the start
// of a member (GNU format: a big-endian count, then 4- or 8-byte offsets).
static void checkArchiveIndex(Context &ctx, const llvm::object::Archive &ar,
                              const std::string &path) {
  using Kind = llvm::object::Archive::Kind;
  if ((ar.kind() != Kind::K_GNU && ar.kind() != Kind::K_GNU64) ||
      !ar.hasSymbolTable())
    return;
  std::unordered_set<uint64_t> starts;
  llvm::Error err = llvm::Error::success();
  for (const auto &child : ar.children(err))
    starts.insert(child.getChildOffset());
  check(ctx, std::move(err), path);
  llvm::StringRef tab = ar.getSymbolTable();
  unsigned w = ar.kind() == Kind::K_GNU64 ? 8 : 4;
  auto read = [&](size_t at) -> uint64_t {
    uint64_t v = 0;
    for (unsigned i = 0; i < w; i++)
      v = (v << 8) | (uint8_t)tab[at + i];
    return v;
  };
  if (tab.size() < w)
    Fatal(ctx) << path << ": truncated archive symbol table";
  uint64_t count = read(0);
  if (count > (tab.size() - w) / w)
    Fatal(ctx) << path << ": archive symbol table has " << count
               << " entries, more than fit in it";
  for (uint64_t i = 0; i < count; i++)
    if (!starts.count(read(w + i * w)))
      Fatal(ctx) << path << ": archive symbol table entry " << i
                 << " does not point at a member (offset "
                 << toHex(read(w + i * w)) << ")";
}

void Reader::addArchive(const std::string &path, llvm::MemoryBufferRef mb) {
  auto ar = std::make_unique<ArchiveFile>();
  ar->path = path;
  ctx.archives.push_back(check(ctx, llvm::object::Archive::create(mb), path));
  ar->archive = ctx.archives.back().get();
  if (state.wholeArchive) {
    llvm::Error err = llvm::Error::success();
    for (const auto &child : ar->archive->children(err)) {
      ar->extracted.insert(child.getChildOffset());
      loadMember(*this, *ar, child);
    }
    check(ctx, std::move(err), path);
  } else {
    if (!ar->archive->hasSymbolTable() && !ar->archive->isEmpty())
      Fatal(ctx) << path << ": archive has no index; run ranlib to add one";
    checkArchiveIndex(ctx, *ar->archive, path);
    for (const llvm::object::Archive::Symbol &asym : ar->archive->symbols())
      ar->index.emplace_back(ctx.symtab.intern(asym.getName()), asym);
    extractNeeded(*this, *ar);
  }
  if (!groups.empty())
    groups.back().push_back(ar.get());
  archives.push_back(std::move(ar));
}

void Reader::endGroup() {
  std::vector<ArchiveFile *> members = std::move(groups.back());
  groups.pop_back();
  // Rescan the group's archives until a full pass pulls nothing: this is
  // what resolves circular dependencies between archives.
  for (bool changed = true; changed;) {
    changed = false;
    for (ArchiveFile *ar : members)
      changed |= extractNeeded(*this, *ar);
  }
  if (!groups.empty())
    groups.back().insert(groups.back().end(), members.begin(), members.end());
}

// Whether the text's first word is a command of the linker-script language.
static bool startsWithScriptCommand(llvm::StringRef text) {
  text = text.ltrim();
  if (text.startswith("/*"))
    return true;
  static const char *const commands[] = {
      "GROUP",       "INPUT",  "OUTPUT_FORMAT", "OUTPUT_ARCH", "SEARCH_DIR",
      "ENTRY",       "AS_NEEDED", "SECTIONS",   "MEMORY",      "OUTPUT",
      "INCLUDE",     "VERSION", "PHDRS",        "PROVIDE",     "TARGET"};
  for (const char *c : commands) {
    if (!text.startswith(c))
      continue;
    llvm::StringRef rest = text.drop_front(strlen(c)).ltrim();
    if (rest.startswith("(") || rest.startswith("{"))
      return true;
  }
  return false;
}

void Reader::addScript(const std::string &path, llvm::MemoryBufferRef mb) {
  std::string error;
  std::optional<LinkerScript> script =
      parseLinkerScript(std::string_view(mb.getBuffer()), error);
  if (!script) {
    // Text that does not even start like a linker script is just not a
    // file we know; one that does gets the parser's line-numbered message.
    if (!startsWithScriptCommand(mb.getBuffer()))
      Fatal(ctx) << path << ": unknown file type";
    Fatal(ctx) << path << ": " << error;
  }
  for (const std::string &dir : script->searchDirs)
    ctx.config.libraryPaths.push_back(dir);
  if (!script->entry.empty() && ctx.config.entry.empty())
    ctx.config.entry = script->entry;

  // A script's GROUP acts like --start-group ... --end-group around its
  // members; AS_NEEDED(...) like --as-needed for those members.
  bool inGroup = false;
  InputState saved = state;
  for (const ScriptInput &in : script->inputs) {
    if (in.inGroup && !inGroup) {
      groups.emplace_back();
      inGroup = true;
    } else if (!in.inGroup && inGroup) {
      endGroup();
      inGroup = false;
    }
    state.asNeeded = in.asNeeded || saved.asNeeded;
    if (in.isLibrary) {
      addLibrary(in.path);
      continue;
    }
    // A path in a script is first taken as given (relative paths relative to
    // the current directory), then searched in the -L directories, as GNU ld
    // does; under --sysroot, an absolute path is looked up in the sysroot.
    std::string p = in.path;
    if (!ctx.config.sysroot.empty() && llvm::sys::path::is_absolute(p) &&
        llvm::sys::fs::exists(ctx.config.sysroot + p))
      p = ctx.config.sysroot + p;
    if (!llvm::sys::fs::exists(p)) {
      for (const std::string &dir : ctx.config.libraryPaths) {
        std::string cand = dir + "/" + in.path;
        if (llvm::sys::fs::exists(cand)) {
          p = cand;
          break;
        }
      }
    }
    addPath(p, true);
  }
  if (inGroup)
    endGroup();
  state = saved;
}

void Reader::addPath(const std::string &path, bool fromScript) {
  auto mbOrErr = llvm::MemoryBuffer::getFile(path, /*IsText=*/false,
                                             /*RequiresNullTerminator=*/false);
  if (!mbOrErr)
    Fatal(ctx) << "cannot open " << path << ": "
               << mbOrErr.getError().message();
  llvm::MemoryBufferRef mb = (*mbOrErr)->getMemBufferRef();
  ctx.buffers.push_back(std::move(*mbOrErr));

  switch (llvm::identify_magic(mb.getBuffer())) {
  case llvm::file_magic::elf_relocatable:
    addObject(mb, "");
    return;
  case llvm::file_magic::archive:
    addArchive(path, mb);
    return;
  case llvm::file_magic::elf_shared_object: {
    checkElfIdent(ctx, mb, path);
    if (ctx.config.isStatic && ctx.config.kind != OutputKind::Shared)
      Fatal(ctx) << path << ": attempted static link of dynamic object";
    auto file = std::make_unique<SharedFile>(mb);
    SharedFile *so = file.get();
    so->priority = nextPriority++;
    so->asNeeded = state.asNeeded;
    ctx.fileStorage.push_back(std::move(file));
    ctx.dsos.push_back(so);
    if (ctx.config.trace)
      std::cout << path << "\n";
    so->parse(ctx);
    return;
  }
  case llvm::file_magic::elf:
  case llvm::file_magic::elf_executable:
  case llvm::file_magic::elf_core:
    checkElfIdent(ctx, mb, path);
    Fatal(ctx) << path << ": not a relocatable object or shared library";
  default:
    break;
  }
  if (!fromScript && looksLikeLinkerScript(std::string_view(mb.getBuffer()))) {
    addScript(path, mb);
    return;
  }
  Fatal(ctx) << path << ": unknown file type";
}

std::optional<std::string> Reader::findLibrary(const std::string &name,
                                               bool staticOnly) {
  auto exists = [](const std::string &p) {
    struct stat st;
    return stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode);
  };
  for (const std::string &dir : ctx.config.libraryPaths) {
    if (name.starts_with(":")) {
      std::string p = dir + "/" + name.substr(1);
      if (exists(p))
        return p;
      continue;
    }
    if (!staticOnly) {
      std::string so = dir + "/lib" + name + ".so";
      if (exists(so))
        return so;
    }
    std::string a = dir + "/lib" + name + ".a";
    if (exists(a))
      return a;
  }
  return std::nullopt;
}

void Reader::addLibrary(const std::string &name) {
  std::optional<std::string> path = findLibrary(name, state.isStatic);
  if (!path)
    Fatal(ctx) << "unable to find library -l" << name;
  addPath(*path, false);
}

void readInputFiles(Context &ctx) {
  Reader r(ctx);
  for (const std::string &name : ctx.config.traceSymbols)
    ctx.symtab.intern(ctx.saver.save(name))->traced = true;
  // -u SYM: start out with an undefined reference, so archives provide it.
  for (const std::string &name : ctx.config.undefinedSyms) {
    Symbol *sym = ctx.symtab.intern(ctx.saver.save(name));
    sym->isWeakRefOnly = false;
    sym->binding = STB_GLOBAL;
  }

  r.readAhead();
  using Kind = InputSpec::Kind;
  for (size_t i = 0; i < ctx.config.inputs.size(); i++) {
    const InputSpec &spec = ctx.config.inputs[i];
    switch (spec.kind) {
    case Kind::File:
      if (auto it = r.preread.find(i); it != r.preread.end())
        r.addPrereadObject(std::move(it->second));
      else
        r.addPath(spec.value, false);
      break;
    case Kind::Library:
      r.addLibrary(spec.value);
      break;
    case Kind::StartGroup:
      r.groups.emplace_back();
      break;
    case Kind::EndGroup:
      if (r.groups.empty())
        Fatal(ctx) << "stray --end-group";
      r.endGroup();
      break;
    case Kind::WholeArchive:
      r.state.wholeArchive = true;
      break;
    case Kind::NoWholeArchive:
      r.state.wholeArchive = false;
      break;
    case Kind::Static:
      r.state.isStatic = true;
      break;
    case Kind::Dynamic:
          break;
    case Kind::AsNeeded:
      r.state.asNeeded = true;
      break;
    case Kind::NoAsNeeded:
      r.state.asNeeded = false;
      break;
    case Kind::PushState:
      r.stateStack.push_back(r.state);
      break;
    case Kind::PopState:
      if (r.stateStack.empty())
        Fatal(ctx) << "stray --pop-state";
      r.state = r.stateStack.back();
      r.stateStack.pop_back();
      break;
    }
  }
  // GNU ld closes an unterminated group at the end of the command line.
  while (!r.groups.empty())
    r.endGroup();
  if (ctx.objs.empty())
    Fatal(ctx) << "no input files";
}

} // namespace mld
