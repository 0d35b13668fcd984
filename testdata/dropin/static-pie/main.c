/* A -static-pie program: the first line is the run-time address of main
 * (it must change between runs under ASLR); the rest checks that pointers
 * stored in data (R_X86_64_RELATIVE) and IFUNCs were relocated. */
#include <stdio.h>
#include <string.h>

static int target = 1234;
int *pointerToTarget = &target;
const char *strings[] = {"one", "two", "three"};
static int add(int a, int b) { return a + b; }
int (*const operation)(int, int) = add;

int main(void) {
  printf("main at %p\n", (void *)main);
  printf("pointer in data ok: %d value %d\n", pointerToTarget == &target, *pointerToTarget);
  printf("strings: %s %s %s\n", strings[0], strings[1], strings[2]);
  printf("function pointer in data: %d\n", operation(40, 2));
  char buf[4096];
  memset(buf, 'x', sizeof buf - 1);
  buf[sizeof buf - 1] = 0;
  volatile size_t n = sizeof buf;
  char copy[4096];
  memcpy(copy, buf, n);
  printf("ifunc strlen: %zu\n", strlen(copy));
  return 0;
}
