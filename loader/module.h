// module.h: Module, everything mload knows about one loaded ELF object, and
// Loader, the process-wide state (module list, options, log, TLS layout).
// Addresses in ELF fields are link-time; laddr(m, v) turns them into
// runtime addresses by adding the load bias.
#pragma once

#include <elf.h>
#include <stddef.h>
#include <stdint.h>

namespace mload {

struct Loader;

// gdb's view of a module (glibc's public struct link_map prefix; gdb reads
// these five fields through r_debug.r_map).
struct LinkMap {
  uint64_t l_addr;
  const char *l_name;
  const Elf64_Dyn *l_ld;
  LinkMap *l_next, *l_prev;
};

// Tags below DynTagCount are stored by number; the GNU/versioning tags we
// need get their own slots after them.
enum DynSlot : unsigned {
  DynTagCount = 40,
  SlotGnuHash = DynTagCount,
  SlotVersym,
  SlotVerdef,
  SlotVerdefNum,
  SlotVerneed,
  SlotVerneedNum,
  SlotFlags1,
  DynSlotCount,
};

struct Module {
  LinkMap linkMap; // first, so gdb's list walks straight over modules
  Loader *loader = nullptr;
  const char *name = nullptr; // the DT_NEEDED string, or the path given
  const char *path = nullptr; // what was opened (for $ORIGIN and messages)
  uint64_t base = 0;          // load bias: runtime address - link-time address
  uint64_t mapStart = 0, mapEnd = 0;
  const Elf64_Phdr *phdr = nullptr;
  uint16_t phnum = 0;
  uint64_t entry = 0;
  uint16_t elfType = ET_DYN;
  uint64_t dev = 0, ino = 0;
  bool isMain = false;
  // Hosted mode: an object of the system's C library (libc.so.6 and its
  // siblings), mapped, relocated and initialised by the system's ld.so.
  // mload only reads its tables (lookup, interposition), never writes them
  // except for interposed GOT entries (host.cpp).
  bool host = false;
  void *hostHandle = nullptr; // its dlopen handle

  // Decoded .dynamic.
  Elf64_Dyn *dynamic = nullptr;
  uint64_t dyn[DynSlotCount] = {};
  uint64_t hasDyn = 0; // bit i: slot i present
  const Elf64_Sym *symtab = nullptr;
  const char *strtab = nullptr;
  uint64_t symCount = 0, strSize = 0; // checked against the image
  // Entries of DT_VERSYM inside the image: symCount with DT_HASH; with only
  // DT_GNU_HASH, where symCount is a bound (the rest of .dynsym's segment),
  // as many as fit, at least the hashed ones.
  uint64_t versymCount = 0;
  // Where the hashed (all the defined) symbols end: symCount with DT_HASH,
  // the end of the GNU hash chains otherwise.
  uint64_t hashedEnd = 0;
  const uint32_t *sysvHash = nullptr;
  const uint32_t *gnuHash = nullptr;
  const uint16_t *versym = nullptr;
  const char **versionNames = nullptr; // by version index, from verdef+verneed
  uint32_t versionCount = 0;

  Module **deps = nullptr;
  uint32_t depCount = 0;
  Module *next = nullptr, *prev = nullptr; // load order (= global scope order)

  // TLS (static block, variant II): this module's block is at tp - tlsOffset.
  uint64_t tlsImage = 0, tlsFilesz = 0, tlsMemsz = 0, tlsAlign = 1;
  uint64_t tlsOffset = 0;
  uint64_t tlsModid = 0;

  uint64_t relroStart = 0, relroEnd = 0;
  bool execStack = false;
  bool bindNow = false;
  bool relocated = false;
  bool initVisited = false;
  bool depsLoaded = false;

