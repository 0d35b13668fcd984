#include <stdio.h>
int unused_data[100] = {1};
int unused_function(void) { puts("unused member linked in"); return unused_data[0]; }
