#include <stdio.h>

extern char __ehdr_start[], _etext[], _end[];
int data_var = 5;

int main(void) {
  printf("__ehdr_start=%#lx\n", (unsigned long)__ehdr_start);
  printf("main above it: %d\n", (unsigned long)main > 0x2000000UL && (char *)main < _etext);
  printf("data above text: %d\n", (char *)&data_var > _etext && (char *)&data_var < _end);
  return 0;
}
