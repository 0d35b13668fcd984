/* buddy.c: mldc-only check of the allocator's buddy design (glibc behaves
 * differently, so this compares with buddy.expected): size classes, split
 * order, coalescing of freed buddies, realloc growing in place into a free
 * buddy and moving when the buddy is taken, and the large-block path. */
#include <malloc.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures;
/* gcc deletes a malloc whose only use is free; storing the pointer here
   keeps such allocations real. */
static char *volatile keep;
static void expect(int cond, const char *what) {
  printf("%s %s\n", cond ? "ok" : "FAIL", what);
  failures += !cond;
}

int main(void) {
  char *a = malloc(100);
  expect(malloc_usable_size(a) == 112, "100 bytes come from a 128-byte block");
  char *b = malloc(100);
  keep = b;
  expect(b == a + 128, "the second block is the first one's buddy");
  free(a);
  free(b);
  char *c = malloc(200);
  expect(c == a, "freed buddies coalesce into one 256-byte block");
  expect(malloc_usable_size(c) == 240, "200 bytes come from a 256-byte block");
  free(c);

  /* Addresses are compared as integers: a pointer passed to realloc is
     indeterminate afterwards, and gcc may fold comparisons with it. */
  char *p = malloc(100);
  uintptr_t before = (uintptr_t)p;
  memset(p, 'x', 100);
  char *q = realloc(p, 200);
  expect((uintptr_t)q == before, "realloc grows into the free buddy in place");
  q = realloc(q, 1000);
  expect((uintptr_t)q == before && malloc_usable_size(q) == 1008,
         "and again up to 1024 bytes");
  int same = 1;
  for (int i = 0; i < 100; ++i) same &= q[i] == 'x';
  expect(same, "contents survive growth in place");
  free(q);

  p = malloc(100);
  before = (uintptr_t)p;
  char *taken = malloc(100);
  keep = taken;
  memset(p, 'y', 100);
  q = realloc(p, 200);
  same = 1;
  for (int i = 0; i < 100; ++i) same &= q[i] == 'y';
  expect((uintptr_t)q != before && same,
         "realloc moves (and copies) when the buddy is in use");
  free(q);
  free(taken);

  char *whole = malloc(1024 * 1024 - 16);
  expect(whole != NULL && ((uintptr_t)whole & (1024 * 1024 - 1)) == 16,
         "the largest class is a whole 1 MiB arena");
  char *big = malloc(3 * 1024 * 1024);
  expect(big != NULL && malloc_usable_size(big) == 3 * 1024 * 1024 + 4096 - 16,
         "larger requests get their own page-rounded mapping");
  memset(big, 1, 3 * 1024 * 1024);
  free(big);
  free(whole);

  void *al = NULL;
  expect(posix_memalign(&al, 4096, 10) == 0 && ((uintptr_t)al & 4095) == 0,
         "posix_memalign honours 4096");
  free(al);
  char *again = malloc(100);
  expect(again == a, "after everything is freed the arena is whole again");
  free(again);
  return failures;
}
