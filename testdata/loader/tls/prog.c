/* The program's own TLS (local-exec), a 64-byte-aligned TLS variable, and
   the library's TLS through initial-exec (TPOFF64 in the program's GOT). */
#include <stdint.h>
#include <stdio.h>
__thread int exe_value = 7;
__thread long exe_bss;
__thread __attribute__((aligned(64))) char exe_aligned[8] = "align";
extern __thread int lib_counter;
int *lib_counter_addr(void);
void lib_tls_report(void);
int main(void) {
  printf("exe: value=%d bss=%ld aligned=%s at 64-byte boundary: %d\n", exe_value, exe_bss, exe_aligned,
         (int)((uintptr_t)exe_aligned % 64 == 0));
  exe_value += 100;
  printf("exe: lib_counter=%d same address as the library's: %d\n", lib_counter,
         &lib_counter == lib_counter_addr());
  lib_tls_report();
  lib_counter += 10;
  lib_tls_report();
  printf("exe: value=%d lib_counter=%d\n", exe_value, lib_counter);
  return 0;
}
