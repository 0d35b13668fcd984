// tcb.cpp (freestanding mload only; implements tls.h's thread pointer): the thread pointer mload
// installs itself: the static block below it (tls.cpp's layout), and at it the TCB, whose first
// word is its own address; word 1 is the DTV (module id -> block) that __tls_get_addr reads.
// docs/abi.md section 5.
#include "tls.h"
#include "diag.h"
#include "log.h"
#include "linux-syscall.h"

namespace mload {

constexpr uint64_t TcbSize = 256;
constexpr uint64_t TcbCanaryOffset = 0x28; // gcc's -fstack-protector reads %fs:0x28

void installThreadPointer(Loader &L) {
  uint64_t align = L.tlsStaticAlign;
  uint64_t dtvSize = 8 * (L.tlsModuleCount + 2);
  uint64_t size = alignUp(L.tlsStaticSize + align + TcbSize + dtvSize, L.pageSize);
  long block = sys::mmap(nullptr, size, sys::ProtRead | sys::ProtWrite,
                         sys::MapPrivate | sys::MapAnonymous, -1, 0);
  if (sys::isError(block))
    fatal("mload", "cannot allocate the TLS block");
  uint64_t tp = alignUp(static_cast<uint64_t>(block) + L.tlsStaticSize, align);
  L.threadPointer = tp;
  L.tlsBlockStart = static_cast<uint64_t>(block);
  L.tlsBlockEnd = static_cast<uint64_t>(block) + size;
  auto *tcb = reinterpret_cast<uint64_t *>(tp);
  auto *dtv = reinterpret_cast<uint64_t *>(tp + TcbSize);
  dtv[0] = L.tlsModuleCount;
  for (Module *m = L.head; m; m = m->next) {
    if (!m->tlsModid)
      continue;
    uint64_t start = tp - m->tlsOffset;
    memcpy(reinterpret_cast<void *>(start), reinterpret_cast<const void *>(m->tlsImage),
           m->tlsFilesz);
    dtv[m->tlsModid] = start;
    logTls(L, m);
  }
  tcb[0] = tp; // %fs:0 reads the thread pointer itself
  tcb[1] = reinterpret_cast<uint64_t>(dtv);
  tcb[2] = tp;
  uint64_t canary = 0;
  if (const void *rnd = reinterpret_cast<const void *>(auxValue(L, AT_RANDOM)))
    memcpy(&canary, rnd, 8);
  // glibc zeroes the low byte so a string overread stops at the canary.
  tcb[TcbCanaryOffset / 8] = canary & ~0xffull;
  if (sys::archPrctl(sys::ArchSetFs, tp) != 0)
    fatal("mload", "cannot set the thread pointer");
}

// General-dynamic TLS: the compiler passes (module id, offset) from the GOT
// pair that DTPMOD64/DTPOFF64 filled. Every module here is in the static
// block, so the DTV entry is always present.
extern "C" void *__tls_get_addr(void *arg) {
  auto *ti = static_cast<TlsIndex *>(arg);
  uint64_t *dtv;
  asm("mov %%fs:8, %0" : "=r"(dtv));
  // dtv[0] is the number of modules with TLS: a module id outside 1..dtv[0]
  // comes from a corrupt DTPMOD64 slot.
  if (ti->module == 0 || ti->module > dtv[0]) {
    Text t;
    t.str("mload: error: __tls_get_addr: no module with TLS has id ")
        .dec(ti->module)
        .str(" (corrupt DTPMOD64 relocation?)");
    fatal(t);
  }
  return reinterpret_cast<void *>(dtv[ti->module] + ti->offset);
}

} // namespace mload
