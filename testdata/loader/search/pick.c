/* libpick: built twice, into d1/ and d2/, each saying where it is from. */
#include <stdio.h>
void pick(void) { puts(PICK_DIR); }
