// handover.cpp (freestanding mload only; implements host.h): a program that needs the system's
// glibc is run by mload-hosted instead. glibc's libc.so.6 cannot be started
// by a foreign ld.so (it reads ld.so's private _rtld_global, runs
// __libc_early_init, expects ld.so's TCB), so the freestanding mload
// re-executes itself as mload-hosted, an ordinary glibc program, which
// loads everything but glibc itself. Nothing mapped so far is kept: the
// new process image starts over.
#include "host.h"
#include "diag.h"
#include "log.h"
#include "options.h"
#include "linux-syscall.h"

namespace mload {

// mload-hosted lives next to mload (build tree and install alike); as
// PT_INTERP, mload's own path is the program's PT_INTERP string.
static const char *hostedPath(const Loader &L) {
  if (const char *p = getEnv(L, "MLOAD_HOSTED"))
    return p;
  const char *self = nullptr;
  if (L.direct) {
    static char buf[4096];
    long n = sys::readlink("/proc/self/exe", buf, sizeof(buf) - 1);
    if (n > 0)
      self = buf, buf[n] = 0;
  } else {
    const Module *prog = L.head;
    for (uint16_t i = 0; i < prog->phnum; ++i)
      if (prog->phdr[i].p_type == PT_INTERP)
        self = reinterpret_cast<const char *>(laddr(prog, prog->phdr[i].p_vaddr));
  }
  if (!self)
    fatal("mload", "cannot find mload-hosted (set MLOAD_HOSTED)");
  const char *base = baseName(self);
  Text t;
  t.str(self, static_cast<size_t>(base - self)).str("mload-hosted");
  return copyString(t.data(), t.size());
}

// LD_PRELOAD is mload's to honour, not the system ld.so's (which would
// load a second copy into mload-hosted): it travels renamed, and
// mload-hosted gives the program back the original entry (options.cpp).
static const char *const *hostEnvironment(const Loader &L) {
  uint32_t n = 0;
  while (L.envp[n])
    ++n;
  auto **env = static_cast<const char **>(allocate(sizeof(char *) * (n + 1)));
  for (uint32_t i = 0; i <= n; ++i) {
    env[i] = L.envp[i];
    if (env[i] && startsWith(env[i], "LD_PRELOAD=")) {
      Text t;
      t.str(HostedEnvPrefix).str(env[i]);
      env[i] = copyString(t.data(), t.size());
    }
  }
  return env;
}

[[noreturn]] static void handOver(Loader &L, const char *why) {
  const char *hosted = hostedPath(L);
  int extra = L.direct ? 1 : 5;
  auto **argv = static_cast<char **>(allocate(sizeof(char *) * (L.argc + extra + 2)));
  int n = 0;
  argv[n++] = const_cast<char *>(hosted);
  // The log file mload opened goes on (appended, not truncated again).
  argv[n++] = const_cast<char *>("--handed-over");
  if (L.direct) {
    // Same options, same program: mload-hosted parses them again.
    for (int i = 1; i < L.argc; ++i)
      argv[n++] = L.origArgv[i];
  } else {
    // As PT_INTERP: the kernel mapped the program; mload-hosted opens it by
    // the path execve was given, and gives it back its own argv[0].
    argv[n++] = const_cast<char *>("--argv0");
    argv[n++] = L.origArgv[0] ? L.origArgv[0] : const_cast<char *>(L.head->path);
    argv[n++] = const_cast<char *>("--");
    argv[n++] = const_cast<char *>(L.head->path);
    for (int i = 1; i < L.argc; ++i)
      argv[n++] = L.origArgv[i];
  }
  argv[n] = nullptr;
  logHandover(L, why, hosted);
  long r = sys::execve(hosted, argv, hostEnvironment(L));
  fatal(errorText(hosted)
            .str("cannot run mload-hosted, which runs programs that need ")
            .str(why)
            .str(" (errno ")
            .sdec(-r)
            .str(")"));
}

Module *loadHostLibrary(Loader &L, const char *name) { handOver(L, name); }

// Nothing is ever a host module here.
void interposeIntoHost(Loader &) {}
void prepareProgramStart(Loader &) {}
void setHostedLoader(Loader &) {}

} // namespace mload
