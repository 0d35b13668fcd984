// main.cpp: `mload [options] PROG [ARGS...]`, or mload as a program's
// PT_INTERP. run() below is the whole loading recipe, step by step; each
// step lives in its own file.
#include "main.h"
#include "address-space.h"
#include "debug.h"
#include <new>
#include "deps.h"
#include "diag.h"
#include "dynamic.h"
#include "init.h"
#include "log.h"
#include "host.h"
#include "map.h"
#include "options.h"
#include "reloc.h"
#include "start.h"
#include "linux-syscall.h"
#include "tls.h"

namespace mload {

// A program without PT_INTERP (static, or static-pie) relocates itself and
// sets up its own TLS, as when the kernel starts it: mload maps it and
// enters it, nothing more (relocating it or applying RELRO would get in the
// way of its own start-up code).
static bool isStaticProgram(const Module *prog) {
  for (uint16_t i = 0; i < prog->phnum; ++i)
    if (prog->phdr[i].p_type == PT_INTERP)
      return false;
  return true;
}

// A shared library run as a program: say so, rather than jump to nowhere.
static void checkRunnable(const Module *prog) {
  bool code = prog->entry != prog->base && isCode(prog, prog->entry);
  if (!code) {
    if (prog->elfType == ET_DYN && isStaticProgram(prog))
      fatal(prog->path, "is a shared library, not a program (it has no entry point)");
    fatal(prog->path, "entry point lies outside the executable segments");
  }
}

static int run(uint64_t *sp, bool hosted) {
  Loader &L = *new (allocate(sizeof(Loader))) Loader();
  L.hosted = hosted;
  // Above any module id the host's ld.so will hand out.
  L.tlsModidBase = hosted ? 0x100000 : 0;
  L.argc = static_cast<int>(sp[0]);
  char **argv = reinterpret_cast<char **>(sp + 1);
  L.origArgv = argv;
  L.envp = const_cast<const char **>(argv + L.argc + 1);
  const char **e = L.envp;
  while (*e)
    ++e;
  L.auxv = reinterpret_cast<uint64_t *>(e + 1);
  L.pid = sys::getpid();
  if (uint64_t page = auxValue(L, AT_PAGESZ))
    L.pageSize = page;

  // 1. Options. Run directly, the kernel started mload itself: AT_ENTRY is our _start.
  // mload-hosted is always started as a command.
  bool direct = hosted || auxValue(L, AT_ENTRY) == loaderEntry();
  L.direct = direct;
  int progIndex = parseOptions(L, argv, L.argc, direct);
  L.progIndex = progIndex;

  // 2. Map the program (or adopt the kernel's mapping) and decode .dynamic.
  Module *prog;
  if (direct) {
    prog = loadByPath(L, argv[progIndex]);
  } else {
    // AT_EXECFN is the path execve was given; $ORIGIN is relative to it.
    const char *path = reinterpret_cast<const char *>(auxValue(L, AT_EXECFN));
    if (!path)
      path = argv[0] ? argv[0] : "main program";
    prog = adoptImage(L, path, reinterpret_cast<const Elf64_Phdr *>(auxValue(L, AT_PHDR)),
                      static_cast<uint16_t>(auxValue(L, AT_PHNUM)), auxValue(L, AT_ENTRY));
    decodeDynamic(prog);
  }
  prog->isMain = true;
  appendModule(L, prog);
  checkRunnable(prog);
  if (isStaticProgram(prog)) {
    if (L.opts.list) {
      sys::write(1, "\tnot a dynamic executable\n", 26); // ldd's words and status
      return 1;
    }
    L.argc -= progIndex;
    sp = rebuildStack(L, sp, progIndex, prog, false);
    if (L.opts.argv0)
      L.argv[0] = const_cast<char *>(L.opts.argv0);
    printAddressSpace(L, prog, sp, !hosted);
    logStart(L, prog, prog->entry);
    transferControl(sp, prog->entry, nullptr);
  }

  // 3. Preloads, then DT_NEEDED breadth-first; the resulting list is the
  // global scope.
  loadPreloads(L);
  loadDependencies(L);
  if (L.opts.list)
    return listModules(L);
  if (checkVersionNeeds(L))
    return ExitLoadFailure;

  // 4. Versions, then the TLS offsets, which must be known before TPOFF64
  // relocations are applied.
  layoutStaticTls(L);
  publishDebugInfo(L, direct);

  // 5-6. Relocate (and set up lazy binding): libraries in reverse load order, so a library's own
  // dependencies are ready when its IFUNC resolvers run; the program last, because its COPY
  // relocations read the initial values from relocated libraries.
  bool lazy = !L.opts.bindNow;
  for (Module *m = L.tail; m; m = m->prev)
    relocateModule(L, m, lazy);
  if (L.errorCount)
    return ExitLoadFailure;
  interposeIntoHost(L);

  // 7. The thread pointer (its block holds copies of .tdata, taken after
  // relocating it), then RELRO after every relocation write, then the stack.
  installThreadPointer(L);
  applyRelro(L);
  for (Module *m = L.head; m; m = m->next)
    if (m->execStack)
      sys::mprotect(alignDown(reinterpret_cast<uint64_t>(sp), L.pageSize), L.pageSize,
                    sys::ProtRead | sys::ProtWrite | sys::ProtExec | sys::ProtGrowsdown);

  // 8. Initialisers, dependencies first.
  if (direct) {
    L.argc -= progIndex;
    sp = rebuildStack(L, sp, progIndex, prog, true);
  } else {
    L.argv = argv;
  }
  if (L.opts.argv0)
    L.argv[0] = const_cast<char *>(L.opts.argv0);
  prepareProgramStart(L);
  runInitializers(L);

  // 9. Enter the program.
  printAddressSpace(L, prog, sp, !hosted);
  logStart(L, prog, prog->entry);
  transferControl(sp, prog->entry, &_dl_fini);
}

} // namespace mload

extern "C" int mloadRun(uint64_t *sp, bool hosted) { return mload::run(sp, hosted); }
