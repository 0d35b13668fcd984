/* prog needs left and right, which both need base: base must be
   initialised once, before either side; finalised once, after both. */
#include <stdio.h>
int left_value(void);
int right_value(void);
__attribute__((constructor)) static void init(void) { puts("init prog"); }
int main(void) {
  printf("left=%d right=%d\n", left_value(), right_value());
  return 0;
}
