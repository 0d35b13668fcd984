/* An unversioned-source client: the link binds which to the default V2. */
#include <stdio.h>
int which(void);
int only_v1(void);
int old_which(void);
int main(void) {
  printf("which=%d old_which=%d only_v1=%d\n", which(), old_which(), only_v1());
  return 0;
}
