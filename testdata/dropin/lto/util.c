/* Called only from main.c: cross-module inlining removes it after LTO. */
int square_plus(int x) { return x * x + 1; }
