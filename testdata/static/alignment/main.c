#include <stdio.h>
#include <stdint.h>

char pad_data = 1;
__attribute__((aligned(4096))) int page_data[10] = {1, 2, 3};
char pad_bss;
__attribute__((aligned(8192))) char big_bss_aligned[100];
__attribute__((aligned(64))) const char cache_line_ro[5] = "ro64";
__attribute__((aligned(256))) void aligned_fn(void) {}

extern char other_data64[], other_bss4096[];
extern const char other_ro128[];
void other_fn(void);

static int aligned(const void *p, uintptr_t a) { return (uintptr_t)p % a == 0; }

int main(void) {
  printf("page_data 4096: %d (%d)\n", aligned(page_data, 4096), page_data[2]);
  printf("big_bss_aligned 8192: %d\n", aligned(big_bss_aligned, 8192));
  printf("cache_line_ro 64: %d (%s)\n", aligned(cache_line_ro, 64), cache_line_ro);
  printf("aligned_fn 256: %d\n", aligned((const void *)aligned_fn, 256));
  printf("other_data64 64: %d (%s)\n", aligned(other_data64, 64), other_data64);
  printf("other_bss4096 4096: %d\n", aligned(other_bss4096, 4096));
  printf("other_ro128 128: %d (%s)\n", aligned(other_ro128, 128), other_ro128);
  printf("other_fn 32: %d\n", aligned((const void *)other_fn, 32));
  return 0;
}
