/* A correct program, linked against bad libraries by the failure cases. */
#include <stdio.h>

int main(void) {
  puts("should never be linked");
  return 0;
}
