/* A PIE with its own packed relative relocations, using the library's. */
#include <stdio.h>
long lib_sum(void);
const char *lib_word(int);
static const char *const mine[] = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine"};
int main(void) {
  printf("lib_sum=%ld word=%s mine=%s/%s\n", lib_sum(), lib_word(11), mine[0], mine[8]);
  return 0;
}
