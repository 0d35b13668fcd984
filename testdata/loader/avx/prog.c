/* Eight __m256d arguments must reach avx8 intact through its first,
   lazily bound call: the trampoline has to save the full ymm state. */
#include <immintrin.h>
#include <stdio.h>
double avx8(__m256d, __m256d, __m256d, __m256d, __m256d, __m256d, __m256d, __m256d);
double avx_after_ints(long, long, __m256d, double);
int main(void) {
  __m256d v[8];
  for (int i = 0; i < 8; ++i) v[i] = _mm256_set_pd(i + 0.5, i + 1.25, i + 2.0, i + 3.75);
  double first = avx8(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
  double second = avx8(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
  printf("avx8 first=%.4f second=%.4f\n", first, second);
  printf("mixed=%.4f\n", avx_after_ints(3, 4, _mm256_set_pd(1, 2, 3, 4), 0.5));
  return 0;
}
