// host.cpp (mload-hosted only): glibc's objects as host modules, and
// interposition into them. The system's ld.so loaded, relocated and
// initialised glibc before mload-hosted's main() ran; mload only reads the
// objects' tables for symbol lookup, exactly as for its own modules, and
// rewrites the few GOT entries through which glibc must reach a definition
// of the program's (malloc, the program's copies of stdout and environ).
#include "host.h"
#include <dlfcn.h>
#include <link.h>
#include "debug.h"
#include "deps.h"
#include "diag.h"
#include "dynamic.h"
#include "log.h"
#include "lookup.h"
#include "map.h"
#include "linux-syscall.h"

namespace mload {

struct PhdrQuery {
  uint64_t base;
  const Elf64_Phdr *phdr = nullptr;
  uint16_t phnum = 0;
};

static uint64_t threadPointer() {
  uint64_t tp;
  asm("mov %%fs:0, %0" : "=r"(tp));
  return tp;
}

Module *loadHostLibrary(Loader &L, const char *name) {
  void *handle = dlopen(name, RTLD_NOW | RTLD_GLOBAL);
  if (!handle) {
    Text t;
    t.str("mload: error while loading shared libraries: ").str(dlerror());
    fatal(t);
  }
  struct link_map *lm = nullptr;
  if (dlinfo(handle, RTLD_DI_LINKMAP, &lm) != 0 || !lm)
    fatal(name, "the system's ld.so gives no link map for it");
  for (Module *m = L.head; m; m = m->next)
    if (m->host && m->base == lm->l_addr)
      return m;
  PhdrQuery q{lm->l_addr};
  dl_iterate_phdr(
      [](dl_phdr_info *info, size_t, void *data) {
        auto *q = static_cast<PhdrQuery *>(data);
        if (info->dlpi_addr != q->base)
          return 0;
        q->phdr = info->dlpi_phdr;
        q->phnum = info->dlpi_phnum;
        return 1;
      },
      &q);
  if (!q.phdr)
    fatal(name, "the system's ld.so gives no program headers for it");
  const char *path = lm->l_name && *lm->l_name ? copyString(lm->l_name) : copyString(name);
  Module *m = newModule(L, path, copyString(name));
  m->host = true;
  m->relocated = true;
  m->hostHandle = handle;
  m->base = lm->l_addr;
  m->phdr = q.phdr;
  m->phnum = q.phnum;
  uint64_t lo = ~0ull, hi = 0;
  for (uint16_t i = 0; i < m->phnum; ++i)
    if (m->phdr[i].p_type == PT_LOAD) {
      lo = m->phdr[i].p_vaddr < lo ? m->phdr[i].p_vaddr : lo;
      hi = m->phdr[i].p_vaddr + m->phdr[i].p_memsz > hi ? m->phdr[i].p_vaddr + m->phdr[i].p_memsz
                                                        : hi;
    }
  m->mapStart = m->base + alignDown(lo, L.pageSize);
  m->mapEnd = m->base + alignUp(hi, L.pageSize);
  readSpecialHeaders(m);
  decodeDynamic(m);
  if (m->tlsMemsz) {
    // glibc's own TLS (errno lives in libc's block): its module id and
    // where this thread's block is, for a reference from one of ours.
    size_t modid = 0;
    void *block = nullptr;
    if (dlinfo(handle, RTLD_DI_TLS_MODID, &modid) == 0)
      m->tlsModid = modid;
    if (dlinfo(handle, RTLD_DI_TLS_DATA, &block) == 0 && block)
      m->tlsOffset = threadPointer() - reinterpret_cast<uint64_t>(block);
  }
  appendModule(L, m);
  logHostModule(L, m);
  return m;
}

// A COPY relocation of one of ours: the program's copy at `to` replaces
// the host's object at `from` (which may be known under several names:
// environ and __environ are one object).
struct Copy {
  uint64_t from, to, size;
};

static uint32_t collectCopies(Loader &L, Copy *out, uint32_t max) {
  uint32_t n = 0;
  for (Module *m = L.head; m; m = m->next) {
    if (m->host || !m->has(DT_RELA))
      continue;
    auto *rela = reinterpret_cast<const Elf64_Rela *>(laddr(m, m->dyn[DT_RELA]));
    for (uint64_t i = 0; i < m->dyn[DT_RELASZ] / sizeof(Elf64_Rela); ++i) {
      uint32_t sym = ELF64_R_SYM(rela[i].r_info);
      if (ELF64_R_TYPE(rela[i].r_info) != R_X86_64_COPY || !sym || sym >= m->symCount || n == max)
        continue;
      Definition d = resolveSymbol(L, m, sym, RefKind::Copy);
      if (d.module && d.module->host)
        out[n++] = {d.address, laddr(m, rela[i].r_offset), m->symtab[sym].st_size};
    }
  }
  return n;
}

// Write one GOT word of a host object; RELRO is lifted around the store.
static void patchHostWord(Loader &L, const Module *h, uint64_t *slot, uint64_t value) {
  uint64_t a = reinterpret_cast<uint64_t>(slot);
  uint64_t page = alignDown(a, L.pageSize);
  bool relro = a >= h->relroStart && a < h->relroEnd;
  if (relro)
    sys::mprotect(page, L.pageSize, sys::ProtRead | sys::ProtWrite);
  __atomic_store_n(slot, value, __ATOMIC_RELEASE);
  if (relro)
    sys::mprotect(page, L.pageSize, sys::ProtRead);
}

static void interposeTable(Loader &L, Module *h, unsigned tableTag, unsigned sizeTag,
                           const Copy *copies, uint32_t copyCount) {
  if (!h->has(tableTag))
    return;
  auto *rela = reinterpret_cast<const Elf64_Rela *>(laddr(h, h->dyn[tableTag]));
  for (uint64_t i = 0; i < h->dyn[sizeTag] / sizeof(Elf64_Rela); ++i) {
    uint32_t type = ELF64_R_TYPE(rela[i].r_info), sym = ELF64_R_SYM(rela[i].r_info);
    if (type != R_X86_64_GLOB_DAT && type != R_X86_64_JUMP_SLOT && type != R_X86_64_64)
      continue;
    if (!sym || sym >= h->symCount || ELF64_ST_BIND(h->symtab[sym].st_info) == STB_LOCAL)
      continue;
    auto *slot = reinterpret_cast<uint64_t *>(laddr(h, rela[i].r_offset));
    if (!segmentEnd(h, reinterpret_cast<uint64_t>(slot), PF_W))
      continue;
    uint64_t addend = type == R_X86_64_JUMP_SLOT ? 0 : static_cast<uint64_t>(rela[i].r_addend);
    Definition d = resolveSymbol(
        L, h, sym, type == R_X86_64_JUMP_SLOT ? RefKind::JumpSlot : RefKind::Data, true);
    uint64_t value = 0;
    const Module *to = d.module;
    if (d.found && d.module && ELF64_ST_TYPE(d.sym->st_info) != STT_TLS) {
      value = d.address + addend;
    } else {
      for (uint32_t c = 0; c < copyCount && !value; ++c)
        if (*slot == copies[c].from + addend)
          value = copies[c].to + addend;
      to = L.head;
    }
    if (!value || value == *slot)
      continue;
    uint64_t old = *slot;
    patchHostWord(L, h, slot, value);
    logInterpose(L, h, symbolName(h, sym), to, reinterpret_cast<uint64_t>(slot), old, value);
  }
}

void interposeIntoHost(Loader &L) {
  Copy copies[256];
  uint32_t copyCount = collectCopies(L, copies, 256);
  for (Module *h = L.head; h; h = h->next) {
    if (!h->host)
      continue;
    interposeTable(L, h, DT_RELA, DT_RELASZ, copies, copyCount);
    interposeTable(L, h, DT_JMPREL, DT_PLTRELSZ, copies, copyCount);
  }
}

// Store `value` in the variable `name` wherever glibc will read it: its own
// definition and, when the program has a copy, the copy.
static void setHostVariable(Loader &L, const char *name, uint64_t value) {
  Lookup q;
  q.name = name;
  q.noBuiltins = true;
  Definition d = lookupName(L, q);
  if (d.found && d.module)
    *reinterpret_cast<uint64_t *>(d.address) = value;
  for (Module *m = L.head; m; m = m->next) {
    if (!m->host)
      continue;
    q.scope = &m;
    q.scopeCount = 1;
    Definition h = lookupName(L, q);
    if (h.found && h.module)
      *reinterpret_cast<uint64_t *>(h.address) = value;
  }
}

// gdb follows the system's ld.so in this process; mload's own modules are
// not on its list (docs: remaining limits).
void publishDebugInfo(Loader &, bool) {}

void prepareProgramStart(Loader &L) {
  setHostedLoader(L);
  // glibc set these for mload-hosted; the program's own name replaces it
  // (error(), err() and getopt's messages print it).
  char *name = L.argv[0] ? L.argv[0] : const_cast<char *>("");
  uint64_t full = reinterpret_cast<uint64_t>(name),
           shortName = reinterpret_cast<uint64_t>(baseName(name));
  setHostVariable(L, "program_invocation_name", full);
  setHostVariable(L, "__progname_full", full);
  setHostVariable(L, "program_invocation_short_name", shortName);
  setHostVariable(L, "__progname", shortName);
  // ld.so's argv (its error messages name the program); it is RELRO, and
  // /proc/self/mem writes through page protections.
  if (void *dlArgv = dlvsym(RTLD_DEFAULT, "_dl_argv", "GLIBC_PRIVATE")) {
    long fd = sys::open("/proc/self/mem", sys::OWronly | sys::OCloexec);
    if (fd >= 0) {
      sys::pwrite(static_cast<int>(fd), &L.argv, sizeof(L.argv),
                  reinterpret_cast<uint64_t>(dlArgv));
      sys::close(static_cast<int>(fd));
    }
  }
}

} // namespace mload
