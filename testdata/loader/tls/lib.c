/* libtls: TLS accessed with the general-dynamic model (__tls_get_addr,
   DTPMOD64/DTPOFF64), plus an initialised pointer in .tdata. */
#include <stdio.h>
__thread int lib_counter = 42;
__thread char lib_name[16] = "libtls";
__thread long lib_zero[8];
static __thread int hidden_tls = 5;
static int plain_global = 9;
__thread int *lib_self = &plain_global; /* RELATIVE relocation in .tdata */
int *lib_counter_addr(void) { return &lib_counter; }
void lib_tls_report(void) {
  lib_counter++;
  hidden_tls *= 3;
  printf("lib: counter=%d name=%s zero=%ld hidden=%d self-ok=%d\n", lib_counter, lib_name, lib_zero[7],
         hidden_tls, lib_self == &plain_global && *lib_self == 9);
}
