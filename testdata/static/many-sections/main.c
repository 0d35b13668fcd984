#include <stdio.h>

extern int (*const table_a[512])(int), (*const table_b[512])(int);
extern int *const data_a[512], *const data_b[512];

int main(void) {
  long sum_a = 0, sum_b = 0, data = 0;
  for (int i = 0; i < 512; i++) {
    sum_a += table_a[i](i);
    sum_b += table_b[i](i);
    data += *data_a[i] + *data_b[i];
  }
  printf("sum_a=%ld sum_b=%ld data=%ld\n", sum_a, sum_b, data);
  printf("first=%d last=%d\n", table_a[0](1), table_b[511](1));
  return 0;
}
