// host-tls.cpp (mload-hosted only; implements tls.h's thread pointer): the static TLS of the
// objects mload loads, inside glibc's threads. glibc owns %fs and builds every thread's TLS itself,
// so mload-hosted reserves the space: it has one TLS variable, a 64 KiB initialised array (the
// arena). glibc places the executable's block right below the thread pointer, in every thread,
// copied from the executable's PT_TLS image; that is exactly where the ABI puts the program's own
// TLS block. mload lays out the program's and its libraries' blocks inside the arena (tls.cpp, the
// same layout as freestanding), then writes their .tdata into the arena's image, so each thread
// that pthread_create makes starts with them initialised, and into the current thread's arena.
#include "tls.h"
#include <dlfcn.h>
#include "diag.h"
#include "log.h"
#include "start.h"
#include "linux-syscall.h"

namespace mload {

constexpr uint64_t ArenaSize = 64 * 1024, ArenaAlign = 64;
constexpr uint64_t MaxModules = 256;

} // namespace mload

// Initialised (not .tbss), so that glibc copies its image into new threads.
__thread __attribute__((aligned(64), used)) char mloadTlsArena[mload::ArenaSize] = {1};

namespace mload {

static uint64_t moduleOffsets[MaxModules]; // by module id - tlsModidBase
static uint64_t modidBase;
static void *(*hostTlsGetAddr)(void *);

static uint64_t threadPointer() {
  uint64_t tp;
  asm("mov %%fs:0, %0" : "=r"(tp));
  return tp;
}

// mload-hosted's PT_TLS image, which glibc copies into each new thread.
static char *arenaImage(uint64_t &filesz) {
  auto *eh = reinterpret_cast<const Elf64_Ehdr *>(loaderBase());
  auto *ph = reinterpret_cast<const Elf64_Phdr *>(loaderBase() + eh->e_phoff);
  for (uint16_t i = 0; i < eh->e_phnum; ++i)
    if (ph[i].p_type == PT_TLS) {
      filesz = ph[i].p_filesz;
      return reinterpret_cast<char *>(loaderBase() + ph[i].p_vaddr);
    }
  return nullptr;
}

// The image pages may lie in mload-hosted's RELRO.
static char *writableImage(const Loader &L) {
  uint64_t filesz = 0;
  char *image = arenaImage(filesz);
  if (!image || filesz != ArenaSize)
    fatal("mload-hosted", "its TLS arena has no initialised image");
  uint64_t first = alignDown(reinterpret_cast<uint64_t>(image), L.pageSize);
  uint64_t len = alignUp(reinterpret_cast<uint64_t>(image) + ArenaSize, L.pageSize) - first;
  sys::mprotect(first, len, sys::ProtRead | sys::ProtWrite);
  return image;
}

// Copy the blocks of the modules from `first` on into the image and into
// this thread's arena.
static void placeBlocks(Loader &L, Module *first, char *image) {
  uint64_t tp = threadPointer();
  if (L.tlsStaticSize > ArenaSize || L.tlsStaticAlign > ArenaAlign)
    fatal(errorText(L.head->path)
              .str("static TLS of ")
              .dec(L.tlsStaticSize)
              .str(" bytes (alignment ")
              .dec(L.tlsStaticAlign)
              .str(") does not fit mload-hosted's arena of ")
              .dec(ArenaSize)
              .str(" bytes"));
  for (Module *m = first; m; m = m->next) {
    if (!m->tlsModid || m->host)
      continue;
    if (m->tlsModid - modidBase >= MaxModules)
      fatal(m->path, "too many modules with TLS");
    moduleOffsets[m->tlsModid - modidBase] = m->tlsOffset;
    char *block = image + ArenaSize - m->tlsOffset;
    memcpy(block, reinterpret_cast<const void *>(m->tlsImage), m->tlsFilesz);
    memset(block + m->tlsFilesz, 0, m->tlsMemsz - m->tlsFilesz);
    memcpy(reinterpret_cast<void *>(tp - m->tlsOffset), block, m->tlsMemsz);
    logTls(L, m);
  }
}

void installThreadPointer(Loader &L) {
  hostTlsGetAddr = reinterpret_cast<void *(*)(void *)>(dlsym(RTLD_DEFAULT, "__tls_get_addr"));
  modidBase = L.tlsModidBase;
  if (reinterpret_cast<uint64_t>(&mloadTlsArena[0]) + ArenaSize != threadPointer())
    fatal("mload-hosted", "its TLS arena is not right below the thread pointer");
  L.threadPointer = threadPointer();
  L.tlsBlockStart = reinterpret_cast<uint64_t>(&mloadTlsArena[0]);
  L.tlsBlockEnd = L.tlsBlockStart + ArenaSize;
  char *image = writableImage(L);
  memset(image, 0, ArenaSize);
  placeBlocks(L, L.head, image);
}

void addThreadLocal(Loader &L, Module *first) { placeBlocks(L, first, writableImage(L)); }

// __tls_get_addr for the objects mload loaded: their blocks are all static,
// at the same offset below the thread pointer in every thread; glibc's own
// module ids (below modidBase) go to glibc's __tls_get_addr.
extern "C" void *mloadHostedTlsGetAddr(void *arg) {
  auto *ti = static_cast<TlsIndex *>(arg);
  if (ti->module < modidBase)
    return hostTlsGetAddr(arg);
  if (ti->module - modidBase >= MaxModules || !moduleOffsets[ti->module - modidBase]) {
    Text t;
    t.str("mload: error: __tls_get_addr: no module with TLS has id ")
        .dec(ti->module)
        .str(" (corrupt DTPMOD64 relocation?)");
    fatal(t);
  }
  return reinterpret_cast<void *>(threadPointer() - moduleOffsets[ti->module - modidBase] +
                                  ti->offset);
}

} // namespace mload
