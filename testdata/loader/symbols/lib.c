/* libsym: a function whose address is compared across objects, a function
   the program interposes, weak undefined references, and callbacks into
   the program (through a pointer and by name). */
#include <stdio.h>
void lib_func(void) { puts("lib_func called"); }
void *lib_func_address(void) { return (void *)&lib_func; }
int shared_name(void) { return 1; }
int lib_calls_shared(void) { return shared_name(); }
extern void not_defined_anywhere(void) __attribute__((weak));
extern int weak_data __attribute__((weak));
int lib_weak_status(void) { return (not_defined_anywhere == 0) + 2 * (&weak_data == 0); }
void exe_hook(int);
void lib_callbacks(void (*cb)(int), int n) {
  for (int i = 0; i < n; ++i) cb(i);
  exe_hook(n);
}
