/* lifecycle.c: start and exit order: preinit_array, constructors (with
 * priorities), init_array entries receiving argc/argv/envp, main, atexit
 * handlers (including ones registered by constructors and by handlers),
 * destructors and fini_array, and stdio flushed at the very end. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void say(const char *what) { printf("%s\n", what); }

static void preinit(int argc, char **argv, char **envp) {
  printf("preinit argc=%d argv0=%d envp=%d\n", argc, argv[0] != NULL, envp != NULL);
}
__attribute__((section(".preinit_array"), used)) static void (*preinitEntry)(int, char **, char **) = preinit;

static void initFn(int argc, char **argv, char **envp) {
  printf("init_array argc=%d argv1=%s\n", argc, argc > 1 ? argv[1] : "-");
  (void)envp;
}
__attribute__((section(".init_array"), used)) static void (*initEntry)(int, char **, char **) = initFn;

static void finiFn(void) { say("fini_array"); }
__attribute__((section(".fini_array"), used)) static void (*finiEntry)(void) = finiFn;

static void fromCtor(void) { say("atexit registered by constructor"); }
__attribute__((constructor(101))) static void ctorEarly(void) { say("constructor 101"); }
__attribute__((constructor(202))) static void ctorLate(void) {
  say("constructor 202");
  atexit(fromCtor);
}
__attribute__((constructor)) static void ctorDefault(void) { say("constructor default"); }
__attribute__((destructor(101))) static void dtorEarly(void) { say("destructor 101"); }
__attribute__((destructor)) static void dtorDefault(void) { say("destructor default"); }

static void nested(void) { say("atexit registered by a handler"); }
static void first(void) { say("atexit first"); }
static void second(void) {
  say("atexit second");
  atexit(nested);
}
static void third(void) { say("atexit third (unflushed text follows)"); printf("no newline"); }

/* What g++ emits for static destructors; interleaves with atexit. */
extern int __cxa_atexit(void (*fn)(void *), void *arg, void *dso);
static void withArg(void *arg) { printf("cxa handler %s\n", (const char *)arg); }

static int ticks;
static void tick(void) { ++ticks; }
static void report(void) { printf("ticks=%d\n", ticks); }

int main(int argc, char **argv) {
  say("main");
  /* More handlers than the static table holds: the list must grow. */
  atexit(report);
  for (int i = 0; i < 100; ++i) atexit(tick);
  atexit(first);
  __cxa_atexit(withArg, "between first and second", NULL);
  atexit(second);
  atexit(third);
  if (argc > 2 && strcmp(argv[2], "exit") == 0) exit(7);
  return 5;
}
