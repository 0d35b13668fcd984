/* Calls leaf() through middle(): bt must show leaf, middle and main with
 * their files and lines. */
#include <stdio.h>

int leaf(int x);

static int middle(int x) { return leaf(x + 1) * 3; }

int main(void) {
  printf("result %d\n", middle(20));
  return 0;
}
