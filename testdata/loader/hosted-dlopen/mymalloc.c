/* A preloaded allocator: every malloc/free of the process, glibc's own
   internal ones (strdup's, stdio's buffer) included, go through it. */
#define _GNU_SOURCE
#include <stddef.h>
#include <string.h>
#include <unistd.h>
static char arena[1 << 22];
static size_t used;
static unsigned long mallocs, frees;
void *malloc(size_t n) {
  size_t *p = (size_t *)(arena + used);
  used += (n + sizeof(size_t) + 15) & ~(size_t)15;
  if (used > sizeof(arena)) return NULL;
  *p = n;
  ++mallocs;
  return p + 1;
}
void free(void *p) {
  if (!p) return;
  if ((char *)p < arena || (char *)p >= arena + sizeof(arena)) {
    static const char msg[] = "mymalloc: free of a pointer it never gave out\n";
    write(2, msg, sizeof(msg) - 1);
    _exit(99);
  }
  ++frees;
}
void *calloc(size_t a, size_t b) {
  void *p = malloc(a * b);
  if (p) memset(p, 0, a * b);
  return p;
}
void *realloc(void *old, size_t n) {
  void *p = malloc(n);
  if (p && old) memcpy(p, old, ((size_t *)old)[-1] < n ? ((size_t *)old)[-1] : n);
  free(old);
  return p;
}
unsigned long mymalloc_count(void) { return mallocs; }
