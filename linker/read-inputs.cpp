// readInputFiles: walks the command line's inputs in order, with GNU ld's
// positional state (-Bstatic, --whole-archive, --as-needed, groups), finds
// -l libraries, opens files, tells objects, archives, shared libraries and
// linker scripts apart, and pulls archive members as GNU ld does: a member
// is loaded only when it defines a name that is undefined at that point, and
// the archives of a group are rescanned until nothing more is pulled.
#include "read-inputs.h"

#include "context.h"
#include "dependency-file.h"
#include "diag.h"
#include "input-plan.h"
#include "linker-script.h"
#include "options.h"
#include "preload.h"
#include "shared-file.h"
#include "stats.h"

#include "llvm/BinaryFormat/Magic.h"
#include "llvm/Object/Archive.h"
#include "llvm/Object/ELF.h"
#include "llvm/Support/Parallel.h"
#include "llvm/Support/Path.h"

#include <iostream>
#include <optional>
#include <cstring>
#include <set>
#include <unordered_map>
#include <unordered_set>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace mld {

using namespace llvm::ELF;

struct ArchiveFile {
  std::string path;
  // The archive's symbol index, names hashed and members located once.
  std::vector<ArchiveIndexEntry> index;
  llvm::object::Archive *archive;              // owned by ctx.archives: members' buffers
                                               // (a thin archive's own files) live in it
  std::unique_ptr<PreloadedArchive> preloaded; // members read ahead, if any
  bool mapped = false;                         // the archive's buffer is an mmap of the file
  std::set<uint64_t> extracted;                // member offsets already loaded
  size_t namesSeen = ~size_t(0);               // see extractNeeded
  bool inGroup = false;                        // met inside --start-group ... --end-group
};

namespace {

struct Reader {
  explicit Reader(Context &ctx) : ctx(ctx) {}
  Context &ctx;
  InputState state; // of the input being read
  // Archives seen since each open --start-group (innermost last).
  std::vector<std::vector<ArchiveFile *>> groups;
  std::vector<std::unique_ptr<ArchiveFile>> archives;
  uint32_t nextPriority = 1;
  Preloader preloader;
  // LTO (lto-plugin.h): where the compiled objects go in ctx.objs, and the
  // first archive searched again for what they need (GNU ld's points).
  bool ltoClaimed = false, ltoDone = false;
  size_t objsBeforeMembers = 0; // ctx.objs.size() after the last plain object
  size_t ltoInsertAt = 0, ltoRescanFrom = 0;

  // `needed` is what DT_NEEDED records for a shared library without
  // DT_SONAME: the name as the user wrote it (GNU ld's rule).
  void addPath(const std::string &path, bool fromScript, const std::string &needed);
  void addLibrary(const std::string &name);
  void addJob(const InputJob &job);
  void addObject(llvm::MemoryBufferRef mb, const std::string &archiveName, const IrSource &source);
  void addPrereadObject(std::unique_ptr<ObjectFile> file, const IrSource &source);
  bool claimIr(llvm::MemoryBufferRef mb, const std::string &archiveName, const IrSource &source,
               bool irOnly, const std::string &what);
  void runLto();
  ObjectFile *registerObject(std::unique_ptr<ObjectFile> file);
  void addArchive(const std::string &path, llvm::MemoryBufferRef mb,
                  std::unique_ptr<PreloadedArchive> preloaded);
  void addScript(const std::string &path, llvm::MemoryBufferRef mb);
  void endGroup();
};

} // namespace

