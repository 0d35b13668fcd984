#include <stdio.h>
int r1(int);
int main(void) {
  printf("r1(1)=%d\n", r1(1));
  return 0;
}
