/* setjmp/longjmp (and sigsetjmp/siglongjmp) unwinding several frames; the
 * glibc pointer-mangling guard must be set up by the start code. */
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>

static jmp_buf env;
static sigjmp_buf senv;
static int depth;

static void dive(int n) {
  depth = n;
  if (n == 5) longjmp(env, n * 11);
  dive(n + 1);
}

static void onSignal(int sig) { siglongjmp(senv, sig); }

int main(void) {
  volatile int rounds = 0;
  int r = setjmp(env);
  if (r == 0) {
    dive(0);
    puts("not reached");
  }
  printf("longjmp returned %d at depth %d\n", r, depth);
  r = setjmp(env);
  if (++rounds < 3) longjmp(env, 0);
  printf("setjmp after longjmp(0) gives %d, rounds=%d\n", r, rounds);

  signal(SIGUSR1, onSignal);
  int s = sigsetjmp(senv, 1);
  if (s == 0) {
    raise(SIGUSR1);
    puts("not reached");
  }
  printf("siglongjmp from handler: %d\n", s == SIGUSR1);
  return 0;
}
