#include <stdio.h>
const char *special_name(void);
int main(void) {
  printf("special: %s\n", special_name());
  return 0;
}
