#include <string.h>

typedef int (*binop)(int, int);
struct op { const char *name; binop fn; };

static int add(int a, int b) { return a + b; }
static int sub(int a, int b) { return a - b; }
static int mul(int a, int b) { return a * b; }
int max(int a, int b) { return a > b ? a : b; }

const struct op ops[] = {{"add", add}, {"sub", sub}, {"mul", mul}, {"max", max}};
const int nops = sizeof ops / sizeof ops[0];

binop lookup(const char *name) {
  for (int i = 0; i < nops; i++)
    if (strcmp(ops[i].name, name) == 0)
      return ops[i].fn;
  return 0;
}

int fold(binop f, const int *v, int n, int init) {
  for (int i = 0; i < n; i++)
    init = f(init, v[i]);
  return init;
}
