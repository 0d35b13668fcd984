/* Reads and writes copy-relocated data: glibc's stdout and environ and
 * libcopy.so's libTable/libMessage. */
#include <stdio.h>
#include <string.h>

extern char **environ;
extern int libTable[8];
extern const char libMessage[];
int libSum(void);
int *libTableAddress(void);
const char *libMessageAddress(void);

int main(void) {
  int n = 0;
  for (char **e = environ; *e; e++)
    if (strncmp(*e, "DROPIN_", 7) == 0) {
      fprintf(stdout, "environ: %s\n", *e);
      n++;
    }
  fprintf(stdout, "environ has %d DROPIN_ entries\n", n);
  printf("sum before %d\n", libSum());
  libTable[2] = 100;
  printf("sum after store %d (lib sees the store: %s)\n", libSum(), libSum() == 133 ? "yes" : "NO");
  printf("same table: %s, same message: %s, %s\n", libTable == libTableAddress() ? "yes" : "NO",
         libMessage == libMessageAddress() ? "yes" : "NO", libMessage);
  fflush(stdout);
  return 0;
}
