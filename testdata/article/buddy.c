/* buddy.c: where the runtime's buddy malloc puts blocks, as offsets within
 * their 1 MiB arena (docs/walkthrough.md, section on malloc): splitting,
 * reuse of a size class, coalescing of freed buddies, realloc in place. */
#include <malloc.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static unsigned long offset(void *p) { return (uintptr_t)p & ((1u << 20) - 1); }

int main(void) {
  char *a = malloc(10);
  char *b = malloc(10);
  char *c = malloc(100);
  printf("a = malloc(10)  at arena+0x%lx, usable %zu\n", offset(a), malloc_usable_size(a));
  printf("b = malloc(10)  at arena+0x%lx, usable %zu\n", offset(b), malloc_usable_size(b));
  printf("c = malloc(100) at arena+0x%lx, usable %zu\n", offset(c), malloc_usable_size(c));
  free(a);
  free(b);
  char *d = malloc(40);
  printf("free(a); free(b); d = malloc(40) at arena+0x%lx, usable %zu\n", offset(d),
         malloc_usable_size(d));
  uintptr_t before = (uintptr_t)d;
  char *e = realloc(d, 100);
  printf("e = realloc(d, 100) at arena+0x%lx (%s)\n", offset(e),
         (uintptr_t)e == before ? "grown in place" : "moved");
  free(e);
  free(c);
  return 0;
}
