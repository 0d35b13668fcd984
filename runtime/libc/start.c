/* start.c: __mldc_start_main, the C half of program start (crt1.S is the
 * other half). Static build (libmldc.a): self-relocates a static PIE, sets
 * up TLS, runs preinit and init arrays. Shared build (libmldc.so,
 * MLDC_SHARED): the dynamic loader already did TLS and preinit; we run only
 * the executable's init array, as glibc >= 2.34 does. Both builds run the
 * executable's fini array at exit, and call the loader's fini (%rdx). */
#include "mldc.h"

static const struct mldc_init_arrays *programArrays;

/* Run the executable's destructors, last constructed first destroyed. */
static void runFiniArray(void) {
  for (void (**f)(void) = programArrays->finiEnd;
       f > programArrays->finiStart;)
    (*--f)();
}

#ifdef MLDC_SHARED
/* glibc's ld.so as interpreter: its _dl_fini cannot run in a process
   without glibc's libc (it fails "dl-fini.c: Assertion `ns != LM_ID_BASE
   || i == nloaded'" on glibc 2.36) and it would run the executable's fini
   array a second time. We recognise it by the SONAME of the interpreter
   the kernel mapped (AT_BASE). mload and other loaders are unaffected. */
static int isGlibcInterpreter(unsigned long *auxv) {
  enum { AT_BASE = 7, PT_DYNAMIC = 2, DT_STRTAB = 5, DT_SONAME = 14 };
  uint64_t base = 0;
  for (unsigned long *a = auxv; a[0] != AT_NULL; a += 2)
    if (a[0] == AT_BASE) base = a[1];
  if (base == 0 || memcmp((const void *)base, "\177ELF", 4) != 0) return 0;
  uint64_t phoff;
  uint16_t phnum;
  memcpy(&phoff, (char *)base + 32, sizeof phoff);
  memcpy(&phnum, (char *)base + 56, sizeof phnum);
  const uint32_t *ph = (const uint32_t *)(base + phoff);
  const int64_t *dyn = 0;
  for (uint16_t i = 0; i < phnum; ++i, ph += 14) /* 56-byte Elf64_Phdr */
    if (ph[0] == PT_DYNAMIC) dyn = (const int64_t *)(base + *(const uint64_t *)(ph + 4));
  if (dyn == 0) return 0;
  uint64_t strtab = 0, soname = (uint64_t)-1;
  for (; dyn[0] != 0; dyn += 2) {
    if (dyn[0] == DT_STRTAB) strtab = (uint64_t)dyn[1];
    if (dyn[0] == DT_SONAME) soname = (uint64_t)dyn[1];
  }
  if (strtab == 0 || soname == (uint64_t)-1) return 0;
  if (strtab < base) strtab += base; /* ld.so may or may not have rebased it */
  const char *name = (const char *)(strtab + soname);
  return strncmp(name, "ld-linux-x86-64.so.", 19) == 0;
}
#endif

static void runInitRange(MldcInitFn *begin, MldcInitFn *end, int argc,
                         char **argv, char **envp) {
  for (MldcInitFn *f = begin; f < end; ++f) (*f)(argc, argv, envp);
}

MLDC_NORETURN void __mldc_start_main(int (*main)(int, char **, char **),
                                     int argc, char **argv, char **envp,
                                     const struct mldc_init_arrays *arrays,
                                     void (*rtldFini)(void)) {
  char **p = envp;
  while (*p != NULL) ++p;
  unsigned long *auxv = (unsigned long *)(p + 1);

#ifndef MLDC_SHARED
  /* Must come first: until the RELATIVE relocations are applied, no
     pointer stored in data may be used. */
  mldcRelocateStatic(auxv);
  mldcSetupStaticTls(auxv);
#endif
  environ = envp;
  mldcAuxv = auxv;
  if (argc > 0 && argv[0] != NULL) {
    extern char *program_invocation_name;
    program_invocation_name = __progname = argv[0];
    for (char *c = argv[0]; *c; ++c)
      if (*c == '/') __progname = c + 1; /* basename, for assert messages */
  }
  programArrays = arrays;

  /* Registration order gives exit order (reverse): rtld_fini runs last,
     after the executable's destructors, as in glibc. */
#ifdef MLDC_SHARED
  if (rtldFini != NULL && !isGlibcInterpreter(auxv)) atexit(rtldFini);
#else
  if (rtldFini != NULL) atexit(rtldFini);
#endif
  atexit(runFiniArray);
#ifndef MLDC_SHARED
  runInitRange(arrays->preinitStart, arrays->preinitEnd, argc, argv, envp);
#endif
  runInitRange(arrays->initStart, arrays->initEnd, argc, argv, envp);
  exit(main(argc, argv, envp));
}
