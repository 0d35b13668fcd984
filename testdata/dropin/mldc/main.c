/* Runs on the mld runtime's libmldc.so instead of glibc, under glibc's
 * ld.so: printf, puts, strings and malloc from the runtime. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
  char *s = malloc(32);
  strcpy(s, "runtime");
  strcat(s, " libc");
  printf("hello from %s: %zu chars, argc=%d\n", s, strlen(s), argc);
  puts(getenv("DROPIN_A") ? getenv("DROPIN_A") : "no DROPIN_A");
  free(s);
  return 0;
}
