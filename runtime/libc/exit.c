/* exit.c: atexit/exit/abort and the process environment (environ,
 * getenv, getauxval).
 * exit() runs the handlers in reverse registration order, then flushes
 * stdio, then exit_group. The start code registers the fini-array runner
 * and the loader's fini through the same list, so their place in the order
 * is glibc's: handlers registered later (in main) run before them. */
#include "mldc.h"

/* One exit handler: atexit's take no argument, __cxa_atexit's take one. */
typedef struct {
  void (*plain)(void);
  void (*withArg)(void *);
  void *arg;
} Handler;

/* ISO C requires room for at least 32 handlers; the first 64 need no
   allocation, so exit never depends on malloc for ordinary programs. */
#define INITIAL_HANDLERS 64

static Handler initialHandlers[INITIAL_HANDLERS];
static Handler *handlers = initialHandlers;
static int handlerCount, handlerCapacity = INITIAL_HANDLERS;

char **environ;
extern char **__environ __attribute__((alias("environ")));
char *__progname = "";
extern char *program_invocation_short_name __attribute__((alias("__progname")));
char *program_invocation_name;
unsigned long *mldcAuxv;

unsigned long getauxval(unsigned long type) {
  for (unsigned long *a = mldcAuxv; a && a[0] != AT_NULL; a += 2)
    if (a[0] == type) return a[1];
  errno = 2; /* ENOENT, as glibc */
  return 0;
}

static int addHandler(Handler h) {
  if (handlerCount == handlerCapacity) {
    Handler *grown = malloc(2 * (size_t)handlerCapacity * sizeof *grown);
    if (grown == NULL) return -1;
    memcpy(grown, handlers, (size_t)handlerCount * sizeof *grown);
    if (handlers != initialHandlers) free(handlers);
    handlers = grown;
    handlerCapacity *= 2;
  }
  handlers[handlerCount++] = h;
  return 0;
}

int atexit(void (*fn)(void)) { return addHandler((Handler){fn, NULL, NULL}); }

/* C++ static destructors register here; `dso` only matters to
   __cxa_finalize on dlclose, which a runtime without dlopen never sees. */
int __cxa_atexit(void (*fn)(void *), void *arg, void *dso) {
  (void)dso;
  return addHandler((Handler){NULL, fn, arg});
}

void __cxa_finalize(void *dso) { (void)dso; }

void exit(int status) {
  /* A handler may itself register more; re-reading the count runs them
     next, as glibc does. */
  while (handlerCount > 0) {
    Handler h = handlers[--handlerCount];
    if (h.plain)
      h.plain();
    else
      h.withArg(h.arg);
  }
  mldcFlushAll();
  _exit(status);
}

void abort(void) {
  raise(SIGABRT);
  _exit(127);
}

char *getenv(const char *name) {
  if (environ == NULL) return NULL;
  size_t len = strlen(name);
  for (char **e = environ; *e != NULL; ++e)
    if (strncmp(*e, name, len) == 0 && (*e)[len] == '=') return *e + len + 1;
  return NULL;
}
