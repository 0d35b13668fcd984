#include <stdio.h>

long get_big_abs_got(void), get_weak_got(void);
unsigned get_big_abs_got32(void);

int main(void) {
  printf("REX_GOTPCRELX big_abs: %#lx\n", get_big_abs_got());
  printf("GOTPCRELX big_abs low half: %#x\n", get_big_abs_got32());
  printf("GOTPCREL weak undefined: %ld\n", get_weak_got());
  return 0;
}
