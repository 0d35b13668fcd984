/* libbase: needed by both libleft and libright (the diamond's bottom). */
#include <stdio.h>
__attribute__((constructor)) static void init(void) { puts("init base"); }
__attribute__((destructor)) static void fini(void) { puts("fini base"); }
int base_value(void) { return 40; }
