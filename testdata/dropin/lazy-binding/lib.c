/* liblazy.so: its own call to strtoul goes through the library's PLT and
 * must be bound lazily too. */
#include <stdlib.h>

int lazyLibValue(const char *s) { return (int)strtoul(s, NULL, 10) + 1; }
