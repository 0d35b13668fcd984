#include "gen.h"
/* Names are binary digit strings: fa_0000000000 .. fa_0111111111. */
#define R(n) int fa_##n(int x) { return x * 3 + (int)sizeof(#n) + 0##n % 7; } int da_##n = 0##n % 1000;
R512(0)
#undef R
#define R(n) fa_##n,
int (*const table_a[])(int) = {R512(0)};
#undef R
#define R(n) &da_##n,
int *const data_a[] = {R512(0)};
