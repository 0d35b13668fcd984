/* The program calls a library IFUNC through its PLT, compares a pointer to
   it, and has a local IFUNC of its own (IRELATIVE in the program). */
#include <stdio.h>
int pick(void);
int call_local(void);
static int mine_impl(void) { return 7; }
static void *resolve_mine(void) { return mine_impl; }
static int mine(void) __attribute__((ifunc("resolve_mine")));
int main(void) {
  int (*volatile p)(void) = pick;
  printf("pick=%d via pointer=%d call_local=%d mine=%d\n", pick(), p(), call_local(), mine());
  return 0;
}
