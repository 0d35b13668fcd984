/* Calls the program's own IFUNC directly, through a pointer stored in data
 * and through its address taken in another object; then (unless given an
 * argument) says whether all those addresses are the same. ld.bfd makes
 * them equal in static and non-PIE links, not in a PIE. */
#include <stdio.h>

int addOne(int x);
void *addrOfAddOneHere(void);
int (*stored)(int) = addOne;

int main(int argc, char **argv) {
  int (*other)(int) = (int (*)(int))addrOfAddOneHere();
  printf("direct %d, stored pointer %d, pointer from ifunc.c %d\n", addOne(41), stored(41), other(41));
  if (argc > 1) return 0;
  printf("address canonical: %s\n",
         (void *)addOne == (void *)other && (void *)stored == (void *)addOne ? "yes" : "NO");
  return 0;
}
