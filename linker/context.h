// Context: the whole state of one link. Every pass takes it as its first
// parameter; there are no globals. It owns the files, symbols, chunks and the
// output buffer, and counts the errors that checkpoint() acts on.
#pragma once

#include <atomic>
#include <deque>
#include <mutex>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "chunks.h"
#include "config.h"
#include "shared-file.h"
#include "lto-plugin.h"
#include "merged-section.h"
#include "output-file.h"
#include "symbol-table.h"
#include "synthetic.h"
#include "reloc-log.h"
#include "stats.h"
#include "llvm/Object/Archive.h"
#include "llvm/Support/StringSaver.h"

namespace mld {

class GotSection;
class GotPltSection;
class PltSection;
class PltSecSection;
class RelaDynSection;
class RelaPltSection;
class RelrDynSection;
class SymtabSection;
class StrtabSection;
class ShstrtabSection;
class InterpSection;
class DynamicSection;
class DynsymSection;
class HashSection;
class GnuHashSection;
class VersymSection;
class VerneedSection;
class VerdefSection;
class CopyRelSection;
class EhFrameHdrSection;
class BuildIdSection;
class RelocLog;

// A kept FDE's CIE pointer, written once addresses are known (eh-frame.cpp).
struct EhFrameCiePatch {
  InputSection *fde;
  uint64_t fdeFieldOffset; // offset of the CIE pointer in fde's section
  InputSection *cie;
  uint64_t cieOffset;
};

struct Context {
  explicit Context(Config config) : config(std::move(config)), saver(alloc) {}
  Context(const Context &) = delete;

  Config config;
  std::atomic<unsigned> errorCount{0}; // passes may report from worker threads
  std::mutex diagMutex;

  // Storage that lives as long as the link.
  llvm::BumpPtrAllocator alloc;
  llvm::UniqueStringSaver saver;
  std::vector<std::unique_ptr<llvm::MemoryBuffer>> buffers;
  std::vector<std::string> dependencies; // files read, for --dependency-file
  std::deque<InputSection> sectionPool;
  std::deque<Symbol> symbolPool;
  std::vector<std::unique_ptr<std::vector<uint8_t>>> ownedData;
  std::vector<std::unique_ptr<std::vector<ElfRela>>> ownedRelas;

  // Inputs, in command-line order.
  std::vector<std::unique_ptr<InputFile>> fileStorage;
  std::vector<std::unique_ptr<llvm::object::Archive>> archives; // own thin members' buffers
  std::vector<ObjectFile *> objs;
  std::vector<SharedFile *> dsos;
  SymbolTable symtab;
  // --wrap: the name an undefined symbol of an object binds to, for the
  // names that differ (SYM -> __wrap_SYM, __real_SYM -> SYM). Filled before
  // any input is read (objects are read on several threads).
  llvm::DenseMap<llvm::StringRef, llvm::StringRef> wrapRenames;
  // The LTO plugins, once an input holding IR has made them needed.
  std::unique_ptr<LtoSession> lto;
  // COMDAT signature -> the file whose group won (the first one seen).
  llvm::DenseMap<llvm::CachedHashStringRef, ObjectFile *> comdatGroups;
  // Mergeable sections, by (output name, flags, entsize).
  std::map<std::tuple<std::string, uint64_t, uint64_t>, MergedSection *> mergedSections;
  std::vector<std::unique_ptr<MergedSection>> mergedStorage;
  std::vector<InputSection *> commonSections; // from convertCommonSymbols
  InputSection *gnuPropertyNote = nullptr;    // replaces the inputs' (makeGnuPropertyNote)
  InputSection *packageNote = nullptr;        // --package-metadata (makePackageNote)
  std::vector<EhFrameCiePatch> ehFrameCiePatches;
  // Symbols that need a GOT/PLT/copy/dynsym entry, in the order the scan
  // first saw them (so that the output does not depend on hashing).
  std::vector<Symbol *> symbolsWithNeeds;

