#include <stdio.h>

int shared_buf[4];
long shared_scalar;
int configured;

void fill_large(void);
int large_last(void);
int sum_small(void);

int main(void) {
  shared_scalar = 3;
  fill_large();
  shared_buf[1] = 1000;
  printf("sum_small=%d\n", sum_small());
  printf("shared_buf[0]=%d last=%d\n", shared_buf[0], large_last());
  printf("configured=%d shared_scalar=%ld\n", configured, shared_scalar);
  return 0;
}
