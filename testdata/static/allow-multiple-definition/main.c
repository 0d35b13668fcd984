#include <stdio.h>
const char *which(void);
extern int version;
const char *second_only(void);
int main(void) {
  printf("which=%s version=%d second_only=%s\n", which(), version, second_only());
  return 0;
}
