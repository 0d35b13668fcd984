/* libdropc.so: functions calling libc/libm through the library's own PLT,
 * exported data, a constructor, and an internal call to a global function
 * (preemptible, so it goes through the PLT too). */
#include <math.h>
#include <stdio.h>

#include "lib.h"

int dropcCalls;
const char *dropcName = "libdropc";
static int initialised;

__attribute__((constructor)) static void init(void) { initialised = 1; }

int dropcAdd(int a, int b) {
  dropcCalls++;
  return a + b;
}

double dropcHypot(double a, double b) {
  dropcCalls++;
  return sqrt(a * a + b * b);
}

void dropcReport(const char *who) {
  printf("%s: %s called %d times, constructor ran %d, add(2,3)=%d\n", who, dropcName,
         dropcCalls, initialised, dropcAdd(2, 3));
}
