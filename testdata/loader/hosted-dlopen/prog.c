/* dlopen/dlsym/dlerror/dladdr/dlclose under mload, and (with LD_PRELOAD)
   a preloaded malloc that glibc's strdup uses too. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int prog_callback(const char *from) {
  printf("prog_callback called from %s\n", from);
  return 1000;
}
int main(int argc, char **argv) {
  char *dup = strdup("strdup'ed string");
  printf("%s\n", dup);
  free(dup);
  unsigned long (*count)(void) = (unsigned long (*)(void))dlsym(RTLD_DEFAULT, "mymalloc_count");
  printf("preloaded allocator: %s\n", count && count() > 0 ? "in use" : "absent");
  if (argc > 1) return 0;
  void *h = dlopen("./libplugin.so", RTLD_LAZY);
  if (!h) {
    printf("dlopen failed: %s\n", dlerror());
    return 1;
  }
  int (*entry)(int) = (int (*)(int))dlsym(h, "plugin_entry");
  printf("entry=%d\n", entry(5));
  printf("entry again=%d\n", entry(6));
  Dl_info info;
  if (dladdr((void *)entry, &info)) printf("dladdr: %s in %s\n", info.dli_sname, strrchr(info.dli_fname, '/') + 1);
  printf("missing symbol: %s\n", dlsym(h, "no_such_symbol") ? "found?" : "not found");
  printf("dlerror: %s\n", dlerror() ? "set" : "empty");
  printf("missing library: %s\n", dlopen("./libnothere.so", RTLD_NOW) ? "loaded?" : "not loaded");
  printf("dlerror: %s\n", dlerror() ? "set" : "empty");
  void *m = dlopen("libm.so.6", RTLD_NOW);
  double (*cosp)(double) = (double (*)(double))dlsym(m, "cos");
  printf("cos(0) from dlopen'ed libm = %.1f\n", cosp(0.0));
  dlclose(h);
  return 0;
}
