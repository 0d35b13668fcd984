#include <stdio.h>
#include <stdlib.h>

void work(int depth);
static void first_registered(void) { puts("atexit: first registered, runs last"); }
static void second_registered(void) { puts("atexit: second registered, runs first"); }

int main(void) {
  atexit(first_registered);
  atexit(second_registered);
  printf("working");
  work(3);
  puts("not reached");
  return 0;
}
