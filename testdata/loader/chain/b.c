/* libb: integer and struct-by-value arguments across a PLT. */
#include <stdio.h>
struct Big { long a, b, c; double d; };
double c_scale(double, float);
__attribute__((constructor)) static void init(void) { puts("init b"); }
__attribute__((destructor)) static void fini(void) { puts("fini b"); }
long b_sum8(long p1, long p2, long p3, long p4, long p5, long p6, long p7, long p8) {
  return p1 + 2 * p2 + 3 * p3 + 4 * p4 + 5 * p5 + 6 * p6 + 7 * p7 + 8 * p8;
}
struct Big b_make(long seed) {
  struct Big r = {seed, seed * 2, seed * 3, c_scale(seed, 0.5f)};
  return r;
}
double b_big_sum(struct Big x, int k) { return x.a + x.b + x.c + x.d + k; }
