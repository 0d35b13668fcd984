/* liba: floats, doubles and varargs (printf "%f") through lazy PLTs. */
#include <stdarg.h>
#include <stdio.h>
struct Big { long a, b, c; double d; };
long b_sum8(long, long, long, long, long, long, long, long);
struct Big b_make(long);
double b_big_sum(struct Big, int);
double c_scale(double, float);
__attribute__((constructor)) static void init(void) { puts("init a"); }
__attribute__((destructor)) static void fini(void) { puts("fini a"); }
double a_vsum(int n, ...) {
  va_list ap;
  va_start(ap, n);
  double s = 0;
  for (int i = 0; i < n; ++i) s += va_arg(ap, double);
  va_end(ap);
  return s;
}
double a_mix(int i1, float f1, double d1, int i2, float f2, double d2, int i3, double d3, double d4,
             double d5, double d6, double d7, double d8, double d9, long i4, long i5, long i6, long i7) {
  return i1 + f1 + d1 + i2 + f2 + d2 + i3 + d3 + d4 + d5 + d6 + d7 + d8 + d9 + i4 + i5 + i6 + i7;
}
void a_report(void) {
  printf("sum8=%ld\n", b_sum8(1, 2, 3, 4, 5, 6, 7, 8));
  struct Big big = b_make(7);
  printf("big=%ld %ld %ld %.2f total=%.2f\n", big.a, big.b, big.c, big.d, b_big_sum(big, 100));
  printf("scale=%f %e %g\n", c_scale(2.5, 4.0f), c_scale(1e10, 3.0f), c_scale(0.125, 0.5f));
}
