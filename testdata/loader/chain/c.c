/* libc3: the bottom of the chain prog -> a -> b -> c3. */
#include <stdio.h>
__attribute__((constructor)) static void init(void) { puts("init c3"); }
__attribute__((destructor)) static void fini(void) { puts("fini c3"); }
double c_scale(double x, float y) { return x * y; }
