/* libinterop.so, linked by mld, ld.bfd or ld.lld: data and functions used
 * by executables linked by another linker, directly or through dlopen. */
#include <stdio.h>
#include <string.h>

int interopCounter = 5;
static char buffer[64];

int interopScale(int x) {
  interopCounter++;
  return x * 3 + interopCounter;
}

const char *interopDescribe(const char *who) {
  snprintf(buffer, sizeof buffer, "%s via %zu-char name", who, strlen(who));
  return buffer;
}
