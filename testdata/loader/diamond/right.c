/* libright: one side of the diamond, needs libbase. */
#include <stdio.h>
int base_value(void);
__attribute__((constructor)) static void init(void) { printf("init right (base says %d)\n", base_value()); }
__attribute__((destructor)) static void fini(void) { puts("fini right"); }
int right_value(void) { return base_value() + 1; }
