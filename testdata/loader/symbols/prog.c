/* Built as PIE and as a non-PIE executable (canonical PLT entry for
   lib_func, whose address the library must see too). */
#include <stdio.h>
void lib_func(void);
void *lib_func_address(void);
int lib_calls_shared(void);
int lib_weak_status(void);
void lib_callbacks(void (*)(int), int);
extern void weak_fn(void) __attribute__((weak));
int shared_name(void) { return 2; } /* interposes the library's */
void exe_hook(int n) { printf("exe_hook(%d)\n", n); }
static void callback(int i) { printf("callback %d\n", i); }
int main(void) {
  lib_func();
  void (*volatile p)(void) = lib_func;
  p();
  printf("function pointers equal: %d\n", (void *)p == lib_func_address());
  printf("interposed: library sees %d, program sees %d\n", lib_calls_shared(), shared_name());
  printf("weak undefined: library %d, program %d\n", lib_weak_status(), weak_fn == 0);
  lib_callbacks(callback, 3);
  return 0;
}
