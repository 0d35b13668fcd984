/* A dynamic C program against libc.so.6 and libm.so.6: calls through the
 * PLT (lazy or now), data from libc (stdout, environ via getenv), qsort
 * calling back into the executable. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cmp(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

int main(int argc, char **argv) {
  double v[64];
  for (int i = 0; i < 64; i++) v[i] = sin(i * 1.7) * 100.0;
  qsort(v, 64, sizeof v[0], cmp);
  printf("min %.6f max %.6f\n", v[0], v[63]);
  volatile double two = 2.0;
  printf("sqrt %.12f exp %.12f\n", sqrt(two), exp(two));
  char *end;
  double d = strtod("12.5e2xyz", &end);
  printf("strtod %.1f rest %s\n", d, end);
  const char *a = getenv("DROPIN_A");
  printf("env DROPIN_A=%s\n", a ? a : "(unset)");
  char *big = malloc(100000);
  memset(big, 'q', 99999);
  big[99999] = 0;
  printf("strlen %zu\n", strlen(big));
  free(big);
  fprintf(stdout, "argc %d\n", argc);
  return 0;
}
