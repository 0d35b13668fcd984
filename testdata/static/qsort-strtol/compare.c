#include <string.h>

struct rec { int key; const char *name; };

int cmp_int(const void *a, const void *b) {
  int x = *(const int *)a, y = *(const int *)b;
  return (x > y) - (x < y);
}
int cmp_str(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}
int cmp_rec_desc(const void *a, const void *b) {
  const struct rec *x = a, *y = b;
  if (x->key != y->key) return y->key - x->key;
  return strcmp(x->name, y->name);
}
