/* Weak undefined symbols in the executable: null when nothing defines
 * them, the library's definition when libweak.so has one. */
#include <stdio.h>

extern int missingFunction(void) __attribute__((weak));
extern int missingData __attribute__((weak));
extern int presentInLib(void) __attribute__((weak));
void libWeakReport(void);

int main(void) {
  printf("exe: missingFunction %s, &missingData %s\n", missingFunction ? "NON-NULL" : "null",
         &missingData ? "NON-NULL" : "null");
  printf("exe: presentInLib %s\n", presentInLib ? (presentInLib() == 77 ? "resolved" : "WRONG") : "NULL");
  libWeakReport();
  return 0;
}
