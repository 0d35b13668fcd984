/* Compiled with -flto: the object holds GIMPLE bytecode, not machine code,
 * which mld cannot link; it must say so instead of failing obscurely. */
#include <stdio.h>

int main(void) {
  puts("this object is LTO bytecode");
  return 0;
}
