/* malloc-stress.c: many sizes (tiny to beyond the largest buddy class),
 * freed in pseudo-random order, realloc growth and shrink, calloc zeroing,
 * aligned allocation; every block's contents are verified before it is
 * freed. Prints only results that are the same under any correct malloc. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SLOTS 512

static unsigned state = 2463534242u;
static unsigned nextRand(void) {
  state ^= state << 13;
  state ^= state >> 17;
  state ^= state << 5;
  return state;
}

static size_t pickSize(void) {
  unsigned r = nextRand() % 100;
  if (r < 60) return nextRand() % 128;
  if (r < 85) return nextRand() % 4096;
  if (r < 99) return nextRand() % 65536;
  return 1100000 + nextRand() % 1000000; /* beyond the largest class */
}

static void fill(unsigned char *p, size_t n, unsigned seed) {
  for (size_t i = 0; i < n; ++i) p[i] = (unsigned char)(seed + i * 7);
}

static int check(const unsigned char *p, size_t n, unsigned seed) {
  for (size_t i = 0; i < n; ++i)
    if (p[i] != (unsigned char)(seed + i * 7)) return 0;
  return 1;
}

int main(void) {
  unsigned char *ptr[SLOTS] = {0};
  size_t size[SLOTS] = {0};
  unsigned seed[SLOTS] = {0};
  int bad = 0, misaligned = 0;
  long ops = 0;
  for (int round = 0; round < 12000; ++round) {
    int i = (int)(nextRand() % SLOTS);
    if (ptr[i]) {
      bad += !check(ptr[i], size[i], seed[i]);
      if (nextRand() % 3 == 0) {
        /* Grow or shrink, keeping the common prefix. */
        size_t n = pickSize();
        unsigned char *q = realloc(ptr[i], n ? n : 1);
        if (!q) return 1;
        size_t keep = n < size[i] ? n : size[i];
        bad += !check(q, keep, seed[i]);
        ptr[i] = q;
        size[i] = n;
        fill(q, n, seed[i]);
      } else {
        free(ptr[i]);
        ptr[i] = NULL;
      }
    } else {
      size[i] = pickSize();
      seed[i] = nextRand();
      ptr[i] = malloc(size[i]);
      if (!ptr[i]) return 1;
      fill(ptr[i], size[i], seed[i]);
    }
    if (ptr[i]) misaligned += ((uintptr_t)ptr[i] & 15) != 0;
    ++ops;
  }
  for (int i = 0; i < SLOTS; ++i) {
    if (ptr[i]) bad += !check(ptr[i], size[i], seed[i]);
    free(ptr[i]);
  }
  printf("ops=%ld bad=%d misaligned=%d\n", ops, bad, misaligned);

  /* A block growing one byte at a time keeps its contents. */
  char *s = NULL;
  for (int n = 1; n <= 5000; ++n) {
    s = realloc(s, (size_t)n + 1);
    s[n - 1] = (char)('a' + n % 26);
    s[n] = '\0';
  }
  int ok = 1;
  for (int n = 1; n <= 5000; ++n) ok &= s[n - 1] == (char)('a' + n % 26);
  printf("realloc-growth ok=%d len=%zu\n", ok, strlen(s));
  free(s);

  /* calloc returns zeroed memory even when it reuses freed blocks. */
  for (int k = 0; k < 50; ++k) {
    unsigned char *p = malloc(1000);
    memset(p, 0xab, 1000);
    free(p);
    unsigned char *z = calloc(250, 4);
    for (int j = 0; j < 1000; ++j) ok &= z[j] == 0;
    free(z);
  }
  printf("calloc ok=%d overflow=%p\n", ok, calloc((size_t)-1 / 2, 4));

  /* Alignment requests. */
  int alignedOk = 1;
  for (size_t a = 16; a <= 65536; a *= 4) {
    void *p = NULL;
    int rc = posix_memalign(&p, a, 100);
    alignedOk &= rc == 0 && ((uintptr_t)p % a) == 0;
    memset(p, 1, 100);
    void *q = aligned_alloc(a, 3 * a);
    alignedOk &= q != NULL && ((uintptr_t)q % a) == 0;
    memset(q, 2, 3 * a);
    free(p);
    free(q);
  }
  void *p = NULL;
  printf("aligned ok=%d einval=%d\n", alignedOk, posix_memalign(&p, 24, 8) != 0);

  /* Freeing everything lets later big allocations reuse memory: a long
     alloc/free loop must not run out. */
  for (int k = 0; k < 2000; ++k) {
    void *big = malloc(300000);
    void *small = malloc(40);
    free(big);
    free(small);
  }
  printf("malloc(0)=%d free(NULL) ok\n", malloc(0) != NULL);
  free(NULL);
  return 0;
}
