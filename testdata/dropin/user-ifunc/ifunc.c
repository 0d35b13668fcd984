/* addOne is an IFUNC of the program itself: its resolver runs while the
 * program is relocated (R_X86_64_IRELATIVE) and picks the second version. */
static int addOneSlow(int x) { return x + 1; }
static int addOneFast(int x) { return 1 + x; }
static volatile int preferFast = 1;

static int (*resolveAddOne(void))(int) { return preferFast ? addOneFast : addOneSlow; }

int addOne(int x) __attribute__((ifunc("resolveAddOne")));

void *addrOfAddOneHere(void) { return (void *)addOne; }
