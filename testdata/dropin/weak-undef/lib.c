/* libweak.so: weak undefined references inside a shared object resolve to
 * null; presentInLib is defined here for the executable's weak reference. */
#include <stdio.h>

extern int missingFunction(void) __attribute__((weak));
extern int missingData __attribute__((weak));

int presentInLib(void) { return 77; }

void libWeakReport(void) {
  printf("lib: missingFunction %s, &missingData %s\n", missingFunction ? "NON-NULL" : "null",
         &missingData ? "NON-NULL" : "null");
}
