/* A plugin loaded with dlopen: calls back into the program (which exports
   prog_callback with -rdynamic) and into glibc, lazily bound by mload. */
#include <stdio.h>
#include <string.h>
int prog_callback(const char *from);
static __thread int plugin_tls = 7;
__attribute__((constructor)) static void init(void) { puts("plugin constructor"); }
__attribute__((destructor)) static void fini(void) { puts("plugin destructor"); }
int plugin_entry(int x) {
  plugin_tls += x;
  printf("plugin_entry(%d): strlen=%zu tls=%d\n", x, strlen("plugin"), plugin_tls);
  return prog_callback("plugin") + x;
}