  // Output chunks in their final order (after layout), and the segments.
  std::vector<std::unique_ptr<Chunk>> chunkStorage;
  std::vector<Chunk *> chunks;
  std::vector<OutputSection *> outputSections;
  std::vector<Segment> segments;

  // Headers and synthetic sections; null when the output kind has no use for them.
  OutputEhdr *ehdr = nullptr;
  OutputPhdr *phdr = nullptr;
  OutputShdr *shdr = nullptr;
  GotSection *got = nullptr;
  GotPltSection *gotPlt = nullptr;
  PltSection *plt = nullptr;
  PltSecSection *pltSec = nullptr; // .plt.sec (IBT-enabled PLT only)
  bool ibtPlt = false;             // the PLT is IBT-enabled (chooseIbtPlt)
  RelaDynSection *relaDyn = nullptr;
  RelaPltSection *relaPlt = nullptr;
  RelrDynSection *relrDyn = nullptr; // -z pack-relative-relocs in PIC output
  SymtabSection *symtabSec = nullptr;
  StrtabSection *strtabSec = nullptr;
  ShstrtabSection *shstrtabSec = nullptr;
  InterpSection *interp = nullptr;
  DynamicSection *dynamic = nullptr;
  DynsymSection *dynsym = nullptr;
  StrtabSection *dynstr = nullptr;
  HashSection *hash = nullptr;
  GnuHashSection *gnuHash = nullptr;
  VersymSection *versym = nullptr;
  VerneedSection *verneed = nullptr;
  VerdefSection *verdef = nullptr;
  CopyRelSection *copyRel = nullptr;   // .bss copies
  CopyRelSection *copyRelRo = nullptr; // copies of read-only variables (RELRO)
  EhFrameHdrSection *ehFrameHdr = nullptr;
  BuildIdSection *buildId = nullptr;
  OutputSection *ehFrame = nullptr;

  // Facts fixed by layout.
  uint64_t imageBase = 0;
  uint64_t fileSize = 0;
  uint64_t loadedEnd = 0;                          // file offset where the loaded sections end
  uint64_t tlsBegin = 0, tlsEnd = 0, tlsAlign = 1; // PT_TLS vaddr range
  uint64_t tpAddr = 0;                             // thread pointer of the variant II TLS layout
  bool hasDynamicSection = false;                  // dynamic linking, or static-pie
  bool usesStaticTls = false;                      // -shared with initial-exec TLS: DF_STATIC_TLS
  bool hasTextRel = false;                         // a dynamic relocation in a read-only section
  Symbol *entrySym = nullptr;
  std::vector<std::string> neededLibs; // DT_NEEDED, in order
  std::string rpathString;             // DT_RUNPATH / DT_RPATH
  std::string auditString;             // DT_AUDIT (empty: none)
  std::string depauditString;          // DT_DEPAUDIT (empty: none)

  // --stats / --time-trace.
  std::chrono::steady_clock::time_point linkStart = std::chrono::steady_clock::now();
  std::vector<PassTime> passTimes;
  int timerDepth = 0;

  // Middle passes (prepare, bin, layout).
  // Relocations of the sections binSections placed: a bound on the dynamic
  // relocations the scan can make, so .rela.dyn's list is reserved once.
  uint64_t inputRelocCount = 0;

  std::unique_ptr<OutputFile> outputFile; // the output being written (writer.cpp)
  std::unique_ptr<RelocLog> relocLog;

  template <typename T, typename... Args> T *make(Args &&...args) {
    auto p = std::make_unique<T>(std::forward<Args>(args)...);
    T *raw = p.get();
    chunkStorage.push_back(std::move(p));
    return raw;
  }
  InputSection *newSection() { return &sectionPool.emplace_back(); }
  std::vector<uint8_t> &newData() {
    return *ownedData.emplace_back(std::make_unique<std::vector<uint8_t>>());
  }
  Symbol *newLocalSymbol() { return &symbolPool.emplace_back(); }
  // Outputs that are loaded by a dynamic loader (or relocate themselves).
  bool isPic() const { return config.isPic(); }
};

} // namespace mld
