/* libvec: takes eight __m256d arguments (ymm0-ymm7), all four lanes used,
   each weighted differently so a lost or swapped upper half shows. */
#include <immintrin.h>
static double lanes(__m256d v, double w) {
  double d[4];
  _mm256_storeu_pd(d, v);
  return w * (d[0] + 10 * d[1] + 100 * d[2] + 1000 * d[3]);
}
double avx8(__m256d a, __m256d b, __m256d c, __m256d d, __m256d e, __m256d f, __m256d g, __m256d h) {
  return lanes(a, 1) + lanes(b, 2) + lanes(c, 3) + lanes(d, 4) + lanes(e, 5) + lanes(f, 6) + lanes(g, 7) +
         lanes(h, 8);
}
double avx_after_ints(long a, long b, __m256d v, double x) { return a + b + lanes(v, 1) + x; }
