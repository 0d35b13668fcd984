/* memcpy has two versions in libc.so.6 (GLIBC_2.2.5 and the default
 * GLIBC_2.14); the link must pick the default one. */
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv) {
  char src[256], dst[256];
  for (int i = 0; i < 256; i++) src[i] = (char)('A' + i % 26);
  size_t n = 100 + (size_t)argc;
  memcpy(dst, src, n);
  dst[n] = 0;
  printf("%zu %.10s...%s\n", strlen(dst), dst, dst + n - 3);
  return 0;
}
