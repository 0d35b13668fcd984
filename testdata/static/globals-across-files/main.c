#include <stdio.h>
#include "globals.h"

int counter = 10;
const char *greeting = "hello from main.c";

int main(void) {
  printf("%s\n", greeting);
  printf("counter=%d big_total=%ld\n", counter, big_total);
  bump(5);
  bump(7);
  printf("counter=%d big_total=%ld\n", counter, big_total);
  for (int i = 0; i < 8; i++)
    table[i] += counter;
  printf("table_sum=%d\n", table_sum());
  printf("origin=(%d,%d,%s)\n", origin.x, origin.y, origin.name);
  move_current(3, -4);
  move_current(1, 1);
  printf("origin=(%d,%d,%s) current==&origin:%d\n", origin.x, origin.y,
         current->name, current == &origin);
  return 0;
}
