#include <string.h>

__thread int ie_value = 14;
__thread char ie_name[16] = "initial";
__thread long ie_zero[32];

void set_name(const char *n) { strcpy(ie_name, n); }
