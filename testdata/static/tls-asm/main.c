#include <stdio.h>

extern __thread long tls_init;
extern __thread char tls_zero[64];
char *addr_tpoff32(void), *addr_tpoff64(void), *addr_gottpoff(void);
long load_tpoff32(void);

int main(void) {
  printf("TPOFF32 address: %s\n", addr_tpoff32() == (char *)&tls_init ? "ok" : "BAD");
  printf("TPOFF32 load: %s\n", load_tpoff32() == 0x1122334455667788L ? "ok" : "BAD");
  printf("TPOFF64 address: %s\n", addr_tpoff64() == tls_zero ? "ok" : "BAD");
  printf("GOTTPOFF address: %s\n", addr_gottpoff() == tls_zero ? "ok" : "BAD");
  int nz = 0;
  for (int i = 0; i < 64; i++) nz += tls_zero[i] != 0;
  tls_zero[63] = 'q';
  printf("tbss zero: %d, write back: %c\n", nz == 0, addr_gottpoff()[63]);
  return 0;
}
