#include <stdio.h>

__thread int tls_counter = 41;
__thread long tls_array[4] = {10, 20, 30, 40};
__thread char tls_zeroed[200];
__thread int tls_bss_int;

int other_read(void);
void other_write(int);
int *other_addr(void);

int main(void) {
  tls_counter++;
  printf("tls_counter=%d\n", tls_counter);
  long s = 0;
  for (int i = 0; i < 4; i++) s += tls_array[i];
  printf("tls_array sum=%ld\n", s);
  int nz = 0;
  for (int i = 0; i < 200; i++) nz += tls_zeroed[i] != 0;
  printf("tls_zeroed nonzero=%d tls_bss_int=%d\n", nz, tls_bss_int);
  tls_zeroed[199] = 'z';
  tls_bss_int = 5;
  printf("other_read=%d\n", other_read());
  other_write(1234);
  printf("other_read=%d\n", other_read());
  printf("address agrees=%d\n", other_addr() == other_addr());
  printf("tls_zeroed[199]=%c tls_bss_int=%d\n", tls_zeroed[199], tls_bss_int);
  return 0;
}
