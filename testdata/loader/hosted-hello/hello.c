#define _GNU_SOURCE
/* A plain glibc program: printf and puts bound lazily by mload, through
   mload-hosted; its exit status and its argv are its own. */
#include <stdio.h>
#include <stdlib.h>
#include <errno.h>
#include <string.h>
int main(int argc, char **argv) {
  printf("hello from %s with %d argument(s)\n", argv[0], argc - 1);
  for (int i = 1; i < argc; ++i) printf("argv[%d]=%s\n", i, argv[i]);
  puts("puts works");
  /* glibc's idea of the program's name is the program's, not the loader's. */
  printf("program_invocation_short_name=%s\n", program_invocation_short_name);
  fprintf(stderr, "to stderr: %s\n", strerror(ENOENT));
  return argc + 40;
}
