/* glibc's memcpy/memset/strlen/memcmp/strchr are IFUNCs: calls go through
 * IRELATIVE-filled slots, and their addresses must be canonical (the same
 * from every object). Large buffers make the vector variants run. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void *addrOfMemcpy(void);
void *addrOfStrlen(void);
size_t strlenThroughPointer(const char *s);

int main(void) {
  enum { SIZE = 1 << 20 };
  char *a = malloc(SIZE + 64), *b = malloc(SIZE + 64);
  for (size_t i = 0; i < SIZE; i++) a[i] = (char)('a' + i % 23);
  a[SIZE] = 0;
  volatile size_t n = SIZE + 1;
  memcpy(b, a, n);
  printf("memcmp equal: %d\n", memcmp(a, b, n) == 0);
  memset(b + 1000, 'Z', n - 5000);
  printf("memcmp after memset: %d\n", memcmp(a, b, n) < 0);
  memmove(b + 1, b, n - 2);
  printf("strlen: %zu %zu\n", strlen(a), strlen(b + 2));
  printf("strchr offset: %td\n", strchr(a, 'w') - a);
  uint64_t sum = 0;
  for (size_t i = 0; i < SIZE; i++) sum = sum * 31 + (unsigned char)b[i];
  printf("checksum: %llx\n", (unsigned long long)sum);
  void *(*volatile mc)(void *, const void *, size_t) = memcpy;
  printf("memcpy address canonical: %s\n",
         (void *)mc == addrOfMemcpy() ? "yes" : "NO");
  size_t (*volatile sl)(const char *) = strlen;
  printf("strlen address canonical: %s\n",
         (void *)sl == addrOfStrlen() ? "yes" : "NO");
  printf("strlen through pointer: %zu\n", strlenThroughPointer(a + 10));
  free(a);
  free(b);
  return 0;
}
