/* A fixed LCG so that glibc and the runtime see the same request sequence. */
static unsigned long state = 12345;
unsigned rng(void) {
  state = state * 6364136223846793005UL + 1442695040888963407UL;
  return (unsigned)(state >> 33);
}
