/* Takes the addresses of IFUNC symbols in a second object. */
#include <string.h>

void *addrOfMemcpy(void) { return (void *)memcpy; }
void *addrOfStrlen(void) { return (void *)strlen; }

size_t strlenThroughPointer(const char *s) {
  size_t (*volatile f)(const char *) = strlen;
  return f(s);
}
