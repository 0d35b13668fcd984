/* A static glibc program: it relocates itself (static-pie), sets up its own
   TLS and runs its own initialisers; mload maps it and enters it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static __thread int counter = 5;
__attribute__((constructor)) static void init(void) { puts("constructor"); }
__attribute__((destructor)) static void fini(void) { puts("destructor"); }
int main(int argc, char **argv) {
  char *copy = strdup(argv[argc - 1]);
  counter += argc;
  printf("static: argc=%d last=%s counter=%d env HOME set=%d\n", argc, copy, counter, getenv("HOME") != NULL);
  free(copy);
  return 7;
}
