/* A lazily bound call, a RELATIVE-relocated pointer, a COPY-relocated int
   (non-PIE build). */
#include <stdio.h>
int lib_call(int);
extern int lib_int;
int (*volatile fp)(int) = lib_call;
int main(void) {
  printf("%d %d\n", fp(1), lib_int);
  return 0;
}
