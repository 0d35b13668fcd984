#include <stdio.h>

static char big_bss[3 * 1024 * 1024];
long mid_bss[10000];
extern int big_data[5000];
extern char after_data[];

int main(void) {
  long nonzero = 0;
  for (unsigned i = 0; i < sizeof big_bss; i++) nonzero += big_bss[i] != 0;
  for (int i = 0; i < 10000; i++) nonzero += mid_bss[i] != 0;
  printf("nonzero bss bytes=%ld\n", nonzero);
  for (unsigned i = 0; i < sizeof big_bss; i += 4096) big_bss[i] = (char)(i >> 12);
  long s = 0;
  for (unsigned i = 0; i < sizeof big_bss; i += 4096) s += big_bss[i];
  printf("page-stride sum=%ld\n", s);
  long d = 0;
  for (int i = 0; i < 5000; i++) d += big_data[i];
  printf("big_data sum=%ld first=%d last=%d\n", d, big_data[0], big_data[4999]);
  printf("after_data=%s\n", after_data);
  mid_bss[9999] = 5;
  printf("mid_bss last=%ld\n", mid_bss[9999]);
  return 0;
}
