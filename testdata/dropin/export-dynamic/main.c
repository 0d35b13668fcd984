/* Looks itself up with dlsym(RTLD_DEFAULT): found only when the program's
 * symbols are exported (--export-dynamic / -rdynamic). */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>

int exportedFromExe(void) { return 314; }

int main(void) {
  int (*f)(void) = (int (*)(void))dlsym(RTLD_DEFAULT, "exportedFromExe");
  printf("dlsym(exportedFromExe): %s\n", f ? (f() == 314 && f == exportedFromExe ? "found, same function" : "WRONG") : "not found");
  return 0;
}
