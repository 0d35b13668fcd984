/* A program with no dynamic dependencies: mload maps it and jumps to it;
   its own start code (libmldc.a) sets up TLS and, as a static PIE,
   relocates itself. */
#include <stdio.h>
__thread int counter = 4;
static const char *greeting = "static"; /* RELATIVE relocation in a static PIE */
int main(int argc, char **argv) {
  counter += argc;
  printf("%s argc=%d argv[1]=%s counter=%d\n", greeting, argc, argc > 1 ? argv[1] : "-", counter);
  return 5;
}
