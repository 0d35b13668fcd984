#include <stdio.h>

extern int calls;

int greet(const char *who) {
  calls++;
  printf("hello, %s\n", who);
  return 2;
}
