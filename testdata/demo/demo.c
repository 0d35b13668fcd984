/* The bundled demo: a program split across two files, with a global
 * variable, a string literal, a function call across files and a
 * thread-local counter, so the relocation log shows each kind. */
#include <stdio.h>

extern int greet(const char *who);
int calls;
__thread int perThread = 40;

int main(int argc, char **argv) {
  perThread += greet(argc > 1 ? argv[1] : "linker");
  printf("calls=%d perThread=%d\n", calls, perThread);
  return 0;
}
