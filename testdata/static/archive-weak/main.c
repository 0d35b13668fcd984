#include <stdio.h>

extern void optional_feature(void) __attribute__((weak));
__attribute__((weak)) int level = 1;
int needed_function(int);

int main(void) {
  printf("optional_feature: %s\n", optional_feature ? "linked" : "not linked");
  printf("level=%d\n", level);
  printf("needed_function(2)=%d\n", needed_function(2));
  return 0;
}
