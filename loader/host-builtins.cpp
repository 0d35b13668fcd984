// host-builtins.cpp (mload-hosted only; implements lookup.h's
// builtinAddress, and main()): the glibc functions that mload
// replaces for the objects it loaded, found before glibc's own in the
// lookup (lookup.cpp). __libc_start_main, because glibc must not start
// twice; __tls_get_addr (host-tls.cpp), because mload lays out their TLS;
// and the dl* interface, because only mload knows its modules: the
// unwinder (libgcc_s: _dl_find_object, dl_iterate_phdr) must find their
// .eh_frame, and dlopen must load a plugin the way mload loads the rest.
#include "main.h"
#include <dlfcn.h>
#include <link.h>
#include <stdlib.h>
#include "deps.h"
#include "diag.h"
#include "host.h"
#include "init.h"
#include "log.h"
#include "lookup.h"
#include "reloc.h"
#include "tls.h"

extern "C" int __cxa_atexit(void (*fn)(void *), void *arg, void *dso);

namespace mload {

extern "C" void *mloadHostedTlsGetAddr(void *arg); // host-tls.cpp

static Loader *loader; // set by setHostedLoader(), before any builtin can run
static uint64_t adds = 0;
static volatile int dlLock = 0;
static const char *dlError = nullptr;

void setHostedLoader(Loader &L) {
  loader = &L;
  for (Module *m = L.head; m; m = m->next)
    ++adds;
}

// --- __libc_start_main -----------------------------------------------------

using MainFn = int (*)(int, char **, char **);

static void programFini(void *) { runProgramFinalizers(*loader); }

// glibc's own, minus what its ld.so and start-up already did for the host
// process (TCB, stack guard, stdio, environ): the library finalisers
// (rtld_fini = mload's _dl_fini) and the program's run at exit, the
// program's initialisers run now, then main, then exit.
static int libcStartMain(MainFn main, int argc, char **argv, void (*init)(int, char **, char **),
                         void (*fini)(), void (*rtldFini)(), void *) {
  Loader &L = *loader;
  char **envp = argv + argc + 1; // as glibc's: the stack's, not a copy of environ
  if (rtldFini)
    __cxa_atexit(reinterpret_cast<void (*)(void *)>(rtldFini), nullptr, nullptr);
  __cxa_atexit(programFini, nullptr, nullptr);
  // Programs linked against glibc < 2.34 pass __libc_csu_init, which runs
  // the program's DT_INIT and DT_INIT_ARRAY itself.
  if (init)
    init(argc, argv, envp);
  else
    runProgramInitializers(L, argc, argv, envp);
  if (fini)
    __cxa_atexit(reinterpret_cast<void (*)(void *)>(fini), nullptr, nullptr);
  exit(main(argc, argv, envp));
}

// --- the unwinder's view: dl_iterate_phdr, _dl_find_object ----------------

static uint64_t threadPointer() {
  uint64_t tp;
  asm("mov %%fs:0, %0" : "=r"(tp));
  return tp;
}

using PhdrCallback = int (*)(dl_phdr_info *, size_t, void *);

// mload's modules first (the program is the first object, as with ld.so),
// then the host's (glibc, mload-hosted itself).
static int dlIteratePhdr(PhdrCallback cb, void *data) {
  for (Module *m = loader->head; m; m = m->next) {
    if (m->host)
      continue;
    dl_phdr_info info{};
    info.dlpi_addr = m->base;
    info.dlpi_name = m->isMain ? "" : m->path;
    info.dlpi_phdr = m->phdr;
    info.dlpi_phnum = m->phnum;
    info.dlpi_adds = adds;
    info.dlpi_subs = 0;
    info.dlpi_tls_modid = m->tlsModid;
    info.dlpi_tls_data =
        m->tlsModid ? reinterpret_cast<void *>(threadPointer() - m->tlsOffset) : nullptr;
    if (int r = cb(&info, sizeof(info), data))
      return r;
  }
  return dl_iterate_phdr(cb, data);
}

static const Module *moduleAt(uint64_t pc) {
  for (const Module *m = loader->head; m; m = m->next)
    if (!m->host && pc >= m->mapStart && pc < m->mapEnd)
      return m;
  return nullptr;
}

static int dlFindObject(void *pc, dl_find_object *out) {
  const Module *m = moduleAt(reinterpret_cast<uint64_t>(pc));
  if (!m)
    return _dl_find_object(pc, out);
  *out = dl_find_object{};
  out->dlfo_map_start = reinterpret_cast<void *>(m->mapStart);
  out->dlfo_map_end = reinterpret_cast<void *>(m->mapEnd);
  out->dlfo_link_map = reinterpret_cast<link_map *>(const_cast<LinkMap *>(&m->linkMap));
  for (uint16_t i = 0; i < m->phnum; ++i)
    if (m->phdr[i].p_type == PT_GNU_EH_FRAME)
      out->dlfo_eh_frame = reinterpret_cast<void *>(laddr(m, m->phdr[i].p_vaddr));
  return 0;
}

// The nearest dynamic symbol at or below the address.
static int dlAddr(const void *addr, Dl_info *info) {
  uint64_t a = reinterpret_cast<uint64_t>(addr);
  const Module *m = moduleAt(a);
  if (!m)
    return dladdr(addr, info);
  info->dli_fname = m->path;
  info->dli_fbase = reinterpret_cast<void *>(m->mapStart);
  info->dli_sname = nullptr;
  info->dli_saddr = nullptr;
  uint64_t best = 0;
  // (Only up to the hashed ones: past them, a GNU-hash-only module's
  // symCount bound can run beyond .dynsym.)
  for (uint64_t i = 1; i < m->hashedEnd; ++i) {
    const Elf64_Sym &s = m->symtab[i];
    if (s.st_shndx == SHN_UNDEF || ELF64_ST_TYPE(s.st_info) == STT_TLS)
      continue;
    uint64_t v = laddr(m, s.st_value);
    if (v <= a && v > best && (a < v + s.st_size || s.st_size == 0)) {
      best = v;
      info->dli_sname = symbolName(m, i);
      info->dli_saddr = reinterpret_cast<void *>(v);
    }
  }
  return 1;
}

// --- dlopen and friends ----------------------------------------------------

struct DlGuard {
  DlGuard() {
    while (__atomic_exchange_n(&dlLock, 1, __ATOMIC_ACQUIRE))
      asm volatile("pause");
  }
  ~DlGuard() { __atomic_store_n(&dlLock, 0, __ATOMIC_RELEASE); }
};

static void *dlOpen(const char *file, int mode) {
  Loader &L = *loader;
  if (!file)
    return L.head;
  DlGuard guard;
  Module *last = L.tail;
  const Module *caller = moduleAt(reinterpret_cast<uint64_t>(__builtin_return_address(0)));
  Module *m = loadForDlopen(L, file, const_cast<Module *>(caller ? caller : L.head));
  if (!m) {
    Text t;
    t.str(file).str(": cannot open shared object file: No such file or directory");
    dlError = copyString(t.data(), t.size());
    return nullptr;
  }
  if (!last->next)
    return m; // already loaded
  loadDependencies(L);
  if (checkVersionNeeds(L)) {
    dlError = "version needs not met";
    return nullptr;
  }
  layoutStaticTls(L);
  bool lazy = !L.opts.bindNow && !(mode & RTLD_NOW);
  for (Module *n = L.tail; n != last; n = n->prev)
    relocateModule(L, n, lazy);
  addThreadLocal(L, last->next);
  for (Module *n = last->next; n; n = n->next)
    ++adds;
  runNewInitializers(L);
  return m;
}

static const Module *handleModule(void *handle) {
  for (const Module *m = loader->head; m; m = m->next)
    if (m == handle)
      return m;
  return nullptr;
}

// dlsym(handle): the object and its dependencies, breadth-first.
static void *dlLookup(void *handle, const char *name, const char *version, void *caller) {
  Loader &L = *loader;
  Lookup q;
  q.name = name;
  q.version = version;
  q.noBuiltins = false;
  const Module *scope[256];
  if (handle == RTLD_NEXT) {
    const Module *c = moduleAt(reinterpret_cast<uint64_t>(caller));
    if (!c)
      return version ? dlvsym(RTLD_NEXT, name, version) : dlsym(RTLD_NEXT, name);
    q.from = c->next;
    if (!q.from)
      return nullptr;
  } else if (handle != RTLD_DEFAULT && handle != L.head) {
    const Module *h = handleModule(handle);
    if (!h)
      return version ? dlvsym(handle, name, version) : dlsym(handle, name);
    if (h->host)
      return version ? dlvsym(h->hostHandle, name, version) : dlsym(h->hostHandle, name);
    uint32_t n = 0;
    scope[n++] = h;
    for (uint32_t i = 0; i < n; ++i)
      for (uint32_t k = 0; k < scope[i]->depCount && n < 256; ++k) {
        bool seen = false;
        for (uint32_t j = 0; j < n; ++j)
          seen |= scope[j] == scope[i]->deps[k];
        if (!seen)
          scope[n++] = scope[i]->deps[k];
      }
    q.scope = scope;
    q.scopeCount = n;
  }
  Definition d = lookupName(L, q);
  if (!d.found) {
    Text t;
    t.str("undefined symbol: ").str(name);
    dlError = copyString(t.data(), t.size());
    return nullptr;
  }
  if (d.module && ELF64_ST_TYPE(d.sym->st_info) == STT_TLS) {
    TlsIndex ti{d.module->tlsModid, d.address};
    return mloadHostedTlsGetAddr(&ti);
  }
  return reinterpret_cast<void *>(d.address);
}

static void *dlSym(void *handle, const char *name) {
  return dlLookup(handle, name, nullptr, __builtin_return_address(0));
}
static void *dlVsym(void *handle, const char *name, const char *version) {
  return dlLookup(handle, name, version, __builtin_return_address(0));
}

// Modules stay mapped until exit (as with RTLD_NODELETE).
static int dlClose(void *handle) {
  const Module *m = handleModule(handle);
  return m || !handle ? 0 : dlclose(handle);
}

static char *dlErrorFn() {
  const char *e = dlError;
  dlError = nullptr;
  return e ? const_cast<char *>(e) : dlerror();
}

uint64_t builtinAddress(const char *name) {
  static const struct {
    const char *name;
    void *fn;
  } table[] = {
      {"__libc_start_main", reinterpret_cast<void *>(&libcStartMain)},
      {"__tls_get_addr", reinterpret_cast<void *>(&mloadHostedTlsGetAddr)},
      {"dl_iterate_phdr", reinterpret_cast<void *>(&dlIteratePhdr)},
      {"_dl_find_object", reinterpret_cast<void *>(&dlFindObject)},
      {"dladdr", reinterpret_cast<void *>(&dlAddr)},
      {"dlopen", reinterpret_cast<void *>(&dlOpen)},
      {"dlsym", reinterpret_cast<void *>(&dlSym)},
      {"dlvsym", reinterpret_cast<void *>(&dlVsym)},
      {"dlclose", reinterpret_cast<void *>(&dlClose)},
      {"dlerror", reinterpret_cast<void *>(&dlErrorFn)},
  };
  for (const auto &e : table)
    if (streq(name, e.name))
      return reinterpret_cast<uint64_t>(e.fn);
  return 0;
}

} // namespace mload

// mload-hosted: glibc has started this process as an ordinary program; the
// kernel's initial stack (argc, argv, envp, auxv) is still above main's
// frame, at argv - 1, and the loader runs on it exactly as freestanding.

int main(int, char **argv) { return mloadRun(reinterpret_cast<uint64_t *>(argv) - 1, true); }
