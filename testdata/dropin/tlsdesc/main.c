/* The executable's own TLS and the library's, both through descriptors in
 * the objects; in the executable mld relaxes them to LE / IE. */
#include <stdio.h>

__thread int exeTls = 5;
extern __thread int libTls;
int bumpTls(void);

int main(void) {
  exeTls += 2;
  int b = bumpTls();
  printf("exeTls=%d libTls=%d bump=%d\n", exeTls, libTls, b);
  b = bumpTls();
  printf("exeTls=%d libTls=%d bump=%d\n", exeTls, libTls, b);
  return 0;
}
