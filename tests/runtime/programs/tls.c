/* tls.c: __thread variables (initialised .tdata, zeroed .tbss, an
 * over-aligned one, arrays) read and written through the local-exec and
 * initial-exec models; the start code must have built the TLS block. */
#include <stdint.h>
#include <stdio.h>

__thread int counter = 42;
__thread long big[8] = {1, 2, 3, 4, 5, 6, 7, 8};
__thread char zeroed[100];
__thread int aligned64 __attribute__((aligned(64))) = 7;
__thread const char *name = "tls-string";
static __thread int hidden = -3;

__attribute__((noinline)) int *counterAddress(void) { return &counter; }

int main(void) {
  printf("%d %ld %ld %d %d %s %d\n", counter, big[0], big[7], zeroed[50],
         aligned64, name, hidden);
  long sum = 0;
  for (int i = 0; i < 8; ++i) sum += big[i];
  int allZero = 1;
  for (int i = 0; i < 100; ++i) allZero &= zeroed[i] == 0;
  printf("sum=%ld allZero=%d aligned=%d\n", sum, allZero,
         (int)((uintptr_t)&aligned64 % 64 == 0));
  *counterAddress() += 8;
  counter *= 2;
  zeroed[99] = 'z';
  hidden += 10;
  big[3] = 400;
  printf("%d %c %d %ld\n", counter, zeroed[99], hidden, big[3]);
  return 0;
}
