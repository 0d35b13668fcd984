#include <stdio.h>
int total(void);
int main(void) {
  printf("%d\n", total());
  return 0;
}
