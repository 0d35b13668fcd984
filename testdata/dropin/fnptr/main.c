/* Function-pointer equality across the executable and libfnptr.so; in a
 * non-PIE executable &libFunction is the canonical PLT entry. */
#include <stdio.h>

void libFunction(void);
void *libAddrOfLibFunction(void);
void *libAddrOfExeFunction(void);
void *libAddrOfPuts(void);
extern void (*const libTable[])(void);

void exeFunction(void) {}
void (*exeTable[])(void) = {libFunction, exeFunction};

static const char *same(const void *a, const void *b) { return a == b ? "equal" : "DIFFERENT"; }

int main(void) {
  printf("libFunction: %s\n", same((void *)libFunction, libAddrOfLibFunction()));
  printf("exeFunction: %s\n", same((void *)exeFunction, libAddrOfExeFunction()));
  printf("puts: %s\n", same((void *)puts, libAddrOfPuts()));
  printf("tables: %s %s\n", same((void *)exeTable[0], (void *)libTable[0]),
         same((void *)exeTable[1], (void *)libTable[1]));
  libTable[0]();
  exeTable[0]();
  return 0;
}