// Checks the ELF identification before LLVM parses the file as ELF64LE, so a
// 32-bit or foreign object gets a clear message rather than garbage.
static void checkElfIdent(Context &ctx, llvm::MemoryBufferRef mb, const std::string &name) {
  llvm::StringRef buf = mb.getBuffer();
  if (buf.size() < sizeof(ELFT::Ehdr))
    Fatal(ctx) << name << ": file is too short to be an ELF file (" << buf.size() << " bytes)";
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

// Takes `file` into the link, in command-line order (-t prints it here).
ObjectFile *Reader::registerObject(std::unique_ptr<ObjectFile> file) {
  ObjectFile *obj = file.get();
  obj->priority = nextPriority++;
  ctx.fileStorage.push_back(std::move(file));
  ctx.objs.push_back(obj);
  if (obj->archiveName.empty())
    objsBeforeMembers = ctx.objs.size();
  if (ctx.config.trace)
    std::cout << obj->displayName() << "\n";
  return obj;
}

// An object with LTO sections goes to the plugins first.
void Reader::addPrereadObject(std::unique_ptr<ObjectFile> file, const IrSource &source) {
  if (!file->ltoSection.empty() &&
      claimIr(file->mb, file->archiveName, source, file->isLtoSlim,
              "LTO object (section " + std::string(file->ltoSection) + ")"))
    return;
  registerObject(std::move(file))->resolveSymbols(ctx);
}

void Reader::addObject(llvm::MemoryBufferRef mb, const std::string &archiveName,
                       const IrSource &source) {
  auto file = std::make_unique<ObjectFile>(mb, archiveName);
  checkElfIdent(ctx, mb, file->displayName());
  file->readSections(ctx);
  addPrereadObject(std::move(file), source);
}

// Offers an input holding IR to the LTO plugins; true if one claimed it.
// Otherwise the input links as an object if it has code (gcc's fat LTO
// objects), and is an error if it is IR only (but for -r). GNU ld's order: the plugins'
// compiled objects go where the first IR file was (after the last plain
// object, if that was an archive member), and the archives from there on
// are searched again.
bool Reader::claimIr(llvm::MemoryBufferRef mb, const std::string &archiveName,
                     const IrSource &source, bool irOnly, const std::string &what) {
  std::string name = mb.getBufferIdentifier().str();
  if (!archiveName.empty())
    name = archiveName + "(" + name + ")";
  if (!ctx.config.plugins.empty() && !ltoDone) {
    if (!ctx.lto)
      ctx.lto = std::make_unique<LtoSession>(ctx);
    if (ctx.lto->claim(mb, archiveName, source)) {
      if (!ltoClaimed) {
        ltoClaimed = true;
        ltoInsertAt = archiveName.empty() ? ctx.objs.size() : objsBeforeMembers;
        ltoRescanFrom = archives.size();
        for (size_t i = 0; i < archives.size(); i++)
          if (!archiveName.empty() && archives[i]->path == archiveName)
            ltoRescanFrom = std::min(ltoRescanFrom, i);
      }
      if (ctx.config.trace)
        std::cout << name << "\n";
      return true;
    }
  }
  // -r keeps unclaimed IR (and the IR gcc's plugin returns for -r, an
  // incremental LTO object) as sections, for the final link's plugin.
  if (!irOnly || ctx.config.relocatable)
    return false;
  if (ctx.config.plugins.empty())
    Fatal(ctx) << name << ": " << what << " needs the LTO plugin: link with "
               << "the compiler's -flto (which passes -plugin), or give -plugin";
  Fatal(ctx) << name << ": " << what << " was not claimed by the LTO plugin "
             << ctx.config.plugins.front().path << "; was it compiled by another compiler?";
  return false;
}

// Where an LTO plugin reads a member: the archive at the member's offset,
// or, in a thin archive, the member's own file.
static IrSource memberSource(Reader &r, ArchiveFile &ar, llvm::MemoryBufferRef mb,
                             const llvm::object::Archive::Child *child) {
  if (ar.archive->isThin() && child)
    return {check(r.ctx, child->getFullName(), ar.path), 0};
  return {ar.path,
          (uint64_t)(mb.getBufferStart() - ar.archive->getMemoryBufferRef().getBufferStart())};
}

// Loads one archive member into the link.
static void loadMember(Reader &r, ArchiveFile &ar, const llvm::object::Archive::Child &child) {
  std::string name = check(r.ctx, memberName(*ar.archive, child), ar.path).str();
  llvm::MemoryBufferRef mb = check(r.ctx, memberBuffer(*ar.archive, child), ar.path);
  llvm::MemoryBufferRef named(mb.getBuffer(), r.ctx.saver.save(name));
  llvm::file_magic magic = llvm::identify_magic(mb.getBuffer());
  IrSource source = memberSource(r, ar, mb, &child);
  if (magic == llvm::file_magic::bitcode) {
    r.claimIr(named, ar.path, source, true, "LLVM bitcode");
    return;
  }
  if (magic != llvm::file_magic::elf_relocatable)
    Fatal(r.ctx) << ar.path << "(" << name << "): archive member is not an ELF relocatable object";
  r.addObject(named, ar.path, source);
}

// The member whose header is at `offset` (an offset the index check or
// LLVM's own member walk vouched for).
static llvm::object::Archive::Child childAt(Reader &r, ArchiveFile &ar, uint64_t offset) {
  llvm::Error err = llvm::Error::success();
  llvm::object::Archive::Child child(
      ar.archive, ar.archive->getMemoryBufferRef().getBufferStart() + offset, &err);
  check(r.ctx, std::move(err), ar.path);
  return child;
}

// Loads the member at `offset`: the copy read ahead if there is one, else
// reads it now (which reports whatever is wrong with it).
static void pullMember(Reader &r, ArchiveFile &ar, uint64_t offset) {
  if (ar.preloaded) {
    auto it = ar.preloaded->memberAt.find(offset);
    if (it != ar.preloaded->memberAt.end()) {
      PreloadedMember &m = ar.preloaded->members[it->second];
      // Not reached by the reading ahead (yet): read it here, and make sure
      // the background reader leaves it alone.
      if (claimState(m.state))
        storeState(m.state, ReadState::Failed);
      if (awaitRead(m.state) == ReadState::Ready) {
        IrSource source = memberSource(r, ar, m.mb, nullptr);
        r.addPrereadObject(std::move(m.file), source);
        return;
      }
    }
  }
  loadMember(r, ar, childAt(r, ar, offset));
}

// Whether the member at `offset` has a real definition of `name`: global
// (not weak), not a function, not another common. GNU ld pulls a member for
// a name that is only a COMMON so far just then: the member's initialised
// variable replaces the tentative definition, while a mere common of its
// own, or a function of that name, would not (binutils elflink.c,
// is_global_data_symbol_definition).
static bool memberDefinesData(Reader &r, ArchiveFile &ar, uint64_t offset, std::string_view name) {
  llvm::Expected<llvm::MemoryBufferRef> mb = childAt(r, ar, offset).getMemoryBufferRef();
  if (!mb) {
    llvm::consumeError(mb.takeError());
    return false;
  }
  auto elf = llvm::object::ELFFile<ELFT>::create(mb->getBuffer());
  if (!elf) {
    llvm::consumeError(elf.takeError());
    return false;
  }
  auto sections = elf->sections();
  if (!sections) {
    llvm::consumeError(sections.takeError());
    return false;
  }
  for (const ELFT::Shdr &sec : *sections) {
    if (sec.sh_type != SHT_SYMTAB)
      continue;
    auto syms = elf->symbols(&sec);
    auto strtab = elf->getStringTableForSymtab(sec, *sections);
    if (!syms || !strtab) {
      llvm::consumeError(syms.takeError());
      llvm::consumeError(strtab.takeError());
      return false;
    }
    for (const ELFT::Sym &sym : syms->drop_front(sec.sh_info)) {
      llvm::Expected<llvm::StringRef> symName = sym.getName(*strtab);
      if (!symName) {
        llvm::consumeError(symName.takeError());
        continue;
      }
      if (*symName != llvm::StringRef(name.data(), name.size()))
        continue;
      uint8_t bind = sym.getBinding();
      return (bind == STB_GLOBAL || bind >= STB_LOOS) && sym.getType() != STT_FUNC &&
             sym.st_shndx != SHN_UNDEF && sym.st_shndx != SHN_COMMON &&
             (sym.st_shndx < SHN_LORESERVE || sym.st_shndx == SHN_ABS);
    }
  }
  return false;
}

// GNU rule: pull the members that define a name undefined right now (or
// only COMMON, see memberDefinesData), repeating because a pulled member may leave new names
// undefined. A name no file has mentioned yet cannot be undefined, so it is not even created.
//
// An entry whose name got defined, or whose member was pulled, can never
// pull again (definitions only get stronger), so each pass drops those:
// big archives are rescanned many times, and most of their entries die in
// the first pass. A name not in the table is looked up again only if the
// table has grown since `namesSeen`, a size at which every such entry was
// known to be absent (the size when the previous pass began). The test is
// made entry by entry: a member pulled early in a pass can bring names that
// later entries of the same pass must find.
static bool extractNeeded(Reader &r, ArchiveFile &ar) {
  bool any = false;
  for (bool changed = true; changed;) {
    changed = false;
    size_t namesAtStart = r.ctx.symtab.symbols.size();
    size_t kept = 0;
    for (size_t i = 0; i < ar.index.size(); i++) {
      ArchiveIndexEntry e = ar.index[i];
      if (!e.sym && r.ctx.symtab.symbols.size() != ar.namesSeen)
        e.sym = r.ctx.symtab.find(e.name, e.hash);
      bool live = true;
      if (e.sym && e.sym->kind == SymbolKind::Common) {
        // Decided once: the member's symbols do not change.
        if (!ar.extracted.count(e.memberOffset) &&
            memberDefinesData(r, ar, e.memberOffset, e.name)) {
          ar.extracted.insert(e.memberOffset);
          pullMember(r, ar, e.memberOffset);
          changed = any = true;
        }
        live = false;
      } else if (e.sym && !e.sym->isUndefined()) {
        live = false;
      } else if (e.sym && !e.sym->isWeakRefOnly) {
        // Weak references never pull members (gABI, "Symbol Table").
        if (ar.extracted.insert(e.memberOffset).second) {
          pullMember(r, ar, e.memberOffset);
          changed = any = true;
        }
        live = false;
      }
      if (live)
        ar.index[kept++] = e;
    }
    ar.index.resize(kept);
    ar.namesSeen = namesAtStart;
  }
  return any;
}

void Reader::addArchive(const std::string &path, llvm::MemoryBufferRef mb,
                        std::unique_ptr<PreloadedArchive> preloaded) {
  auto ar = std::make_unique<ArchiveFile>();
  ar->path = path;
  if (preloaded) {
    ctx.archives.push_back(std::move(preloaded->archive));
    ar->index = std::move(preloaded->index);
    ar->preloaded = std::move(preloaded);
  } else {
    ctx.archives.push_back(check(ctx, openArchive(mb), path));
  }
  ar->archive = ctx.archives.back().get();
  checkArchiveFormat(ctx, *ar->archive, path);
  if (state.wholeArchive) {
    llvm::Error err = llvm::Error::success();
    for (const auto &child : ar->archive->children(err)) {
      ar->extracted.insert(child.getChildOffset());
      pullMember(*this, *ar, child.getChildOffset());
    }
    check(ctx, std::move(err), path);
  } else {
    if (!ar->preloaded) {
      if (!ar->archive->hasSymbolTable() && !ar->archive->isEmpty())
        Fatal(ctx) << path << ": archive has no index; run ranlib to add one";
      readArchiveIndex(ctx, *ar->archive, path, ar->index);
    }
    extractNeeded(*this, *ar);
  }
  if (!groups.empty()) {
    groups.back().push_back(ar.get());
    ar->inGroup = true;
  }
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

// The LTO plugins compile the IR now that every symbol is resolved; their
// objects are read in place of the IR files (at ltoInsertAt, as GNU ld
// splices them), then the archives from the first IR file on are searched
// again, since the compiled code may call what the IR did not name
// (memcpy, libgcc helpers). Groups among them repeat until nothing more
// is pulled.
void Reader::runLto() {
  preloader.finish();
  LtoOutputs out = ctx.lto->allSymbolsRead();
  ltoDone = true; // GNU ld offers the plugins nothing after this point
  ctx.symtab.irDefinitionsYield = true;
  for (const std::string &dir : out.libraryPaths)
    ctx.config.libraryPaths.push_back(dir);
  size_t before = ctx.objs.size();
  for (const std::string &path : out.files)
    addPath(path, false, path);
  std::rotate(ctx.objs.begin() + ltoInsertAt, ctx.objs.begin() + before,
              ctx.objs.begin() + ctx.objs.size());
  for (const std::string &name : out.libraries) {
    // A library already in the link is searched again below, not twice.
    std::optional<std::string> path = findLibrary(ctx, name, state.isStatic);
    bool seen =
        path &&
        (std::any_of(ctx.dsos.begin(), ctx.dsos.end(),
                     [&](SharedFile *so) { return so->mb.getBufferIdentifier() == *path; }) ||
         std::any_of(archives.begin(), archives.end(),
                     [&](auto &ar) { return ar->path == *path; }));
    if (!seen)
      addLibrary(name);
  }
  for (size_t i = ltoRescanFrom; i < archives.size(); i++)
    extractNeeded(*this, *archives[i]);
  for (bool changed = true; changed;) {
    changed = false;
    for (size_t i = ltoRescanFrom; i < archives.size(); i++)
      if (archives[i]->inGroup)
        changed |= extractNeeded(*this, *archives[i]);
  }
  ctx.lto->dropUncompiledIr();
}

// The entry point is a reference like any other, so that it can pull the
// archive member that defines it (lld and GNU ld both do this). -r makes an
// object, which has no entry point.
static void setEntrySymbol(Context &ctx, std::string_view name) {
  if (name.empty() || ctx.config.relocatable)
    return;
  ctx.entrySym = ctx.symtab.intern(ctx.saver.save(llvm::StringRef(name.data(), name.size())));
  ctx.entrySym->isWeakRefOnly = false;
  ctx.entrySym->nonIrRef = true; // LTO keeps the entry point
}

// Whether the text's first word is a command of the linker-script language,
// or the text starts with an assignment (NAME = ..., NAME += ...).
static bool startsWithScriptCommand(llvm::StringRef text) {
  text = text.ltrim();
  if (text.startswith("/*"))
    return true;
  size_t nameEnd = text.find_first_of(" \t\r\n=+-*/&|<>;(");
  llvm::StringRef afterName = text.drop_front(std::min(nameEnd, text.size())).ltrim();
  if (nameEnd > 0 && afterName.ltrim("+-*/&|<>").startswith("="))
    return true;
  static const char *const commands[] = {"GROUP",      "INPUT",   "OUTPUT_FORMAT", "OUTPUT_ARCH",
                                         "SEARCH_DIR", "ENTRY",   "AS_NEEDED",     "SECTIONS",
                                         "MEMORY",     "OUTPUT",  "INCLUDE",       "VERSION",
                                         "PHDRS",      "PROVIDE", "TARGET"};
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
  std::optional<LinkerScript> script = parseLinkerScript(std::string_view(mb.getBuffer()), error);
  if (!script) {
    // Text that does not even start like a linker script is just not a
    // file we know; one that does gets the parser's line-numbered message.
    if (!startsWithScriptCommand(mb.getBuffer()))
      Fatal(ctx) << path << ": unknown file type";
    Fatal(ctx) << path << ": " << error;
  }
  for (const std::string &dir : script->searchDirs)
    ctx.config.libraryPaths.push_back(dir);
  // ENTRY(sym) counts when no -e was given (GNU ld: -e, then ENTRY, then
  // the default).
  if (!script->entry.empty() && ctx.config.entry.empty()) {
    ctx.config.entry = script->entry;
    setEntrySymbol(ctx, ctx.config.entry);
  }
  if (!script->versionText.empty())
    ctx.config.scriptVersions.emplace_back(path, script->versionText);
  // Assignments are --defsyms that name their script. The target of an
  // unconditional one is a reference, which can pull an archive member; a
  // PROVIDE's only counts if the PROVIDE is used (defineDefsyms).
  for (Defsym &d : script->assignments) {
    d.script = path;
    if (!d.target.empty() && !d.provide)
      ctx.symtab.intern(ctx.saver.save(d.target))->isWeakRefOnly = false;
    ctx.config.defsyms.push_back(std::move(d));
  }

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
    ScriptInputPath found = findScriptInput(ctx, path, in.path);
    if (!found.error.empty())
      Fatal(ctx) << path << ": " << found.error;
    const std::string &p = found.path;
    addPath(p, true, p);
  }
  if (inGroup)
    endGroup();
  state = saved;
}

void Reader::addPath(const std::string &path, bool fromScript, const std::string &needed) {
  noteDependency(ctx, path);
  std::unique_ptr<PreloadedFile> pre = preloader.take(path);
  if (pre && (pre->object || pre->shared) && awaitRead(pre->state) != ReadState::Ready) {
    pre->object.reset(); // failed: read below, and reported, in order
    pre->shared.reset();
  }
  if (pre && pre->buffer) {
    ctx.buffers.push_back(std::move(pre->buffer));
  } else {
    auto mbOrErr = llvm::MemoryBuffer::getFile(path, /*IsText=*/false,
                                               /*RequiresNullTerminator=*/false);
    if (!mbOrErr)
      Fatal(ctx) << "cannot open " << path << ": " << mbOrErr.getError().message();
    ctx.buffers.push_back(std::move(*mbOrErr));
    pre.reset();
  }
  llvm::MemoryBufferRef mb = ctx.buffers.back()->getMemBufferRef();
  if (pre && pre->object) {
    addPrereadObject(std::move(pre->object), {path, 0});
    return;
  }

  switch (llvm::identify_magic(mb.getBuffer())) {
  case llvm::file_magic::elf_relocatable:
    addObject(mb, "", {path, 0});
    return;
  case llvm::file_magic::bitcode:
    claimIr(mb, "", {path, 0}, true, "LLVM bitcode");
    return;
  case llvm::file_magic::archive:
    addArchive(path, mb, pre ? std::move(pre->archive) : nullptr);
    archives.back()->mapped =
        ctx.buffers.back()->getBufferKind() == llvm::MemoryBuffer::MemoryBuffer_MMap;
    return;
  case llvm::file_magic::elf_shared_object: {
    checkElfIdent(ctx, mb, path);
    // GNU ld's rule is positional: a library named while -Bstatic (or
    // -static) is in force is an error, whatever the output; one named
    // before -static, or after -Bdynamic, is linked. -r never takes one:
    // an object cannot depend on a library.
    if (state.isStatic || ctx.config.relocatable)
      Fatal(ctx) << path << ": attempted static link of dynamic object";
    // A library read ahead is still there only if that read succeeded.
    bool wasRead = pre && pre->shared;
    std::unique_ptr<SharedFile> file =
        wasRead ? std::move(pre->shared) : std::make_unique<SharedFile>(mb);
    SharedFile *so = file.get();
    if (!so->hasSoname)
      so->soname = needed;
    so->priority = nextPriority++;
    so->asNeeded = state.asNeeded;
    ctx.fileStorage.push_back(std::move(file));
    ctx.dsos.push_back(so);
    if (ctx.config.trace)
      std::cout << path << "\n";
    if (wasRead)
      so->resolveSymbols(ctx);
    else
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

void Reader::addLibrary(const std::string &name) { addJob(libraryJob(ctx, name, state)); }

void Reader::addJob(const InputJob &job) {
  if (!job.found)
    Fatal(ctx) << "unable to find library " << job.spelled;
  addPath(job.path, false, job.needed);
}

// The members read ahead but never pulled were touched for nothing; their
// whole pages are given back (they are clean file pages: nothing is lost,
// and the process's resident set shrinks by what the link does not use).
static void releaseUnpulledMembers(Reader &r) {
  const uintptr_t page = sysconf(_SC_PAGESIZE);
  for (const auto &ar : r.archives) {
    if (!ar->preloaded || !ar->mapped)
      continue;
    for (const PreloadedMember &member : ar->preloaded->members) {
      if (member.state != ReadState::Ready || !member.file)
        continue; // pulled, or never read
      llvm::StringRef buf = member.mb.getBuffer();
      uintptr_t begin = ((uintptr_t)buf.begin() + page - 1) & ~(page - 1);
      uintptr_t end = (uintptr_t)buf.end() & ~(page - 1);
      if (begin < end)
        madvise((void *)begin, end - begin, MADV_DONTNEED);
    }
  }
}

void readInputFiles(Context &ctx) {
  ScopedTimer timer(ctx, "readInputFiles");
  checkPluginFiles(ctx);
  for (const std::string &name : ctx.config.wrapSyms) {
    llvm::StringRef sym = ctx.saver.save(name);
    ctx.wrapRenames[sym] = ctx.saver.save("__wrap_" + name);
    ctx.wrapRenames[ctx.saver.save("__real_" + name)] = sym;
  }
  Reader r(ctx);
  setEntrySymbol(ctx, ctx.config.entry.empty() ? defaultEntry(ctx.config)
                                               : std::string_view(ctx.config.entry));
  for (const std::string &name : ctx.config.traceSymbols)
    ctx.symtab.intern(ctx.saver.save(name))->traced = true;
  // -u SYM: start out with an undefined reference, so archives provide it.
  for (const std::string &name : ctx.config.undefinedSyms) {
    Symbol *sym = ctx.symtab.intern(ctx.saver.save(name));
    sym->isWeakRefOnly = false;
    sym->nonIrRef = true;
    sym->binding = STB_GLOBAL;
  }
  // --defsym NAME=SYMBOL refers to SYMBOL, which can pull it from an archive.
  for (const Defsym &d : ctx.config.defsyms)
    if (!d.target.empty()) {
      Symbol *sym = ctx.symtab.intern(ctx.saver.save(d.target));
      sym->isWeakRefOnly = false;
    }

  InputPlan plan = planInputs(ctx);
  r.preloader.run(ctx, plan);
  std::optional<ScopedTimer> walk(std::in_place, ctx, "resolveInOrder");
  for (const InputJob &job : plan.jobs) {
    r.state = job.state;
    switch (job.kind) {
    case InputJob::Kind::File:
      r.addJob(job);
      break;
    case InputJob::Kind::StartGroup:
      r.groups.emplace_back();
      break;
    case InputJob::Kind::EndGroup:
      if (r.groups.empty())
        Fatal(ctx) << "stray --end-group";
      r.endGroup();
      break;
    case InputJob::Kind::Error:
      Fatal(ctx) << job.path;
    }
  }
  // GNU ld closes an unterminated group at the end of the command line.
  while (!r.groups.empty())
    r.endGroup();
  r.state = plan.finalState;
  if (r.ltoClaimed)
    r.runLto();
  // No object at all (only archives nothing was pulled from, or libraries)
  // is not an error: GNU ld writes an output with nothing in it, and so do we.
  walk.emplace(ctx, "preloadFinish");
  r.preloader.finish();
  releaseUnpulledMembers(r);
}

} // namespace mld
