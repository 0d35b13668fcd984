/* assert-fail.c: a failing assert() prints glibc's exact message on
 * stderr and aborts (SIGABRT); stdout written before stays unflushed and
 * is lost in both libcs; perror's text is checked too. */
#include <assert.h>
#include <errno.h>
#include <stdio.h>

static int check(int v) {
  assert(v > 0);
  return v;
}

int main(int argc, char **argv) {
  errno = 2;
  perror("perror prefix");
  fprintf(stderr, "before assert %d\n", check(argc));
  printf("lost: stdout is a pipe, so this is still buffered at abort\n");
  return check(argc - 3);
}