  bool has(unsigned slot) const { return hasDyn >> slot & 1; }
};

inline uint64_t laddr(const Module *m, uint64_t v) { return m->base + v; }

// End of the PT_LOAD segment holding address `a` whose p_flags include
// `pflag` (PF_R, PF_W), or 0.
inline uint64_t segmentEnd(const Module *m, uint64_t a, uint32_t pflag) {
  for (uint16_t i = 0; i < m->phnum; ++i) {
    const Elf64_Phdr &p = m->phdr[i];
    uint64_t start = laddr(m, p.p_vaddr);
    if (p.p_type == PT_LOAD && (p.p_flags & pflag) && a >= start && a - start < p.p_memsz)
      return start + p.p_memsz;
  }
  return 0;
}

// Is `a` code of m (inside a PF_X segment)?
inline bool isCode(const Module *m, uint64_t a) { return segmentEnd(m, a, PF_X) != 0; }

// Does [p, p + size) lie inside one readable segment of m? Tables found
// through .dynamic are checked with this before use, so a corrupt file
// gives an error instead of a stray read (the span between segments is
// PROT_NONE).
inline bool inImage(const Module *m, const void *p, uint64_t size) {
  uint64_t a = reinterpret_cast<uint64_t>(p), end = segmentEnd(m, a, PF_R);
  return end && size <= end - a;
}

enum LogCategory : unsigned {
  LogLibs = 1,
  LogReloc = 2,
  LogBindings = 4,
  LogInit = 8,
  LogAll = LogLibs | LogReloc | LogBindings | LogInit,
};

struct Options {
  bool bindNow = false;
  bool list = false;
  bool maps = false;           // --maps / MLOAD_MAPS: print the address space at hand-over
  const char *argv0 = nullptr; // --argv0: the program's argv[0] (hand-over from PT_INTERP mode)
  const char *preload =
      nullptr; // --preload / LD_PRELOAD / MLOAD_PRELOAD: libraries loaded after the program
  const char *libraryPath = nullptr; // --library-path, else the environment
  const char *logPath = nullptr;
  bool logJson = false;
  unsigned logMask = 0;
  // Test hooks (environment only): force a trampoline variant, and wipe
  // the vector registers inside fixup so tests prove they are restored.
  const char *trampoline = nullptr; // MLOAD_TRAMPOLINE=xsavec|xsave|fxsave
  bool clobberVectors = false;      // MLOAD_TEST_CLOBBER_VECTORS=1
};

struct Loader {
  Options opts;
  int logFd = -1;
  long pid = 0;
  Module *head = nullptr, *tail = nullptr; // main program first

  Module **initOrder = nullptr; // dependencies before dependents
  uint32_t initCount = 0, initCapacity = 0;
  uint64_t *auxv = nullptr;
  uint64_t pageSize = 4096;
  const char **envp = nullptr;
  int argc = 0;
  char **argv = nullptr;
  uint64_t tlsStaticSize = 0, tlsStaticAlign = 16;
  uint64_t tlsModuleCount = 0;
  // Where the thread pointer points and the memory holding the static TLS
  // blocks (freestanding: mload's own mapping; hosted: its arena inside
  // glibc's TLS), for --maps.
  uint64_t threadPointer = 0, tlsBlockStart = 0, tlsBlockEnd = 0;
  uint32_t errorCount = 0;
  // Hosted mode (mload-hosted): glibc is the system's, loaded by ld.so.
  bool hosted = false;
  bool direct = true; // run as a command (not as PT_INTERP)
  int progIndex = 0;  // argv index of the program when direct
  char **origArgv = nullptr;
  // First TLS module id mload hands out: in hosted mode the host's own ids
  // sit below it, so __tls_get_addr can tell the two apart.
  uint64_t tlsModidBase = 0;
};

// The value of auxiliary-vector entry `tag` (AT_*), or 0 if absent.
inline uint64_t auxValue(const Loader &L, uint64_t tag) {
  for (const uint64_t *a = L.auxv; a && a[0] != AT_NULL; a += 2)
    if (a[0] == tag)
      return a[1];
  return 0;
}

} // namespace mload
