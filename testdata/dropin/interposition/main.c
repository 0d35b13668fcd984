/* Defines hook and sharedValue, which libinterpose.so also defines: calls
 * and reads from inside the library must reach these. */
#include <stdio.h>

int callHook(void);
int readShared(void);
int notInterposed(void);

int hook(void) { return 2; }
int sharedValue = 20;

int main(void) {
  printf("callHook %d (200 = executable's hook)\n", callHook());
  printf("readShared %d (20 = executable's variable)\n", readShared());
  printf("notInterposed %d\n", notInterposed());
  return 0;
}
