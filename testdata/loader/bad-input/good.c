/* libgood: a well-formed library that the tests below corrupt. */
#include <stdio.h>
void good(void) { puts("good"); }
