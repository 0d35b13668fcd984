/* --wrap=target: main's call to target goes to __wrap_target, which calls
 * the real one through __real_target. With both files in LTO IR, gcc binds
 * main's call inside the IR (GNU ld 2.40 behaves the same): see
 * lto-cases.sh, case_wrap_with_lto. */
#include <stdio.h>
int target(int x);
int __real_target(int x);
int __wrap_target(int x) { return __real_target(x) * 10; }
int main(void) {
  printf("target(4)=%d\n", target(4));
  return 0;
}
