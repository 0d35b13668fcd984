// libc-shim.cpp (implements <string.h>'s functions mload uses): memcpy, memmove, memset, memcmp and
// strlen for mload, which links no libc. They have C linkage because the compiler may emit calls to
// them even in freestanding code (struct copies, zeroing loops).
#include "support.h"

extern "C" {
void *memcpy(void *dst, const void *src, size_t n) {
  auto *d = static_cast<unsigned char *>(dst);
  auto *s = static_cast<const unsigned char *>(src);
  while (n--)
    *d++ = *s++;
  return dst;
}
void *memmove(void *dst, const void *src, size_t n) {
  auto *d = static_cast<unsigned char *>(dst);
  auto *s = static_cast<const unsigned char *>(src);
  if (d < s)
    while (n--)
      *d++ = *s++;
  else
    while (n--)
      d[n] = s[n];
  return dst;
}
void *memset(void *dst, int c, size_t n) {
  auto *d = static_cast<unsigned char *>(dst);
  while (n--)
    *d++ = static_cast<unsigned char>(c);
  return dst;
}
int memcmp(const void *a, const void *b, size_t n) {
  auto *x = static_cast<const unsigned char *>(a);
  auto *y = static_cast<const unsigned char *>(b);
  for (; n; --n, ++x, ++y)
    if (*x != *y)
      return *x - *y;
  return 0;
}
size_t strlen(const char *s) {
  size_t n = 0;
  while (s[n])
    ++n;
  return n;
}
}
