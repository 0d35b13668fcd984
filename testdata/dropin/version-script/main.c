/* dlopens libvers.so: hidden_helper must not be found, api_one/api_two must
 * be, also with their version (dlvsym). */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>

int main(int argc, char **argv) {
  if (argc < 2) return 2;
  void *h = dlopen(argv[1], RTLD_NOW);
  if (!h) {
    printf("dlopen failed: %s\n", dlerror());
    return 1;
  }
  printf("hidden_helper: %s\n", dlsym(h, "hidden_helper") ? "FOUND" : "not found");
  int (*one)(void) = (int (*)(void))dlsym(h, "api_one");
  int (*two)(void) = (int (*)(void))dlvsym(h, "api_two", "DROP_1.0");
  printf("api_one: %d\n", one ? one() : -1);
  printf("api_two@DROP_1.0: %d\n", two ? two() : -1);
  printf("api_one@NOPE: %s\n", dlvsym(h, "api_one", "NOPE") ? "FOUND" : "not found");
  return 0;
}
