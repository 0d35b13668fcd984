#include <stdio.h>
void optional_feature(void) { puts("optional feature"); }
