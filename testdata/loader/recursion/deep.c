/* libdeep: only ever called at depth, so bound lazily deep in recursion. */
#include <stdio.h>
#include <unistd.h>
void deep_hello(long depth) {
  printf("deep_hello at n=%ld\n", depth);
  static const char msg[] = "marker: deep_hello running\n";
  write(2, msg, sizeof msg - 1);
}
