// fixup.cpp: _dl_fixup(module, index), the C++ half of lazy binding; the
// assembly half is runtime/dl-trampoline.S. The index is the one PLTn
// pushed: entry n of DT_JMPREL, the JUMP_SLOT for .got.plt[3+n] (see the
// PLT/GOT contract in docs). Only DT_JMPREL + index is used, never the PLT
// bytes. No locks and no allocation: two threads binding the same slot
// compute the same value, and the slot is written with one aligned 8-byte
// store, so any reader sees either the old or the new target.
#include "fixup.h"
#include "diag.h"
#include "log.h"
#include "lookup.h"
#include "linux-syscall.h"

namespace mload {

static void cpuid(uint32_t leaf, uint32_t sub, uint32_t r[4]) {
  asm volatile("cpuid" : "=a"(r[0]), "=b"(r[1]), "=c"(r[2]), "=d"(r[3]) : "a"(leaf), "c"(sub));
}

static bool hasAvx() {
  uint32_t r[4];
  cpuid(1, 0, r);
  return (r[2] >> 28 & 1) && (r[2] >> 27 & 1); // AVX and OSXSAVE
}

// Test hook: zero every vector register, upper halves included, as an
// arbitrary C function could; only a trampoline that restores the full
// state keeps the caller's arguments.
static void clobberVectorRegisters() {
  if (hasAvx())
    asm volatile("vzeroall" ::: "memory");
  else
    asm volatile("xorps %%xmm0, %%xmm0\n\txorps %%xmm1, %%xmm1\n\txorps %%xmm7, %%xmm7" ::
                     : "xmm0", "xmm1", "xmm7");
}

// The loader whose modules may call in here: GOT.PLT[1] is an ordinary word in
// the module's data, so the handle PLT0 pushes is checked against the
// module list before it is used.
static const Loader *activeLoader;

static Module *checkedHandle(Module *handle) {
  for (Module *m = activeLoader ? activeLoader->head : nullptr; m; m = m->next)
    if (m == handle)
      return m;
  Text t;
  t.str("mload: error: lazy binding: the module handle in a GOT (")
      .hex(reinterpret_cast<uint64_t>(handle))
      .str(") is not a loaded module (corrupt GOT.PLT[1]?)");
  fatal(t);
}

extern "C" uint64_t _dl_fixup(Module *handle, uint64_t index) {
  Module *m = checkedHandle(handle);
  const Loader &L = *m->loader;
  uint64_t count = m->dyn[DT_PLTRELSZ] / sizeof(Elf64_Rela);
  if (index >= count)
    fatal(errorText(m->path).str("lazy binding: PLT index ").dec(index).str(" out of range"));
  const Elf64_Rela &r = reinterpret_cast<const Elf64_Rela *>(laddr(m, m->dyn[DT_JMPREL]))[index];
  uint32_t symIndex = ELF64_R_SYM(r.r_info);
  if (symIndex >= m->symCount)
    fatal(errorText(m->path).str("lazy binding: bad symbol index ").dec(symIndex));
  const char *name = symbolName(m, symIndex);
  Definition d = resolveSymbol(L, m, symIndex, RefKind::JumpSlot);
  if (!d.found) {
    Text t;
    t.str("mload: symbol lookup error: ").str(m->path).str(": undefined symbol: ").str(name);
    fatal(t);
  }
  if (L.opts.clobberVectors)
    clobberVectorRegisters();
  uint64_t value = d.address + r.r_addend;
  // A function of mload's own is entered at its start, never at an offset.
  if ((d.module && !d.ifunc && !isCode(d.module, value)) || (!d.module && r.r_addend))
    fatal(errorText(m->path)
              .str("lazy binding: ")
              .str(name)
              .str(" resolves to ")
              .hex(value)
              .str(", outside the code of ")
              .str(d.module ? d.module->path : "mload"));
  auto *slot = reinterpret_cast<uint64_t *>(laddr(m, r.r_offset));
  uint64_t writableEnd = segmentEnd(m, reinterpret_cast<uint64_t>(slot), PF_W);
  if (!writableEnd || writableEnd - reinterpret_cast<uint64_t>(slot) < 8)
    fatal(errorText(m->path)
              .str("lazy binding: the slot of ")
              .str(name)
              .str(" lies outside the writable segments"));
  uint64_t old = *slot;
  __atomic_store_n(slot, value, __ATOMIC_RELEASE);
  logLazyBind(L, m, name, d.module, index, reinterpret_cast<uint64_t>(slot), old, value);
  return value;
}

} // namespace mload

// Trampoline variants (runtime/dl-trampoline.S) and the frame size they
// subtract from the stack, read by the assembly.
extern "C" {
void _dl_runtime_resolve();
void _dl_runtime_resolve_xsave();
void _dl_runtime_resolve_fxsave();
__attribute__((visibility("hidden"))) uint64_t _dl_tramp_frame = 64 + 512;
}

namespace mload {

// Pick the trampoline for this CPU: xsavec (compact, smallest) if present,
// else xsave, else fxsave (SSE state only: no AVX to lose). CPUID leaf 0xd
// sub-leaf 0 EBX is the XSAVE area size for the features the OS enabled.
uint64_t resolverEntry(const Loader &L) {
  activeLoader = &L;
  uint32_t r[4];
  cpuid(1, 0, r);
  bool xsave = (r[2] >> 26 & 1) && (r[2] >> 27 & 1); // XSAVE and OSXSAVE
  const char *force = L.opts.trampoline;
  if (!xsave || (force && streq(force, "fxsave"))) {
    _dl_tramp_frame = 64 + 512;
    return reinterpret_cast<uint64_t>(&_dl_runtime_resolve_fxsave);
  }
  cpuid(0xd, 0, r);
  _dl_tramp_frame = 64 + alignUp(r[1], 64);
  cpuid(0xd, 1, r);
  bool xsavec = (r[0] & 2) && !(force && streq(force, "xsave"));
  return reinterpret_cast<uint64_t>(xsavec ? &_dl_runtime_resolve : &_dl_runtime_resolve_xsave);
}

} // namespace mload
