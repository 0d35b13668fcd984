/* Uses libdropc.so: functions, a data symbol (COPY in the executable), and
 * libc; both the executable and the library are linked by the same linker. */
#include <stdio.h>

#include "lib.h"

int main(void) {
  int s = 0;
  for (int i = 0; i < 10; i++) s = dropcAdd(s, i);
  printf("sum %d hypot %.3f calls %d name %s\n", s, dropcHypot(3, 4), dropcCalls, dropcName);
  dropcReport("main");
  return 0;
}
