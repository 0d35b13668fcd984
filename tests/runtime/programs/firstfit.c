/* firstfit.c: mldc-only check of the first-fit free-list allocator
 * (libc/firstfit.c), compared with firstfit.expected: blocks are carved
 * from the front of the first hole that fits, holes are reused in address
 * order, freed neighbours merge on both sides, the heap grows with sbrk in
 * place and gives its top back when a large block at the top is freed. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "mldc-alloc.h"

static int failures;
static void expect(int cond, const char *what) {
  printf("%s %s\n", cond ? "ok" : "FAIL", what);
  failures += !cond;
}

static struct mldc_heap_stats stats(void) {
  struct mldc_heap_stats s;
  mldc_ff_stats(&s);
  return s;
}

int main(void) {
  char *heapStart = sbrk(0);
  char *a = mldc_ff_malloc(10);
  expect(a == heapStart + 16 && mldc_ff_usable_size(a) == 16,
         "the first block starts the sbrk heap: 10 bytes use a 32-byte block");
  expect(stats().footprint == 64 * 1024 && sbrk(0) == heapStart + 64 * 1024,
         "the heap grew by one 64 KiB step");
  char *b = mldc_ff_malloc(100);
  char *c = mldc_ff_malloc(40);
  expect(b == a + 32 && c == b + 128, "blocks are carved from the front of the free space");
  mldc_ff_free(b);
  expect(stats().free_blocks == 2, "free(b) leaves a hole below the rest of the heap");
  char *d = mldc_ff_malloc(50);
  expect(d == b, "first fit: the hole is the first block that fits");
  char *e = mldc_ff_malloc(20);
  expect(e == b + 80, "the rest of the hole (48 bytes) fits 20 bytes exactly");
  expect(stats().free_blocks == 1, "the hole is used up");
  mldc_ff_free(a);
  mldc_ff_free(e);
  expect(stats().free_blocks == 3, "a and e are separate holes while d is in use");
  mldc_ff_free(d);
  expect(stats().free_blocks == 2 && stats().largest_free > 160,
         "free(d) merges with the hole before it and the hole after it");
  char *f = mldc_ff_malloc(140);
  expect(f == a && mldc_ff_usable_size(f) == 144, "the merged 160-byte hole is reused whole");

  char *big = mldc_ff_malloc(300000);
  expect(big == c + 64 && sbrk(0) > heapStart + 300000,
         "a request larger than the free top raises the break and the top block grows in place");
  size_t grown = stats().footprint;
  memset(big, 7, 300000);
  mldc_ff_free(big);
  expect(stats().footprint < grown && sbrk(0) == heapStart + stats().footprint,
         "freeing the large top block lowers the break again");
  printf("footprint after the big block: %zu KiB, after its free: %zu KiB\n",
         grown >> 10, stats().footprint >> 10);

  char *r = mldc_ff_malloc(24);
  memcpy(r, "first fit keeps contents", 24);
  char *blocker = mldc_ff_malloc(24);
  char *r2 = mldc_ff_realloc(r, 200);
  expect(r2 != r && memcmp(r2, "first fit keeps contents", 24) == 0,
         "realloc moves and copies");
  mldc_ff_free(r2);
  mldc_ff_free(blocker);
  mldc_ff_free(f);
  mldc_ff_free(c);
  struct mldc_heap_stats s = stats();
  expect(s.free_blocks == 1 && s.free_bytes == s.footprint,
         "after everything is freed the heap is one free block");
  return failures;
}
