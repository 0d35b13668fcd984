/* coroutines.c: the seed article's 4.2 "switching the execution unit is
 * switching %rsp", with the runtime's own switch (mldc_swapcontext, see
 * runtime/include/mldc-context.h). Two coroutines, ping and pong, run on
 * stacks of their own, mmap'd with a PROT_NONE guard page below each (the
 * page that turns a stack overflow into SIGSEGV), and hand the CPU to each
 * other three times; when ping returns, its link context (main) resumes. */
#include <stdint.h>
#include <stdio.h>
#include <sys/mman.h>

#include "mldc-context.h"

#define STACK_SIZE (64 * 1024)
#define PAGE 4096

static mldc_context mainContext, pingContext, pongContext;
static char *stackA, *stackB;

static const char *whichStack(void *p) {
  char *c = p;
  if (c >= stackA + PAGE && c < stackA + STACK_SIZE) return "A";
  if (c >= stackB + PAGE && c < stackB + STACK_SIZE) return "B";
  return "main's";
}

static void ping(void *arg) {
  int local;
  for (int i = 1; i <= 3; ++i) {
    printf("ping %d: a local at %p, on stack %s\n", i, (void *)&local, whichStack(&local));
    mldc_swapcontext(&pingContext, &pongContext);
  }
}

static void pong(void *arg) {
  int local;
  for (int i = 1;; ++i) {
    printf("pong %d: a local at %p, on stack %s; ping's saved rsp %p is on stack %s\n", i,
           (void *)&local, whichStack(&local), pingContext.sp, whichStack(pingContext.sp));
    mldc_swapcontext(&pongContext, &pingContext);
  }
}

static char *newStack(void) {
  char *s = mmap(NULL, STACK_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (s == MAP_FAILED) return NULL;
  mprotect(s, PAGE, PROT_NONE); /* the guard page: stacks grow down into it */
  return s;
}

int main(void) {
  int local;
  stackA = newStack();
  stackB = newStack();
  if (stackA == NULL || stackB == NULL) return 1;
  printf("stack A: %p-%p (guard page %p-%p)\n", (void *)(stackA + PAGE),
         (void *)(stackA + STACK_SIZE), (void *)stackA, (void *)(stackA + PAGE));
  printf("stack B: %p-%p (guard page %p-%p)\n", (void *)(stackB + PAGE),
         (void *)(stackB + STACK_SIZE), (void *)stackB, (void *)(stackB + PAGE));
  mldc_makecontext(&pingContext, stackA + PAGE, STACK_SIZE - PAGE, ping, NULL, &mainContext);
  mldc_makecontext(&pongContext, stackB + PAGE, STACK_SIZE - PAGE, pong, NULL, &mainContext);
  printf("main: a local at %p, switching to ping\n", (void *)&local);
  mldc_swapcontext(&mainContext, &pingContext);
  printf("main: ping returned, back on %s stack\n", whichStack(&local));
  return 0;
}
