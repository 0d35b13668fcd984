#include <stdio.h>
int a_head(int);
int main(void) {
  printf("a_head(1)=%d\n", a_head(1));
  return 0;
}
