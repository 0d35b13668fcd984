#include <stdio.h>

int one_entry(int);
int two_entry(int);

static int helper(int x) { return x * 100; }
static int calls;

int main(void) {
  calls++;
  printf("main helper: %d\n", helper(1));
  printf("one: %d\n", one_entry(2));
  printf("two: %d\n", two_entry(3));
  printf("one: %d\n", one_entry(4));
  printf("main calls: %d\n", calls);
  return 0;
}
