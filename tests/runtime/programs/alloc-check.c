/* alloc-check.c: both runtime allocators (the buddy malloc and the
 * first-fit mldc_ff_*) run the same random trace of mallocs, reallocs and
 * frees; every live block is filled with its own pattern and checked
 * before it is freed, so an overlap or a lost byte is seen. The statistics
 * must add up: free bytes within the footprint, everything free at the end. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mldc-alloc.h"

#define SLOTS 512
#define STEPS 40000

typedef struct {
  const char *name;
  void *(*alloc)(size_t);
  void *(*resize)(void *, size_t);
  void (*release)(void *);
  void (*stats)(struct mldc_heap_stats *);
} Allocator;

static uint64_t rng;
static uint32_t next(void) {
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return (uint32_t)rng;
}

static size_t pickSize(void) {
  uint32_t r = next() % 100;
  if (r < 60) return 1 + next() % 64;
  if (r < 90) return 65 + next() % 1024;
  if (r < 99) return 1089 + next() % 16384;
  return 17473 + next() % 200000;
}

static int check(const unsigned char *p, size_t n, unsigned char v) {
  for (size_t i = 0; i < n; ++i)
    if (p[i] != v) return 0;
  return 1;
}

static int run(const Allocator *al) {
  static unsigned char *ptr[SLOTS];
  static size_t len[SLOTS];
  int bad = 0;
  rng = 0x9e3779b97f4a7c15ull;
  for (int step = 0; step < STEPS && !bad; ++step) {
    int i = (int)(next() % SLOTS);
    unsigned char v = (unsigned char)(i * 7 + 1);
    if (ptr[i] != NULL) {
      bad |= !check(ptr[i], len[i], v);
      if (next() % 4 == 0) {
        size_t n = pickSize();
        ptr[i] = al->resize(ptr[i], n);
        bad |= ptr[i] == NULL || !check(ptr[i], n < len[i] ? n : len[i], v);
        len[i] = n;
        if (ptr[i]) memset(ptr[i], v, n);
      } else {
        al->release(ptr[i]);
        ptr[i] = NULL;
      }
    } else {
      len[i] = pickSize();
      ptr[i] = al->alloc(len[i]);
      bad |= ptr[i] == NULL || ((uintptr_t)ptr[i] & 15) != 0;
      if (ptr[i]) memset(ptr[i], v, len[i]);
    }
  }
  struct mldc_heap_stats mid;
  al->stats(&mid);
  int sane = mid.free_bytes <= mid.footprint && mid.largest_free <= mid.free_bytes &&
             mid.footprint <= mid.peak_footprint;
  for (int i = 0; i < SLOTS; ++i) {
    if (ptr[i] != NULL) bad |= !check(ptr[i], len[i], (unsigned char)(i * 7 + 1));
    al->release(ptr[i]);
    ptr[i] = NULL;
  }
  struct mldc_heap_stats end;
  al->stats(&end);
  printf("%s %s: %d steps, every block kept its bytes and alignment\n",
         bad ? "FAIL" : "ok", al->name, STEPS);
  printf("%s %s: statistics are consistent\n", sane ? "ok" : "FAIL", al->name);
  int whole = end.free_bytes == end.footprint;
  printf("%s %s: everything is free at the end\n", whole ? "ok" : "FAIL", al->name);
  return bad || !sane || !whole;
}

int main(void) {
  Allocator buddy = {"buddy", malloc, realloc, free, mldc_buddy_stats};
  Allocator firstFit = {"first-fit", mldc_ff_malloc, mldc_ff_realloc, mldc_ff_free,
                        mldc_ff_stats};
  return run(&buddy) | run(&firstFit);
}
