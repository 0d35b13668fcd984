#include <stdio.h>

const char *from_a(void);
const char *from_b(void);
const char *tail_a(void);

int main(void) {
  const char *m = "the very same literal in three translation units";
  puts(m);
  puts(from_a());
  puts(from_b());
  puts(tail_a());
  puts("tail-shared literal");
  return 0;
}
