#include <stdio.h>
int thin_used(int);
int main(void) {
  printf("thin_used(5)=%d\n", thin_used(5));
  return 0;
}
