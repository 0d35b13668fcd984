#include <stdio.h>
int high_last(int);
int main(void) {
  printf("high_last(2)=%d\n", high_last(2));
  return 0;
}
