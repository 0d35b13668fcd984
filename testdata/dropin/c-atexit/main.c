/* atexit and on_exit handlers run at exit() in reverse order of
 * registration, then the .fini_array destructor; stdio buffers are flushed
 * at the end (the last line has no newline). */
#include <stdio.h>
#include <stdlib.h>

static void first(void) { puts("atexit: first registered, runs last"); }
static void second(void) { puts("atexit: second"); }
static void third(void) { printf("atexit: third, runs first"); }
static void onExit(int status, void *arg) {
  printf("on_exit: status=%d arg=%s\n", status, (const char *)arg);
}
__attribute__((destructor)) static void dtor(void) { puts("destructor"); }
__attribute__((constructor)) static void ctor(void) { puts("constructor"); }

static void leave(void) { exit(3); }

int main(void) {
  atexit(first);
  atexit(second);
  on_exit(onExit, "hello");
  atexit(third);
  printf("main: leaving through exit(3) without a newline...");
  leave();
}
