/* libold: a client still bound to which@V1. Built with --hash-style=gnu. */
int which_old(void);
__asm__(".symver which_old, which@V1");
int old_which(void) { return which_old(); }
