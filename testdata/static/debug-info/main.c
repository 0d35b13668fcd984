#include <stdio.h>

int add_numbers(int a, int b);

int main(void) {
  int total = 0;
  for (int i = 1; i <= 10; i++)
    total = add_numbers(total, i);
  printf("total=%d\n", total);
  return 0;
}
