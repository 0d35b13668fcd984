/* glibc conventions a program relies on, under mload's hosted mode:
   getopt (optind/optarg/opterr are the program's COPY-relocated copies,
   which glibc must use too), setenv/getenv/environ, qsort calling back into
   the program, atexit and destructor order, signals with siglongjmp, an
   IFUNC in the program, symbol versions from a library. */
#define _GNU_SOURCE
#include <errno.h>
#include <getopt.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern char **environ;
int ver_func(void); /* libver: the default version, VER_2 */
int ver_old(void);  /* libver: calls the VER_1 one through a .symver */

static int cmp(const void *a, const void *b) { return *(const int *)a - *(const int *)b; }

static sigjmp_buf jump;
static void onSignal(int sig) { siglongjmp(jump, sig); }

static int impl_a(void) { return 11; }
static int impl_b(void) { return 22; }
/* Resolved while the program is relocated, before glibc is initialised
   under ld.so: the resolver may only look at what it is given. */
static int (*resolve_pick(void))(void) { return sizeof(long) == 8 ? impl_b : impl_a; }
int pick(void) __attribute__((ifunc("resolve_pick")));

static void atexit1(void) { puts("atexit 1 (registered first, runs last of the two)"); }
static void atexit2(void) { puts("atexit 2"); }
__attribute__((destructor)) static void dtor(void) { puts("destructor"); }

int main(int argc, char **argv) {
  int opt, verbose = 0;
  const char *name = "none";
  opterr = 0;
  while ((opt = getopt(argc, argv, "vn:")) != -1) {
    if (opt == 'v') ++verbose;
    else if (opt == 'n') name = optarg;
    else printf("unknown option -%c\n", optopt);
  }
  printf("verbose=%d name=%s optind=%d rest=%s\n", verbose, name, optind, optind < argc ? argv[optind] : "-");

  setenv("MLOAD_TEST_VAR", "set by setenv", 1);
  printf("getenv: %s\n", getenv("MLOAD_TEST_VAR"));
  int found = 0;
  for (char **e = environ; *e; ++e) found |= strcmp(*e, "MLOAD_TEST_VAR=set by setenv") == 0;
  printf("environ sees it: %d\n", found);
  unsetenv("MLOAD_TEST_VAR");
  printf("after unsetenv: %s\n", getenv("MLOAD_TEST_VAR") ? "still there" : "gone");

  int v[] = {5, 3, 9, 1, 7};
  qsort(v, 5, sizeof(int), cmp);
  printf("qsort: %d %d %d %d %d\n", v[0], v[1], v[2], v[3], v[4]);

  signal(SIGUSR1, onSignal);
  int sig = sigsetjmp(jump, 1);
  if (sig == 0) {
    raise(SIGUSR1);
    puts("not reached");
  } else {
    printf("siglongjmp back from signal %d\n", sig);
  }

  printf("ifunc pick() = %d\n", pick());
  printf("versions: default %d, old %d\n", ver_func(), ver_old());
  char *dup = strdup("strdup'ed");
  printf("%s\n", dup);
  free(dup);
  atexit(atexit1);
  atexit(atexit2);
  fflush(stdout);
  fprintf(stderr, "%s: a message naming the program\n", program_invocation_short_name);
  return 5;
}
