/* Linked against libinterop.so at link time. */
#include <stdio.h>

extern int interopCounter;
int interopScale(int x);
const char *interopDescribe(const char *who);

int main(void) {
  int a = interopScale(10);
  int b = interopScale(20);
  printf("scale %d %d counter %d\n", a, b, interopCounter);
  interopCounter = 100;
  printf("after store: scale %d counter %d\n", interopScale(1), interopCounter);
  printf("%s\n", interopDescribe("direct"));
  return 0;
}
