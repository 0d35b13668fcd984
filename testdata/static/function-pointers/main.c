#include <stdio.h>

typedef int (*binop)(int, int);
struct op { const char *name; binop fn; };
extern const struct op ops[];
extern const int nops;
binop lookup(const char *name);
int fold(binop f, const int *v, int n, int init);

static int apply_twice(binop f, int a, int b) { return f(f(a, b), b); }

int main(void) {
  for (int i = 0; i < nops; i++)
    printf("%s(7,3)=%d\n", ops[i].name, ops[i].fn(7, 3));
  int v[] = {1, 2, 3, 4, 5};
  printf("fold add=%d\n", fold(lookup("add"), v, 5, 0));
  printf("fold mul=%d\n", fold(lookup("mul"), v, 5, 1));
  printf("twice sub=%d\n", apply_twice(lookup("sub"), 20, 6));
  printf("missing=%s\n", lookup("nope") ? "found" : "null");
  binop volatile p = lookup("max");
  printf("max via volatile=%d\n", p(-4, 9));
  return 0;
}
