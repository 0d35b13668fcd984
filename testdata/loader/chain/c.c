/* libc3: the bottom of the chain prog -> a -> b -> c3. */
#include <stdio.h>
__attribute__((constructor)) static void init(void) { puts("init c3"); }
__attribute__((destructor)) static void fini(void) { puts("fini c3"); }
double c_scale(double x, float y) { return x * y; }
/* DT_INIT and DT_FINI (-Wl,-init/-fini): DT_INIT runs before the
   DT_INIT_ARRAY, DT_FINI after the DT_FINI_ARRAY. */
void c3_legacy_init(void) { puts("DT_INIT c3"); }
void c3_legacy_fini(void) { puts("fini c3 (DT_FINI)"); }
