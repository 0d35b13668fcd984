// main.cpp: `mload [options] PROG [ARGS...]`, or mload as a program's
// PT_INTERP. run() below is the whole loading recipe, step by step; each
// step lives in its own file.
#include "debug.h"
#include <new>
#include "deps.h"
#include "diag.h"
#include "dynamic.h"
#include "init.h"
#include "log.h"
#include "map.h"
#include "reloc.h"
#include "start.h"
#include "linux-syscall.h"
#include "mld-version.h"
#include "tls.h"

namespace mload {

static const char *usage =
    "usage: mload [options] PROG [ARGS...]\n"
    "  --list               print the libraries PROG would load, and where, then exit\n"
    "  --bind-now           bind every PLT slot at start-up (also MLOAD_BIND_NOW=1)\n"
    "  --library-path DIRS  search DIRS before DT_RUNPATH (else MLOAD_LIBRARY_PATH, LD_LIBRARY_PATH)\n"
    "  --log FILE           write the binding log to FILE (also MLOAD_LOG)\n"
    "  --log-format text|json  (also MLOAD_LOG_FORMAT)\n"
    "  --help               print this help and exit\n"
    "  --version            print the version and exit\n"
    "  MLOAD_DEBUG=libs,reloc,bindings,init,all selects what is logged (default with --log: all)\n";

static const char *version = "mload " MLD_VERSION " (git " MLD_GIT_REVISION ")\n";

static const char *getEnv(const Loader &L, const char *name) {
  size_t n = strlen(name);
  for (const char **e = L.envp; *e; ++e)
    if (startsWith(*e, name) && (*e)[n] == '=') return *e + n + 1;
  return nullptr;
}

static unsigned parseDebugMask(const char *spec) {
  unsigned mask = 0;
  while (spec && *spec) {
    const char *end = spec;
    while (*end && *end != ',') ++end;
    char word[16] = {};
    size_t n = static_cast<size_t>(end - spec);
    if (n < sizeof(word)) memcpy(word, spec, n);
    if (streq(word, "libs")) mask |= LogLibs;
    else if (streq(word, "reloc")) mask |= LogReloc;
    else if (streq(word, "bindings")) mask |= LogBindings;
    else if (streq(word, "init")) mask |= LogInit;
    else if (streq(word, "all")) mask |= LogAll;
    spec = *end ? end + 1 : end;
  }
  return mask;
}

// Join the non-empty colon lists (an empty list would mean ".").
static const char *joinPaths(const char *a, const char *b) {
  if (!a || !*a) return b && *b ? b : nullptr;
  if (!b || !*b) return a;
  Text t;
  t.str(a).chr(':').str(b);
  return copyString(t.data(), t.size());
}

// Options come from the command line when mload is run directly, and only
// from the environment when it is a PT_INTERP.
static int parseOptions(Loader &L, char **argv, int argc, bool direct) {
  Options &o = L.opts;
  const char *logPath = getEnv(L, "MLOAD_LOG"), *logFormat = getEnv(L, "MLOAD_LOG_FORMAT");
  const char *libPath = nullptr;
  int i = 1;
  for (; direct && i < argc && argv[i][0] == '-'; ++i) {
    const char *a = argv[i];
    bool hasValue = i + 1 < argc;
    if (streq(a, "--")) { ++i; break; }
    if (streq(a, "--list")) o.list = true;
    else if (streq(a, "--bind-now")) o.bindNow = true;
    else if (streq(a, "--log") && hasValue) logPath = argv[++i];
    else if (streq(a, "--log-format") && hasValue) logFormat = argv[++i];
    else if (streq(a, "--library-path") && hasValue) libPath = argv[++i];
    else if (streq(a, "--help")) { sys::write(1, usage, strlen(usage)); sys::exitGroup(0); }
    else if (streq(a, "--version")) { sys::write(1, version, strlen(version)); sys::exitGroup(0); }
    else {
      Text t;
      t.str("mload: error: unknown option: ").str(a).str("\n").str(usage);
      t.writeTo(2);
      sys::exitGroup(ExitLoadFailure);
    }
  }
  if (direct && i >= argc) {
    sys::write(2, usage, strlen(usage));
    sys::exitGroup(ExitLoadFailure);
  }
  const char *bindNow = getEnv(L, "MLOAD_BIND_NOW");
  if (bindNow && *bindNow && !streq(bindNow, "0")) o.bindNow = true;
  o.libraryPath = libPath ? libPath : joinPaths(getEnv(L, "MLOAD_LIBRARY_PATH"), getEnv(L, "LD_LIBRARY_PATH"));
  o.logMask = parseDebugMask(getEnv(L, "MLOAD_DEBUG"));
  o.trampoline = getEnv(L, "MLOAD_TRAMPOLINE");
  const char *clobber = getEnv(L, "MLOAD_TEST_CLOBBER_VECTORS");
  o.clobberVectors = clobber && streq(clobber, "1");
  o.logJson = logFormat && streq(logFormat, "json");
  if (logFormat && !o.logJson && !streq(logFormat, "text"))
    fatal("mload", "--log-format must be text or json");
  if (logPath) {
    if (!o.logMask) o.logMask = LogAll;
    long fd = sys::open(logPath, sys::OWronly | sys::OCreat | sys::OTrunc | sys::OCloexec, 0644);
    if (fd < 0) fatal(logPath, "cannot open log file");
    L.logFd = static_cast<int>(fd);
  } else if (o.logMask) {
    L.logFd = 2;
  }
  return direct ? i : 0;
}

// `mload --list`: what ldd prints, one line per library in load order.
static int listModules(const Loader &L) {
  for (const Module *m = L.head->next; m; m = m->next) {
    Text t;
    t.chr('\t').str(m->name).str(" => ").str(m->path).str(" (").hex(m->base).str(")\n");
    t.writeTo(1);
  }
  return 0;
}

static int run(uint64_t *sp) {
  Loader &L = *new (allocate(sizeof(Loader))) Loader();
  L.argc = static_cast<int>(sp[0]);
  char **argv = reinterpret_cast<char **>(sp + 1);
  L.envp = const_cast<const char **>(argv + L.argc + 1);
  const char **e = L.envp;
  while (*e) ++e;
  L.auxv = reinterpret_cast<uint64_t *>(e + 1);
  L.pid = sys::getpid();
  if (uint64_t page = auxValue(L, AT_PAGESZ)) L.pageSize = page;

  // Run directly, the kernel started mload itself: AT_ENTRY is our _start.
  bool direct = auxValue(L, AT_ENTRY) == loaderEntry();
  int progIndex = parseOptions(L, argv, L.argc, direct);

  // 1-2. Map the program (or adopt the kernel's mapping) and decode .dynamic.
  Module *prog;
  if (direct) {
    prog = loadByPath(L, argv[progIndex]);
  } else {
    // AT_EXECFN is the path execve was given; $ORIGIN is relative to it.
    const char *path = reinterpret_cast<const char *>(auxValue(L, AT_EXECFN));
    if (!path) path = argv[0] ? argv[0] : "main program";
    prog = adoptImage(L, path,
                      reinterpret_cast<const Elf64_Phdr *>(auxValue(L, AT_PHDR)),
                      static_cast<uint16_t>(auxValue(L, AT_PHNUM)), auxValue(L, AT_ENTRY));
    decodeDynamic(prog);
  }
  prog->isMain = true;
  appendModule(L, prog);

  // 3-4. DT_NEEDED breadth-first; the resulting list is the global scope.
  loadDependencies(L);
  if (L.opts.list) return listModules(L);
  if (checkVersionNeeds(L)) return ExitLoadFailure;

  // TLS offsets must be known before TPOFF64 relocations are applied.
  layoutStaticTls(L);
  publishDebugInfo(L, direct);

  // 5-6. Libraries in reverse load order, so a library's own dependencies
  // are ready when its IFUNC resolvers run; the program last, because its
  // COPY relocations read the initial values from relocated libraries.
  bool lazy = !L.opts.bindNow;
  for (Module *m = L.tail; m; m = m->prev) relocateModule(L, m, lazy);
  if (L.errorCount) return ExitLoadFailure;

  // The block holds copies of .tdata, taken after relocating it.
  installThreadPointer(L);
  // 7. RELRO after every relocation write.
  applyRelro(L);
  for (Module *m = L.head; m; m = m->next)
    if (m->execStack)
      sys::mprotect(alignDown(reinterpret_cast<uint64_t>(sp), L.pageSize), L.pageSize,
                    sys::ProtRead | sys::ProtWrite | sys::ProtExec | sys::ProtGrowsdown);

  // 8. Initialisers, dependencies first.
  if (direct) {
    L.argc -= progIndex;
    sp = rebuildStack(L, sp, progIndex, prog);
  } else {
    L.argv = argv;
  }
  runInitializers(L);

  // 9. Enter the program.
  if (!isCode(prog, prog->entry)) fatal(prog->path, "entry point lies outside the executable segments");
  logStart(L, prog, prog->entry);
  transferControl(sp, prog->entry);
}

} // namespace mload

extern "C" int mloadRun(uint64_t *sp) { return mload::run(sp); }
