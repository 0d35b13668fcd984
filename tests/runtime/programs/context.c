/* context.c: mldc-only check of the runtime's stack switch
 * (mldc_makecontext/mldc_swapcontext, runtime/libc/context.S), compared
 * with context.expected: a coroutine runs on its own stack with %rsp
 * 16-byte aligned as the psABI requires at a call, values in callee-saved
 * registers survive switches in both directions, many switches keep
 * working, deep recursion on the coroutine stack works, and when the
 * coroutine's function returns its link context resumes. */
#include <stdint.h>
#include <stdio.h>
#include <sys/mman.h>

#include "mldc-context.h"

#define STACK_SIZE (256 * 1024)

static mldc_context mainContext, coContext;
static char *stack;
static int failures;
static uintptr_t spAtEntry;
static long switches;
static volatile int done;

static void expect(int cond, const char *what) {
  printf("%s %s\n", cond ? "ok" : "FAIL", what);
  failures += !cond;
}

static int depth(int n) {
  volatile char pad[64];
  pad[0] = (char)n;
  return n == 0 ? pad[0] : depth(n - 1) + 1;
}

/* __attribute__((noinline)) and the asm barrier keep the values in
   callee-saved registers across the switch instead of in memory. */
static void coroutine(void *arg) {
  spAtEntry = (uintptr_t)__builtin_frame_address(0);
  register long a asm("rbx") = (long)arg;
  register long b asm("r12") = 12;
  register long c asm("r15") = 15;
  for (int i = 0; i < 100000; ++i) {
    asm volatile("" : "+r"(a), "+r"(b), "+r"(c));
    ++switches;
    mldc_swapcontext(&coContext, &mainContext);
    asm volatile("" : "+r"(a), "+r"(b), "+r"(c));
    if (a != (long)arg || b != 12 || c != 15) {
      expect(0, "callee-saved registers survive in the coroutine");
      return;
    }
  }
  expect(depth(1000) == 1000, "deep recursion runs on the coroutine's stack");
  done = 1;
}

int main(void) {
  stack = mmap(NULL, STACK_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  mldc_makecontext(&coContext, stack, STACK_SIZE, coroutine, (void *)42, &mainContext);
  register long x asm("r13") = 13;
  register long y asm("r14") = 14;
  long rounds = 0;
  while (!done) {
    asm volatile("" : "+r"(x), "+r"(y));
    mldc_swapcontext(&mainContext, &coContext);
    asm volatile("" : "+r"(x), "+r"(y));
    ++rounds;
    if (rounds == 1)
      expect(spAtEntry > (uintptr_t)stack && spAtEntry <= (uintptr_t)stack + STACK_SIZE,
             "the coroutine runs on its own stack");
  }
  expect(x == 13 && y == 14, "callee-saved registers survive in main");
  expect(rounds == 100001, "100000 switches and back, then the function's return resumes main");
  expect(spAtEntry % 16 == 0, "the frame address at entry is 16-byte aligned");
  return failures;
}
