/* The smallest glibc program: stdio buffers, exit flushing them. */
#include <stdio.h>

int main(int argc, char **argv) {
  puts("hello, world");
  printf("argc=%d\n", argc);
  return 0;
}
