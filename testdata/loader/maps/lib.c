/* libmaps: a RELRO area bigger than a page (const pointers, relocated at
   load time, then made read-only), data, and a .bss spanning pages. */
#define N 1024
static int target;
int *const relro_table[N] = {[0] = &target, [N - 1] = &target};
int data_value = 7;
char bss_area[3 * 4096 + 100];
int lib_check(void) {
  bss_area[sizeof bss_area - 1] = 1; /* the last .bss page is mapped and zeroed */
  return relro_table[0] == &target && relro_table[N - 1] == &target && data_value == 7 && bss_area[5000] == 0;
}
