#include <stdio.h>
#include <stdlib.h>

void work(int depth) {
  printf(" %d", depth);
  if (depth == 0) {
    printf("\n");
    exit(42);
  }
  work(depth - 1);
}
