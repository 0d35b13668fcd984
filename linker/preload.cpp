// Reading ahead of the in-order walk. GNU ld's archive rule makes the walk
// serial: whether a member is pulled depends on what the members pulled
// before it left undefined. But reading a member (its section headers, its
// symbol table, the hashes of its global names) depends on nothing, so all
// of it is done up front on every core, for every member of every archive
// the command line names, as mold does. The walk then only looks names up
// and resolves them; the members it never pulls were read for nothing,
// which on real links (LLVM's static libraries: 1,686 of 2,340 members
// pulled) costs far less than reading the pulled ones one by one.
//
// Nothing here reports anything: every read runs in a SpeculativeScope, and
// a file that fails is dropped so the walk reads it again, in order, and
// reports it then, only if the link needs it.
#include "preload.h"

#include "context.h"
#include "diag.h"
#include "input-files.h"
#include "input-plan.h"
#include "shared-file.h"
#include "stats.h"
#include "symbol-table.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/BinaryFormat/Magic.h"
#include "llvm/Support/Parallel.h"

#include <atomic>
#include <mutex>
#include <optional>

namespace mld {

using namespace llvm::ELF;

// A 64-bit little-endian x86-64 ELF file with a whole header.
static bool isPlainElf(llvm::StringRef buf) {
  return buf.size() >= sizeof(ELFT::Ehdr) && buf[EI_CLASS] == ELFCLASS64 &&
         buf[EI_DATA] == ELFDATA2LSB && (uint8_t)buf[18] == EM_X86_64 && buf[19] == 0;
}

bool isPlainObject(llvm::StringRef buf) {
  return llvm::identify_magic(buf) == llvm::file_magic::elf_relocatable && isPlainElf(buf);
}

// llvm::createStringError goes through a C string: a name with a NUL in it
// would cut the message short.
static llvm::Error archiveError(std::string msg) {
  return llvm::make_error<llvm::StringError>(std::move(msg), llvm::inconvertibleErrorCode());
}

// A BSD "#1/LEN" name is the LEN bytes after the member's 60-byte header.
// LLVM 14 checks LEN only against the size the header claims and reads the
// name to word its own errors (a member running past the end, say), so
// every such name is checked against the file before LLVM walks members.
// The name field ends at its first space, as LLVM reads it: what follows
// (garbage, in a corrupt header) does not stop LLVM from using the length.
static std::string bsdNameOverrun(llvm::StringRef file, uint64_t offset, llvm::StringRef rawName) {
  uint64_t len;
  rawName = rawName.take_until([](char c) { return c == ' '; });
  if (!rawName.startswith("#1/") || rawName.substr(3).getAsInteger(10, len))
    return "";
  uint64_t start = offset + 60;
  if (start <= file.size() && len <= file.size() - start)
    return "";
  return "truncated archive: the name of the member at offset " + toHex(offset) + " (" +
         std::to_string(len) + " bytes) runs past the end of the file";
}

// Every member header, walked on the raw bytes as LLVM will walk them: its
// Archive constructor already reads the first members' names, before any
// check of ours could run on the Archive it returns.
static std::string bsdNamesOverrun(llvm::StringRef file) {
  bool thin = file.startswith("!<thin>\n");
  if (!thin && !file.startswith("!<arch>\n"))
    return "";
  uint64_t off = 8;
  while (file.size() - off >= 60) {
    llvm::StringRef header = file.substr(off, 60);
    llvm::StringRef rawName = header.substr(0, 16);
    std::string err = bsdNameOverrun(file, off, rawName);
    if (!err.empty())
      return err;
    uint64_t size;
    if (header.substr(48, 10).rtrim(' ').getAsInteger(10, size) || size > file.size() - off - 60)
      return ""; // LLVM reports it, with a name now known to be readable
    // A thin archive holds only its symbol table and long-name table.
    llvm::StringRef name = rawName.rtrim(' ');
    bool inline_ = !thin || name == "/" || name == "//" || name == "/SYM64/";
    off += 60 + (inline_ ? size + (size & 1) : 0);
  }
  return "";
}

llvm::Expected<std::unique_ptr<llvm::object::Archive>> openArchive(llvm::MemoryBufferRef mb) {
  std::string err = bsdNamesOverrun(mb.getBuffer());
  if (!err.empty())
    return archiveError(err);
  return llvm::object::Archive::create(mb);
}

void checkArchiveFormat(Context &ctx, const llvm::object::Archive &ar, const std::string &path) {
  using Kind = llvm::object::Archive::Kind;
  switch (ar.kind()) {
  case Kind::K_GNU:
  case Kind::K_GNU64:
    return;
  case Kind::K_BSD:
  case Kind::K_DARWIN:
  case Kind::K_DARWIN64:
    return; // openArchive checked the names
  case Kind::K_COFF:
    Fatal(ctx) << path << ": unsupported archive format (a second '/' member: "
               << "a COFF archive, not an ELF one)";
    return; // (Fatal exits; the compiler cannot see it)
  default:
    Fatal(ctx) << path << ": unsupported archive format";
  }
}

// Reads the archive's symbol index directly, checking every offset and
// length against the table (LLVM 14's Archive::symbols() trusts them):
// - GNU (what ar writes on Linux): a big-endian count, that many 4-byte
//   (8 for "/SYM64/") member offsets, then the names, NUL-terminated;
// - BSD/Darwin (llvm-ar --format=bsd|darwin): a little-endian byte count
//   of (name offset, member offset) pairs of 4-byte (8) words, the pairs,
//   the byte count of the names, the names.
// Every member offset must be the start of a member. Other formats (a
// second "/" member makes LLVM take the file for a COFF archive) are
// rejected. Reading the table ourselves also spares a member-header parse
// per name.
void readArchiveIndex(Context &ctx, const llvm::object::Archive &ar, const std::string &path,
                      std::vector<ArchiveIndexEntry> &out) {
  using Kind = llvm::object::Archive::Kind;
  if (!ar.hasSymbolTable())
    return;
  Kind kind = ar.kind();
  bool gnu = kind == Kind::K_GNU || kind == Kind::K_GNU64;
  checkArchiveFormat(ctx, ar, path);
  llvm::DenseSet<uint64_t> starts;
  llvm::Error err = llvm::Error::success();
  for (const auto &child : ar.children(err))
    starts.insert(child.getChildOffset());
  check(ctx, std::move(err), path);

  llvm::StringRef tab = ar.getSymbolTable();
  unsigned w = kind == Kind::K_GNU64 || kind == Kind::K_DARWIN64 ? 8 : 4;
  auto read = [&](uint64_t at) -> uint64_t {
    if (at > tab.size() || tab.size() - at < w)
      Fatal(ctx) << path << ": truncated archive symbol table";
    uint64_t v = 0;
    for (unsigned i = 0; i < w; i++)
      v = gnu ? (v << 8) | (uint8_t)tab[at + i] : v | (uint64_t)(uint8_t)tab[at + i] << (8 * i);
    return v;
  };
  uint64_t count, namesAt;
  if (gnu) {
    count = read(0);
    if (count > (tab.size() - w) / w)
      Fatal(ctx) << path << ": archive symbol table has " << count
                 << " entries, more than fit in it";
    namesAt = w + count * w;
  } else {
    uint64_t bytes = read(0);
    if (bytes % (2 * w) || bytes > tab.size() - w)
      Fatal(ctx) << path << ": archive symbol table has a bad size";
    count = bytes / (2 * w);
    namesAt = w + bytes + w;
    uint64_t namesSize = read(w + bytes);
    if (namesSize > tab.size() - namesAt)
      Fatal(ctx) << path << ": truncated archive symbol table";
    tab = tab.take_front(namesAt + namesSize);
  }
  llvm::StringRef names = tab.drop_front(namesAt);
  out.reserve(count);
  for (uint64_t i = 0; i < count; i++) {
    uint64_t offset = gnu ? read(w + i * w) : read(w + i * 2 * w + w);
    if (!starts.count(offset))
      Fatal(ctx) << path << ": archive symbol table entry " << i
                 << " does not point at a member (offset " << toHex(offset) << ")";
    llvm::StringRef rest = names;
    if (!gnu) {
      uint64_t strx = read(w + i * 2 * w);
      if (strx >= names.size())
        Fatal(ctx) << path << ": truncated archive symbol table";
      rest = names.drop_front(strx);
    }
    size_t len = rest.find('\0');
    if (len == llvm::StringRef::npos)
      Fatal(ctx) << path << ": truncated archive symbol table";
    std::string_view name(rest.data(), len);
    if (gnu)
      names = names.drop_front(len + 1);
    out.push_back({name, SymbolTable::hashName(name), offset});
  }
}

static bool insideFile(const llvm::object::Archive &ar, llvm::StringRef data) {
  llvm::StringRef file = ar.getMemoryBufferRef().getBuffer();
  return data.data() >= file.data() && (size_t)(data.data() - file.data()) <= file.size() &&
         data.size() <= file.size() - (data.data() - file.data());
}

llvm::Expected<llvm::StringRef> memberName(const llvm::object::Archive &ar,
                                           const llvm::object::Archive::Child &child) {
  llvm::Expected<llvm::StringRef> raw = child.getRawName();
  if (!raw) {
    llvm::consumeError(raw.takeError()); // getName reports it
  } else {
    std::string err =
        bsdNameOverrun(ar.getMemoryBufferRef().getBuffer(), child.getChildOffset(), *raw);
    if (!err.empty())
      return archiveError(err);
  }
  return child.getName();
}

llvm::Expected<llvm::MemoryBufferRef> memberBuffer(const llvm::object::Archive &ar,
                                                   const llvm::object::Archive::Child &child) {
  llvm::Expected<llvm::MemoryBufferRef> mb = child.getMemoryBufferRef();
  if (!mb || ar.isThin() || insideFile(ar, mb->getBuffer()))
    return mb;
  llvm::Expected<llvm::StringRef> name = memberName(ar, child);
  std::string what = name ? "member " + name->str() : "the member";
  llvm::consumeError(name.takeError());
  return archiveError("truncated archive: " + what + " at offset " + toHex(child.getChildOffset()) +
                      " has size " + std::to_string(mb->getBufferSize()) +
                      ", past the end of the file");
}

// Runs `read` in a SpeculativeScope: false if it stopped at a diagnostic
// (which is then left for the walk to report, if the file is needed).
template <typename F> static bool readSpeculatively(F read) {
  try {
    SpeculativeScope speculative;
    read();
    return true;
  } catch (SpeculativeFailure &) {
    return false;
  }
}

// Opens `file` and, for an archive, reads its index and lists its members.
// Runs on a worker thread, speculatively.
static void openAhead(Context &ctx, const std::string &path, PreloadedFile &file) {
  auto mbOrErr = llvm::MemoryBuffer::getFile(path, /*IsText=*/false,
                                             /*RequiresNullTerminator=*/false);
  if (!mbOrErr)
    return;
  file.buffer = std::move(*mbOrErr);
  llvm::MemoryBufferRef mb = file.buffer->getMemBufferRef();
  switch (llvm::identify_magic(mb.getBuffer())) {
  case llvm::file_magic::elf_relocatable:
    if (isPlainObject(mb.getBuffer()))
      file.object = std::make_unique<ObjectFile>(mb, "");
    return;
  case llvm::file_magic::elf_shared_object:
    if (isPlainElf(mb.getBuffer()))
      file.shared = std::make_unique<SharedFile>(mb);
    return;
  case llvm::file_magic::archive:
    break;
  default:
    return; // linker scripts: only the buffer is kept
  }

  auto pa = std::make_unique<PreloadedArchive>();
  pa->path = path;
  auto arOrErr = openArchive(mb);
  if (!arOrErr) {
    llvm::consumeError(arOrErr.takeError());
    return;
  }
  pa->archive = std::move(*arOrErr);
  const llvm::object::Archive &ar = *pa->archive;
  // A thin archive's members are other files, read through LLVM's shared
  // state: those stay with the walk.
  if (ar.isThin() || (!ar.hasSymbolTable() && !ar.isEmpty()))
    return;
  if (!readSpeculatively([&] { readArchiveIndex(ctx, ar, path, pa->index); }))
    return;
  llvm::Error err = llvm::Error::success();
  for (const auto &child : ar.children(err)) {
    auto buf = memberBuffer(ar, child);
    auto name = memberName(ar, child);
    if (!buf || !name) {
      llvm::consumeError(buf.takeError());
      llvm::consumeError(name.takeError());
      continue;
    }
    if (!isPlainObject(buf->getBuffer()))
      continue;
    pa->memberAt[child.getChildOffset()] = pa->members.size();
    pa->members.push_back(
        {pa.get(), llvm::MemoryBufferRef(buf->getBuffer(), pa->names.save(*name)), nullptr});
  }
  if (err) {
    llvm::consumeError(std::move(err));
    return;
  }
  file.archive = std::move(pa);
}

void Preloader::run(Context &ctx, const InputPlan &plan) {
  // 1. The files the plan names, each once. Paths inside linker scripts are
  //    left to the walk.
  std::vector<std::pair<std::string, bool>> work; // path, whole archive
  for (const InputJob &job : plan.jobs) {
    if (job.kind != InputJob::Kind::File || !job.found)
      continue;
    auto [it, inserted] = files.try_emplace(job.path, nullptr);
    if (inserted) {
      it->second = std::make_unique<PreloadedFile>();
      order.push_back(it->second.get());
      work.push_back({job.path, job.state.wholeArchive});
    }
  }

  // 2. Open them all, and list the archives' members.
  {
    ScopedTimer timer(ctx, "preloadOpen");
    llvm::parallelForEachN(0, work.size(), [&](size_t i) {
      openAhead(ctx, work[i].first, *order[i]);
      if (order[i]->archive)
        order[i]->archive->wholeArchive = work[i].second;
    });
  }

  // 3. Read the objects, and the members the link can reach from them:
  //    in the background while the walk resolves what is ready, unless
  //    there is only one thread to do both.
  prepareFirstWave();
  if (llvm::parallel::strategy.ThreadsRequested == 1) {
    {
      ScopedTimer timer(ctx, "preloadIndex");
      indexDefiners(ctx);
    }
    ScopedTimer timer(ctx, "preloadRead");
    readWaves(ctx);
  } else {
    reader = std::thread([this, &ctx] { readWaves(ctx); });
    ScopedTimer timer(ctx, "preloadIndex");
    indexDefiners(ctx);
  }
}

void Preloader::finish() {
  if (reader.joinable())
    reader.join();
}

ReadState loadState(const ReadState &s) {
  return std::atomic_ref<ReadState>(const_cast<ReadState &>(s)).load(std::memory_order_acquire);
}

void storeState(ReadState &s, ReadState v) {
  std::atomic_ref<ReadState>(s).store(v, std::memory_order_release);
}

bool claimState(ReadState &s) {
  ReadState expected = ReadState::Unclaimed;
  return std::atomic_ref<ReadState>(s).compare_exchange_strong(expected, ReadState::Reading,
                                                               std::memory_order_acq_rel);
}

ReadState awaitRead(const ReadState &s) {
  ReadState st;
  while ((st = loadState(s)) == ReadState::Reading)
    std::this_thread::yield();
  return st;
}

// Which members to read: GNU's rule pulls a member only for a name that a
// file already in the link refers to, so the members worth reading are
// those reachable from the command-line objects through "refers to a name
// that member defines" (the archives' indexes say who defines what). The
// closure ignores archive order, so it is a superset of what the walk will
// pull; anything it misses is merely read later, by the walk.
//
// It is computed wave by wave: each wave is read in parallel, and reading a
// file claims (atomically) the members defining the names it refers to,
// which form the next wave.

// The first files to read: command-line objects and shared libraries, and
// the members of --whole-archive archives. Needs no index.
void Preloader::prepareFirstWave() {
  for (PreloadedFile *file : order) {
    if (file->object || file->shared) {
      storeState(file->state, ReadState::Reading);
      firstFiles.push_back(file);
    }
    if (PreloadedArchive *pa = file->archive.get(); pa && pa->wholeArchive)
      for (PreloadedMember &m : pa->members)
        if (claimState(m.state))
          firstMembers.push_back(&m);
  }
}

// Who defines what, from every archive's index, and the members defining
// the names the link starts out needing (the entry point and -u names).
// Built while the first files are being read; published by indexReady.
void Preloader::indexDefiners(Context &ctx) {
  definers.push_back({nullptr, 0}); // index 0 ends a chain
  for (PreloadedFile *file : order) {
    PreloadedArchive *pa = file->archive.get();
    if (!pa || pa->wholeArchive)
      continue;
    for (const ArchiveIndexEntry &e : pa->index) {
      auto at = pa->memberAt.find(e.memberOffset);
      if (at == pa->memberAt.end())
        continue;
      llvm::CachedHashStringRef key(llvm::StringRef(e.name.data(), e.name.size()), e.hash);
      uint32_t &head = firstDefiner[key];
      definers.push_back({&pa->members[at->second], head});
      head = definers.size() - 1;
    }
  }
  for (Symbol *sym : ctx.symtab.symbols)
    if (sym->isUndefined() && !sym->isWeakRefOnly)
      claimDefiners(sym->name, SymbolTable::hashName(sym->name), firstMembers);
  indexReady.store(true, std::memory_order_release);
}

// Claims for reading the members that define `name` and that nobody has
// claimed yet, adding them to `out`.
void Preloader::claimDefiners(std::string_view name, uint32_t hash,
                              std::vector<PreloadedMember *> &out) {
  auto it =
      firstDefiner.find(llvm::CachedHashStringRef(llvm::StringRef(name.data(), name.size()), hash));
  if (it == firstDefiner.end())
    return;
  for (uint32_t i = it->second; i; i = definers[i].second)
    if (claimState(definers[i].first->state))
      out.push_back(definers[i].first);
}

// Claims the members defining the names `obj` may pull for (after its read).
void Preloader::claimPulledBy(const ObjectFile &obj, std::vector<PreloadedMember *> &out) {
  for (uint32_t i = obj.firstGlobal; i < obj.elfSyms.size(); i++)
    if (obj.mayPullFor(i))
      claimDefiners(obj.globalNames[i - obj.firstGlobal], obj.globalHashes[i - obj.firstGlobal],
                    out);
}

// Reads wave after wave (see the comment above prepareFirstWave). Runs beside
// the walk: every file is published with a release store of its state, and
// nothing here touches a file after that.
void Preloader::readWaves(Context &ctx) {
  // The first files need no index to be read; the names they refer to are
  // looked up once the index is ready, and only then are they published.
  std::vector<char> firstOk(firstFiles.size());
  llvm::parallelForEachN(0, firstFiles.size(), [&](size_t k) {
    PreloadedFile &f = *firstFiles[k];
    firstOk[k] = readSpeculatively([&] {
      if (f.object)
        f.object->readSections(ctx);
      else
        f.shared->read(ctx);
    });
  });
  while (!indexReady.load(std::memory_order_acquire))
    std::this_thread::yield();

  std::vector<PreloadedMember *> wave = std::move(firstMembers);
  for (size_t k = 0; k < firstFiles.size(); k++) {
    PreloadedFile &f = *firstFiles[k];
    if (firstOk[k] && f.object)
      claimPulledBy(*f.object, wave);
    if (!firstOk[k]) {
      f.object.reset(); // read again, and reported, if the walk needs it
      f.shared.reset();
    }
    storeState(f.state, firstOk[k] ? ReadState::Ready : ReadState::Failed);
  }

  std::mutex mu;
  while (!wave.empty()) {
    std::vector<PreloadedMember *> next;
    llvm::parallelForEachN(0, wave.size(), [&](size_t k) {
      PreloadedMember &m = *wave[k];
      m.file = std::make_unique<ObjectFile>(m.mb, m.owner->path);
      bool ok = readSpeculatively([&] { m.file->readSections(ctx); });
      std::vector<PreloadedMember *> found;
      if (ok)
        claimPulledBy(*m.file, found);
      else
        m.file.reset(); // read again, and reported, if the walk needs it
      storeState(m.state, ok ? ReadState::Ready : ReadState::Failed);
      if (!found.empty()) {
        std::lock_guard<std::mutex> lock(mu);
        next.insert(next.end(), found.begin(), found.end());
      }
    });
    wave = std::move(next);
  }
}

std::unique_ptr<PreloadedFile> Preloader::take(const std::string &path) {
  auto it = files.find(path);
  if (it == files.end())
    return nullptr;
  return std::move(it->second);
}

} // namespace mld
