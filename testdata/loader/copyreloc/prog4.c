/* Reads and writes a library's ints through COPY relocations. */
#include <stdio.h>
extern int lib_int, lib_int2;
int lib_get_int(void);
int main(void) {
  lib_int += 1;
  lib_int2 += 2;
  printf("lib_int=%d lib_int2=%d library sees %d\n", lib_int, lib_int2, lib_get_int());
  return 0;
}
