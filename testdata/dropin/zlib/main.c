/* Debian's libz.a: a 1 MiB compress/uncompress round trip, checked byte
 * for byte, plus the checksums zlib computes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

int main(void) {
  enum { SIZE = 1 << 20 };
  unsigned char *data = malloc(SIZE);
  unsigned s = 1;
  for (size_t i = 0; i < SIZE; i++) {
    s = s * 1664525u + 1013904223u;
    /* Runs of text and noise: compressible, but not trivially. */
    data[i] = (i / 4096) % 2 ? (unsigned char)(s >> 24) : (unsigned char)("zlib round trip "[i % 16]);
  }
  uLongf packedSize = compressBound(SIZE);
  unsigned char *packed = malloc(packedSize);
  if (compress2(packed, &packedSize, data, SIZE, 6) != Z_OK) { puts("compress2 failed"); return 1; }
  unsigned char *back = malloc(SIZE);
  uLongf backSize = SIZE;
  if (uncompress(back, &backSize, packed, packedSize) != Z_OK) { puts("uncompress failed"); return 1; }
  printf("zlib %s: %d bytes -> %lu -> %lu, identical: %s\n", zlibVersion(), SIZE,
         (unsigned long)packedSize, (unsigned long)backSize,
         backSize == SIZE && memcmp(data, back, SIZE) == 0 ? "yes" : "NO");
  printf("crc32=%08lx adler32=%08lx\n", crc32(0, data, SIZE), adler32(1, data, SIZE));
  return backSize == SIZE && memcmp(data, back, SIZE) == 0 ? 0 : 1;
}
