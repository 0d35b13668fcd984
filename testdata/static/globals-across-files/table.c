#include "globals.h"

int table[8] = {1, 2, 3, 4, 5, 6, 7, 8};
struct point origin = {0, 0, "origin"};
struct point *current = &origin;

int table_sum(void) {
  int s = 0;
  for (int i = 0; i < 8; i++)
    s += table[i];
  return s;
}

void move_current(int dx, int dy) {
  current->x += dx;
  current->y += dy;
}
