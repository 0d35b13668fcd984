// options.cpp: the command line and the environment variables mload reads
// (glibc's LD_* names, with MLOAD_* overrides), and --list.
#include "options.h"
#include "diag.h"
#include "linux-syscall.h"
#include "mld-version.h"

namespace mload {

static const char *usage =
    "usage: mload [options] PROG [ARGS...]\n"
    "  --list               print the libraries PROG would load, and where, then exit\n"
    "  --maps               print the address space at the hand-over to PROG (also MLOAD_MAPS=1)\n"
    "  --bind-now           bind every PLT slot at start-up (also LD_BIND_NOW, MLOAD_BIND_NOW)\n"
    "  --library-path DIRS  search DIRS before DT_RUNPATH (else MLOAD_LIBRARY_PATH, "
    "LD_LIBRARY_PATH)\n"
    "  --preload LIBS       load LIBS (space- or colon-separated) right after PROG (else "
    "MLOAD_PRELOAD, LD_PRELOAD)\n"
    "  --argv0 NAME         give PROG the argv[0] NAME\n"
    "  --log FILE           write the binding log to FILE (also MLOAD_LOG)\n"
    "  --log-format text|json  (also MLOAD_LOG_FORMAT)\n"
    "  --help               print this help and exit\n"
    "  --version            print the version and exit\n"
    "  MLOAD_DEBUG=libs,reloc,bindings,init,all selects what is logged (default with --log: all; "
    "help lists them)\n";

static const char *version = "mload " MLD_VERSION " (git " MLD_GIT_REVISION ")\n";

static const char *debugHelp =
    "Valid options for the MLOAD_DEBUG environment variable are:\n\n"
    "  libs      library search, mapping, TLS and RELRO\n"
    "  reloc     every relocation applied, lazy slots set up\n"
    "  bindings  symbol bindings, lazy ones at the first call\n"
    "  init      initialisers, finalisers and the hand-over to the program\n"
    "  all       all of the above\n"
    "  help      this text\n";

const char *getEnv(const Loader &L, const char *name) {
  size_t n = strlen(name);
  for (const char **e = L.envp; *e; ++e)
    if (startsWith(*e, name) && (*e)[n] == '=')
      return *e + n + 1;
  return nullptr;
}

// ld.so's LD_DEBUG=help prints the choices and exits; an unknown word is an
// error here (glibc warns), so a typo never silently logs nothing.
static unsigned parseDebugMask(const char *spec) {
  unsigned mask = 0;
  while (spec && *spec) {
    const char *end = spec;
    while (*end && *end != ',')
      ++end;
    char word[16] = {};
    size_t n = static_cast<size_t>(end - spec);
    if (n < sizeof(word))
      memcpy(word, spec, n);
    if (streq(word, "libs"))
      mask |= LogLibs;
    else if (streq(word, "reloc"))
      mask |= LogReloc;
    else if (streq(word, "bindings"))
      mask |= LogBindings;
    else if (streq(word, "init"))
      mask |= LogInit;
    else if (streq(word, "all"))
      mask |= LogAll;
    else if (streq(word, "help")) {
      sys::write(1, debugHelp, strlen(debugHelp));
      sys::exitGroup(0);
    } else if (n) {
      Text t;
      t.str("mload: error: MLOAD_DEBUG: unknown category '")
          .str(spec, n)
          .str("' (valid: libs, reloc, bindings, init, all, help)");
      fatal(t);
    }
    spec = *end ? end + 1 : end;
  }
  return mask;
}

// Join the non-empty colon lists (an empty list would mean ".").
static const char *joinPaths(const char *a, const char *b) {
  if (!a || !*a)
    return b && *b ? b : nullptr;
  if (!b || !*b)
    return a;
  Text t;
  t.str(a).chr(':').str(b);
  return copyString(t.data(), t.size());
}

static bool envFlag(const Loader &L, const char *name) {
  const char *v = getEnv(L, name);
  return v && *v && !streq(v, "0");
}

// Undo hostEnvironment() (handover.cpp): the entry points into its own
// string past the prefix, so the program and its children see LD_PRELOAD.
static void restoreEnvironment(Loader &L) {
  size_t n = strlen(HostedEnvPrefix);
  for (const char **e = L.envp; *e; ++e)
    if (startsWith(*e, HostedEnvPrefix))
      *e += n;
}

int parseOptions(Loader &L, char **argv, int argc, bool direct) {
  Options &o = L.opts;
  if (L.hosted)
    restoreEnvironment(L);
  const char *logPath = getEnv(L, "MLOAD_LOG"), *logFormat = getEnv(L, "MLOAD_LOG_FORMAT");
  const char *formatSource = "MLOAD_LOG_FORMAT";
  const char *libPath = nullptr, *preload = nullptr;
  bool handedOver = false;
  int i = 1;
  for (; direct && i < argc && argv[i][0] == '-'; ++i) {
    const char *a = argv[i];
    bool hasValue = i + 1 < argc;
    if (streq(a, "--")) {
      ++i;
      break;
    }
    if (streq(a, "--list"))
      o.list = true;
    else if (streq(a, "--maps"))
      o.maps = true;
    else if (streq(a, "--bind-now"))
      o.bindNow = true;
    else if (streq(a, "--log") && hasValue)
      logPath = argv[++i];
    else if (streq(a, "--log-format") && hasValue)
      logFormat = argv[++i], formatSource = "--log-format";
    else if (streq(a, "--library-path") && hasValue)
      libPath = argv[++i];
    else if (streq(a, "--preload") && hasValue)
      preload = argv[++i];
    else if (streq(a, "--argv0") && hasValue)
      o.argv0 = argv[++i];
    else if (streq(a, "--handed-over"))
      handedOver = true; // internal: from mload to mload-hosted
    else if (streq(a, "--help")) {
      sys::write(1, usage, strlen(usage));
      sys::exitGroup(0);
    } else if (streq(a, "--version")) {
      sys::write(1, version, strlen(version));
      sys::exitGroup(0);
    } else {
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
  if (envFlag(L, "MLOAD_MAPS"))
    o.maps = true;
  if (envFlag(L, "MLOAD_BIND_NOW") || envFlag(L, "LD_BIND_NOW"))
    o.bindNow = true;
  o.libraryPath =
      libPath ? libPath : joinPaths(getEnv(L, "MLOAD_LIBRARY_PATH"), getEnv(L, "LD_LIBRARY_PATH"));
  o.preload = preload                      ? preload
              : getEnv(L, "MLOAD_PRELOAD") ? getEnv(L, "MLOAD_PRELOAD")
                                           : getEnv(L, "LD_PRELOAD");
  o.logMask = parseDebugMask(getEnv(L, "MLOAD_DEBUG"));
  o.trampoline = getEnv(L, "MLOAD_TRAMPOLINE");
  const char *clobber = getEnv(L, "MLOAD_TEST_CLOBBER_VECTORS");
  o.clobberVectors = clobber && streq(clobber, "1");
  o.logJson = logFormat && streq(logFormat, "json");
  if (logFormat && !o.logJson && !streq(logFormat, "text")) {
    Text t;
    t.str("mload: error: ")
        .str(formatSource)
        .str(" must be text or json, not '")
        .str(logFormat)
        .str("'");
    fatal(t);
  }
  if (logPath) {
    if (!o.logMask)
      o.logMask = LogAll;
    int mode = handedOver ? sys::OAppend : sys::OTrunc;
    long fd = sys::open(logPath, sys::OWronly | sys::OCreat | mode | sys::OCloexec, 0644);
    if (fd < 0)
      fatal(logPath, "cannot open log file");
    L.logFd = static_cast<int>(fd);
  } else if (o.logMask) {
    L.logFd = 2;
  }
  return direct ? i : 0;
}

int listModules(const Loader &L) {
  for (const Module *m = L.head->next; m; m = m->next) {
    Text t;
    t.chr('\t').str(m->name).str(" => ").str(m->path).str(" (").hex(m->base).str(")\n");
    t.writeTo(1);
  }
  return 0;
}

} // namespace mload
