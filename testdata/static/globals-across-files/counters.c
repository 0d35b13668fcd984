#include "globals.h"

long big_total = 1000000000000L;

void bump(int by) {
  counter += by;
  big_total += (long)by * 1000;
}
