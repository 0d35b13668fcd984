/* Deep recursion across two libraries through lazy PLTs, with a function
   whose first call (and so its binding) happens deep in the recursion. */
#include <stdio.h>
#include <unistd.h>
long ping(long n, long acc);
int main(void) {
  static const char msg[] = "marker: recursion starts\n";
  write(2, msg, sizeof msg - 1);
  printf("result=%ld\n", ping(20000, 0));
  printf("again=%ld\n", ping(10, 0));
  return 0;
}
