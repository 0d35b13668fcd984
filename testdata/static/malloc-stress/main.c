#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>

unsigned rng(void);

#define N 2000
static unsigned char *blocks[N];
static size_t sizes[N];

static size_t pick_size(void) {
  unsigned r = rng() % 100;
  if (r < 60) return 1 + rng() % 64;
  if (r < 85) return 65 + rng() % 1024;
  if (r < 98) return 1089 + rng() % 32768;
  return 40000 + rng() % (1 << 20);
}

static unsigned char pattern(int i, size_t j) { return (unsigned char)(i * 31 + j * 7 + 1); }

static int check(int i) {
  for (size_t j = 0; j < sizes[i]; j++)
    if (blocks[i][j] != pattern(i, j)) return 0;
  return 1;
}

int main(void) {
  int bad = 0, misaligned = 0;
  size_t total = 0;
  for (int round = 0; round < 3; round++) {
    for (int i = 0; i < N; i++) {
      sizes[i] = pick_size();
      blocks[i] = malloc(sizes[i]);
      if (!blocks[i]) { printf("malloc failed\n"); return 1; }
      if ((uintptr_t)blocks[i] % 16) misaligned++;
      for (size_t j = 0; j < sizes[i]; j++) blocks[i][j] = pattern(i, j);
      total += sizes[i];
    }
    /* Free in a random order: a shuffled index permutation. */
    static int order[N];
    for (int i = 0; i < N; i++) order[i] = i;
    for (int i = N - 1; i > 0; i--) { int j = rng() % (i + 1); int t = order[i]; order[i] = order[j]; order[j] = t; }
    for (int k = 0; k < N; k++) {
      int i = order[k];
      if (k % 2 == 0) {
        if (!check(i)) bad++;
        free(blocks[i]);
        blocks[i] = 0;
      }
    }
    for (int i = 0; i < N; i++)
      if (blocks[i]) { if (!check(i)) bad++; free(blocks[i]); blocks[i] = 0; }
    printf("round %d: bad=%d misaligned=%d\n", round, bad, misaligned);
  }
  printf("total bytes requested=%zu\n", total);

  /* realloc growth keeps the old contents. */
  unsigned char *p = 0;
  size_t len = 0;
  for (size_t want = 1; want <= 3000000; want = want * 3 / 2 + 1) {
    p = realloc(p, want);
    if (!p) { printf("realloc failed\n"); return 1; }
    for (size_t j = 0; j < len; j++)
      if (p[j] != (unsigned char)(j * 13)) { bad++; break; }
    for (size_t j = len; j < want; j++) p[j] = (unsigned char)(j * 13);
    len = want;
  }
  p = realloc(p, 10);
  for (size_t j = 0; j < 10; j++) if (p[j] != (unsigned char)(j * 13)) bad++;
  free(p);
  printf("realloc grew to %zu, bad=%d\n", len, bad);

  /* calloc returns zeroed memory, also after reuse of dirty blocks. */
  int dirty = 0;
  for (int i = 0; i < 200; i++) {
    size_t n = 1 + rng() % 5000;
    unsigned char *q = malloc(n);
    memset(q, 0xAB, n);
    free(q);
    unsigned *z = calloc(n, sizeof *z);
    for (size_t j = 0; j < n; j++) dirty += z[j] != 0;
    free(z);
  }
  printf("calloc dirty words=%d\n", dirty);
  free(0);
  printf("done\n");
  return 0;
}
