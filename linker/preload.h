// Reading ahead: every object named on the command line and every member of
// every archive it names is read (sections, symbols, name hashes) on all
// cores before the in-order walk of read-inputs.cpp starts, so that the walk
// itself only resolves names. See preload.cpp.
#pragma once

#include <atomic>
#include <memory>
#include <optional>
#include <thread>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "llvm/ADT/CachedHashString.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/Object/Archive.h"
#include "llvm/Support/Allocator.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/StringSaver.h"

namespace mld {

struct Context;
struct InputPlan;
class ObjectFile;
class SharedFile;
struct Symbol;

// One entry of an archive's symbol index, with the name hashed and the
// member located once, so that GNU rescans of the archive only compare.
struct ArchiveIndexEntry {
  std::string_view name;
  uint32_t hash;
  uint64_t memberOffset; // the defining member's header offset
  Symbol *sym = nullptr; // looked up once the name exists in the link
};

struct PreloadedArchive;

// Where a file read ahead stands. The reading runs on other threads while
// the walk resolves (see preload.cpp): the walk takes a file only once it
// is Ready (or reads it itself if it is Unclaimed or Failed).
enum class ReadState : uint8_t { Unclaimed, Reading, Ready, Failed };

// Atomic access to a ReadState stored as a plain byte (it sits in vectors).
ReadState loadState(const ReadState &s);
void storeState(ReadState &s, ReadState v);
bool claimState(ReadState &s); // Unclaimed -> Reading; false if taken
// Waits while another thread is reading; returns the state it ended in.
ReadState awaitRead(const ReadState &s);

// A plain-object member of a preloaded archive.
struct PreloadedMember {
  PreloadedArchive *owner;
  llvm::MemoryBufferRef mb; // named after the member
  // Read ahead, once something the link may contain refers to a name the
  // member defines. Null if never reached, or if reading it failed (the walk
  // then reads it again, and reports the error, if it pulls it).
  std::unique_ptr<ObjectFile> file;
  ReadState state = ReadState::Unclaimed;
};

// An archive as the preloader leaves it: parsed, index checked and hashed,
// its plain-object members listed and the reachable ones read.
struct PreloadedArchive {
  std::string path;
  std::unique_ptr<llvm::object::Archive> archive;
  std::vector<ArchiveIndexEntry> index;
  std::vector<PreloadedMember> members;
  llvm::DenseMap<uint64_t, uint32_t> memberAt; // header offset -> members[i]
  bool wholeArchive = false;                   // named under --whole-archive: all are read
  // Member names live here (the preloader runs on worker threads, where the
  // shared string saver may not be used).
  llvm::BumpPtrAllocator nameAlloc;
  llvm::StringSaver names{nameAlloc};
};

// A file read ahead, by the path the walk will open it by.
struct PreloadedFile {
  std::unique_ptr<llvm::MemoryBuffer> buffer;
  std::unique_ptr<ObjectFile> object;        // a relocatable object, or
  std::unique_ptr<SharedFile> shared;        // a shared library, or
  std::unique_ptr<PreloadedArchive> archive; // an archive (not thin)
  ReadState state = ReadState::Unclaimed;    // of `object` or `shared`
};

class Preloader {
public:
  // Reads what the plan names in parallel. Nothing is reported: a file that fails here is
  // simply not preloaded, and the walk reads it, and fails, in order.
  // Opening and indexing are done when it returns; the reading goes on in
  // the background (on the calling thread too under --threads=1) until
  // finish().
  void run(Context &ctx, const InputPlan &plan);
  // Waits for the background reading to end.
  void finish();
  ~Preloader() { finish(); }
  // The preloaded file for `path`, handed over once (a second mention of
  // the same path is read again by the walk, as a separate input). Its
  // object or shared library is there only if it was read successfully.
  std::unique_ptr<PreloadedFile> take(const std::string &path);

private:
  void prepareFirstWave();
  void indexDefiners(Context &ctx);
  void readWaves(Context &ctx);
  void claimDefiners(std::string_view name, uint32_t hash, std::vector<PreloadedMember *> &out);
  void claimPulledBy(const ObjectFile &obj, std::vector<PreloadedMember *> &out);

  // The members defining each name, as chains through `definers`.
  llvm::DenseMap<llvm::CachedHashStringRef, uint32_t> firstDefiner;
  std::vector<std::pair<PreloadedMember *, uint32_t>> definers;
  // The first wave: command-line objects and shared libraries, the members
  // of --whole-archive archives and those defining the entry point and -u.
  std::vector<PreloadedFile *> firstFiles;
  std::vector<PreloadedMember *> firstMembers;
  std::atomic<bool> indexReady{false};
  std::thread reader;

  std::unordered_map<std::string, std::unique_ptr<PreloadedFile>> files;
  std::vector<PreloadedFile *> order; // command-line order
};

// llvm::object::Archive::create, after checking every BSD "#1/LEN" member
// name against the end of the file (LLVM 14 reads such names unchecked,
// already in its constructor).
llvm::Expected<std::unique_ptr<llvm::object::Archive>> openArchive(llvm::MemoryBufferRef mb);

// Fatal unless the archive is of a kind an ELF link reads: GNU (SysV) or
// BSD. LLVM also accepts COFF (two "/" members) and AIX archives, whose
// tables it would then walk through unchecked.
void checkArchiveFormat(Context &ctx, const llvm::object::Archive &ar, const std::string &path);

// Builds `out` from the archive's symbol index, checking that every entry
// points at a member (Fatal otherwise: LLVM 14 follows offsets unchecked).
void readArchiveIndex(Context &ctx, const llvm::object::Archive &ar, const std::string &path,
                      std::vector<ArchiveIndexEntry> &out);

// The member's contents, checked to lie inside the archive (LLVM 14 takes
// the size in the member header on trust; the last member may be cut).
llvm::Expected<llvm::MemoryBufferRef> memberBuffer(const llvm::object::Archive &ar,
                                                   const llvm::object::Archive::Child &child);

// The member's name, checked to lie inside the archive (LLVM 14 reads a BSD
// "#1/LEN" name of LEN bytes after the header without checking the file
// holds them).
llvm::Expected<llvm::StringRef> memberName(const llvm::object::Archive &ar,
                                           const llvm::object::Archive::Child &child);

// Whether `buf` is plainly a 64-bit little-endian x86-64 ELF file of the
// right header size: anything else is left to the walk to diagnose.
bool isPlainObject(llvm::StringRef buf);

} // namespace mld
