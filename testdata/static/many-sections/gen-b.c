#include "gen.h"
/* Names are binary digit strings: fb_1000000000 .. fb_1111111111. */
#define R(n) int fb_##n(int x) { return x * 5 + (int)sizeof(#n) + 0##n % 7; } int db_##n = 0##n % 1000;
R512(1)
#undef R
#define R(n) fb_##n,
int (*const table_b[])(int) = {R512(1)};
#undef R
#define R(n) &db_##n,
int *const data_b[] = {R512(1)};
