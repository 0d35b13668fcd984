#include <stdio.h>
#include <string.h>
#include "rec.h"

extern const struct rec __start_mysec[], __stop_mysec[];

RECORD(alpha, 1);
RECORD(bravo, 20);

int main(void) {
  long n = __stop_mysec - __start_mysec;
  printf("records=%ld bytes=%ld\n", n, (long)((const char *)__stop_mysec - (const char *)__start_mysec));
  const struct rec *sorted[16];
  for (long i = 0; i < n && i < 16; i++) sorted[i] = &__start_mysec[i];
  for (long i = 0; i < n; i++)
    for (long j = i + 1; j < n; j++)
      if (strcmp(sorted[j]->name, sorted[i]->name) < 0) { const struct rec *t = sorted[i]; sorted[i] = sorted[j]; sorted[j] = t; }
  long sum = 0;
  for (long i = 0; i < n; i++) {
    printf("%s=%ld\n", sorted[i]->name, sorted[i]->value);
    sum += sorted[i]->value;
  }
  printf("sum=%ld\n", sum);
  return 0;
}
