/* Calls target() twice through the PLT and looks at its own .got.plt
   (slot 3+n for PLT entry n, n < DT_PLTRELSZ / 24) before and after:
   under lazy binding no slot holds target's address before the first
   call, and exactly one does after it. */
#include <elf.h>
#include <stdio.h>
extern Elf64_Dyn _DYNAMIC[];
extern const char __ehdr_start[]; /* the PIE's load address */
int target(int);
unsigned long target_address(void);
static unsigned long *gotPlt(unsigned long *count) {
  unsigned long pltgot = 0;
  for (Elf64_Dyn *d = _DYNAMIC; d->d_tag != DT_NULL; ++d) {
    if (d->d_tag == DT_PLTRELSZ) *count = d->d_un.d_val / sizeof(Elf64_Rela);
    if (d->d_tag == DT_PLTGOT) pltgot = d->d_un.d_ptr;
  }
  return (unsigned long *)(__ehdr_start + pltgot);
}
static int slotHolding(unsigned long fn) {
  unsigned long n = 0, *got = gotPlt(&n);
  for (unsigned long i = 0; i < n; ++i)
    if (got[3 + i] == fn) return (int)i;
  return -1;
}
int main(void) {
  unsigned long fn = target_address();
  printf("target=%#lx\n", fn);
  printf("before: slot %d\n", slotHolding(fn));
  int r = target(3) + target(4);
  printf("after: slot %d, result %d\n", slotHolding(fn), r);
  unsigned long n;
  printf("slot address=%#lx\n", (unsigned long)&gotPlt(&n)[3 + slotHolding(fn)]);
  return 0;
}
