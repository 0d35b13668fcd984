/* liblazy: refers only to a missing function, so the load succeeds and the
   error comes from the lazy binding at its first call. */
#include <stdio.h>
void missing_fn(void);
void lazy_call(void) {
  puts("before the call");
  fflush(stdout);
  missing_fn();
}
