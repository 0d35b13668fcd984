/* libtarget: the function the program calls twice through its PLT, and
   its address (taken here: if the program took it, ld.bfd would give the
   program a non-lazy .plt.got entry instead of a JUMP_SLOT). */
int target(int x) { return x * 7; }
unsigned long target_address(void) { return (unsigned long)&target; }
