#include <stdio.h>

int used_function(int);

int main(void) {
  printf("used_function(4)=%d\n", used_function(4));
  return 0;
}
