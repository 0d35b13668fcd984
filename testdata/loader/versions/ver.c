/* libver: two versions of which() (V1 and the default V2) and a V1-only
   symbol. Built with --hash-style=sysv: lookups go through DT_HASH. */
int which_v1(void) { return 1; }
int which_v2(void) { return 2; }
__asm__(".symver which_v1, which@V1");
__asm__(".symver which_v2, which@@V2");
int only_v1(void) { return 11; }
