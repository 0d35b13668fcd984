/* libold: bound to ver_func@VER_1 on purpose, through .symver. */
__asm__(".symver ver_func, ver_func@VER_1");
int ver_func(void);
int ver_old(void) { return ver_func(); }
