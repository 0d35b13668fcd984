/* ifunc.c: GNU indirect functions in a static program: the start code
 * must run each resolver (IRELATIVE) before main, in static and static-pie
 * executables alike, and calls then reach the chosen implementation. */
#include <stdio.h>

static int resolverCalls;
static int viaSquare(int x) { return x * x; }
static int viaDouble(int x) { return x + x; }
static const char *greetingImpl(void) { return "resolved greeting"; }

static int (*pickCompute(void))(int) {
  ++resolverCalls;
  return resolverCalls > 0 ? viaSquare : viaDouble;
}
static const char *(*pickGreeting(void))(void) { return greetingImpl; }

int compute(int) __attribute__((ifunc("pickCompute")));
const char *greeting(void) __attribute__((ifunc("pickGreeting")));

/* Taking the address also goes through the resolved value. */
int (*const computePtr)(int) = compute;

int main(void) {
  printf("compute(7)=%d via pointer=%d %s calls=%d\n", compute(7), computePtr(5),
         greeting(), resolverCalls > 0);
  return 0;
}
