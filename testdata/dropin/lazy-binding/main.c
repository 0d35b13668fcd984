/* Writes a marker to stderr (where LD_DEBUG=bindings also writes, both
 * unbuffered, so the order is the order of events), then calls strtol
 * (libc) and lazyLibValue (liblazy.so) twice each: the first call binds,
 * the second must go straight through the updated GOT slot. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int lazyLibValue(const char *s);

int main(void) {
  static const char marker[] = "DROPIN-MARKER: first calls follow\n";
  if (write(2, marker, sizeof marker - 1) < 0) return 1;
  long a = strtol("40", NULL, 10);
  int b = lazyLibValue("10");
  a += strtol("2", NULL, 10);
  b += lazyLibValue("6");
  printf("strtol %ld lazyLibValue %d\n", a, b);
  return 0;
}
