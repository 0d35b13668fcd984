// init.cpp: RELRO, initialisers and finalisers. The init order is glibc's:
// a depth-first post-order over DT_NEEDED, started from each module in
// reverse load order. So in a chain a -> b -> c, c's constructors run
// first; in a diamond prog -> {left, right} -> base, base runs once, before
// both users, and right before left (as glibc's ld.so does).
#include "init.h"
#include "diag.h"
#include "log.h"
#include "linux-syscall.h"

namespace mload {

// _dl_fini is called by the program's exit path with no argument, so the
// loader state it needs is kept here: the one mutable global besides the
// lazy-binding entry point.
static Loader *finiLoader;

void applyRelro(Loader &L) {
  for (Module *m = L.head; m; m = m->next) {
    if (m->relroStart == m->relroEnd || m->host)
      continue;
    // glibc rounds the end down: a page shared with .got.plt/.data stays RW.
    uint64_t start = alignDown(m->relroStart, L.pageSize), end = alignDown(m->relroEnd, L.pageSize);
    if (start < end && sys::mprotect(start, end - start, sys::ProtRead) == 0)
      logRelro(L, m);
  }
}

static void visit(Loader &L, Module *m) {
  if (m->initVisited)
    return;
  m->initVisited = true;
  for (uint32_t i = 0; i < m->depCount; ++i)
    visit(L, m->deps[i]);
  if (L.initCount == L.initCapacity) {
    // Grows for dlopen; the old array is simply dropped (bump allocator).
    uint32_t cap = L.initCapacity ? 2 * L.initCapacity : 64;
    auto **order = static_cast<Module **>(allocate(sizeof(Module *) * cap));
    for (uint32_t i = 0; i < L.initCount; ++i)
      order[i] = L.initOrder[i];
    L.initOrder = order;
    L.initCapacity = cap;
  }
  L.initOrder[L.initCount++] = m;
}

// Initialisers and finalisers must be code of their own module.
static void checkCode(const Module *m, uint64_t fn, const char *kind) {
  if (!isCode(m, fn))
    fatal(errorText(m->path).str(kind).str(" entry ").hex(fn).str(" is not code of this object"));
}

using InitFn = void (*)(int, char **, char **);
using FiniFn = void (*)();

static void runArray(Loader &L, Module *m, unsigned arrayTag, unsigned sizeTag, const char *kind) {
  if (!m->has(arrayTag))
    return;
  auto *fns = reinterpret_cast<const uint64_t *>(laddr(m, m->dyn[arrayTag]));
  uint64_t n = m->dyn[sizeTag] / 8;
  for (uint64_t i = 0; i < n; ++i) {
    if (fns[i] == 0 || fns[i] == ~0ull)
      continue;
    checkCode(m, fns[i], kind);
    logInit(L, m, kind, i, fns[i]);
    reinterpret_cast<InitFn>(fns[i])(L.argc, L.argv, const_cast<char **>(L.envp));
  }
}

static void runModuleInit(Loader &L, Module *m) {
  if (m->has(DT_INIT)) {
    checkCode(m, laddr(m, m->dyn[DT_INIT]), "DT_INIT");
    logInit(L, m, "DT_INIT", 0, laddr(m, m->dyn[DT_INIT]));
    reinterpret_cast<InitFn>(laddr(m, m->dyn[DT_INIT]))(L.argc, L.argv,
                                                        const_cast<char **>(L.envp));
  }
  runArray(L, m, DT_INIT_ARRAY, DT_INIT_ARRAYSZ, "DT_INIT_ARRAY");
}

// Visit every module not yet in the init order (from the list's end, so
// the first round follows glibc's order) and run the ones added.
static void initNew(Loader &L) {
  uint32_t first = L.initCount;
  for (Module *m = L.tail; m; m = m->prev)
    visit(L, m);
  for (uint32_t i = first; i < L.initCount; ++i) {
    Module *m = L.initOrder[i];
    if (m->isMain || m->host)
      continue; // the host's ld.so ran glibc's own
    runModuleInit(L, m);
  }
}

void runInitializers(Loader &L) {
  finiLoader = &L;
  runArray(L, L.head, DT_PREINIT_ARRAY, DT_PREINIT_ARRAYSZ, "DT_PREINIT_ARRAY");
  initNew(L);
}

void runNewInitializers(Loader &L) { initNew(L); }

void runProgramInitializers(Loader &L, int argc, char **argv, char **envp) {
  L.argc = argc;
  L.argv = argv;
  L.envp = const_cast<const char **>(envp);
  runModuleInit(L, L.head);
}

static void runFiniOf(Loader &L, Module *m) {
  if (m->has(DT_FINI_ARRAY)) {
    auto *fns = reinterpret_cast<const uint64_t *>(laddr(m, m->dyn[DT_FINI_ARRAY]));
    for (uint64_t j = m->dyn[DT_FINI_ARRAYSZ] / 8; j-- > 0;) {
      if (fns[j] == 0 || fns[j] == ~0ull)
        continue;
      checkCode(m, fns[j], "DT_FINI_ARRAY");
      logInit(L, m, "DT_FINI_ARRAY", j, fns[j]);
      reinterpret_cast<FiniFn>(fns[j])();
    }
  }
  if (m->has(DT_FINI)) {
    checkCode(m, laddr(m, m->dyn[DT_FINI]), "DT_FINI");
    logInit(L, m, "DT_FINI", 0, laddr(m, m->dyn[DT_FINI]));
    reinterpret_cast<FiniFn>(laddr(m, m->dyn[DT_FINI]))();
  }
}

void runProgramFinalizers(Loader &L) { runFiniOf(L, L.head); }

extern "C" void _dl_fini() {
  Loader *L = finiLoader;
  if (!L)
    return;
  finiLoader = nullptr; // run once, even if exit is re-entered
  for (uint32_t i = L->initCount; i-- > 0;) {
    Module *m = L->initOrder[i];
    if (m->isMain || m->host)
      continue; // the libc start code runs the program's own
    runFiniOf(*L, m);
  }
}

} // namespace mload
