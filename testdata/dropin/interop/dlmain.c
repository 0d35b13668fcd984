/* Loads the library named by argv[1] with dlopen and calls it via dlsym. */
#include <dlfcn.h>
#include <stdio.h>

int main(int argc, char **argv) {
  if (argc < 2) return 2;
  void *h = dlopen(argv[1], RTLD_LAZY | RTLD_LOCAL);
  if (!h) {
    printf("dlopen failed: %s\n", dlerror());
    return 1;
  }
  int (*scale)(int) = (int (*)(int))dlsym(h, "interopScale");
  const char *(*describe)(const char *) = (const char *(*)(const char *))dlsym(h, "interopDescribe");
  int *counter = (int *)dlsym(h, "interopCounter");
  if (!scale || !describe || !counter) {
    printf("dlsym failed: %s\n", dlerror());
    return 1;
  }
  int a = scale(10);
  printf("dlopen: scale %d counter %d\n", a, *counter);
  printf("%s\n", describe("dlopen"));
  return dlclose(h);
}
