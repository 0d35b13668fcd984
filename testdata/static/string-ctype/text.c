#include <ctype.h>

int count_class(const char *s, int (*pred)(int)) {
  int n = 0;
  for (; *s; s++) n += pred((unsigned char)*s) != 0;
  return n;
}

void shout(char *s) {
  for (; *s; s++) *s = toupper((unsigned char)*s);
}

void whisper(char *s) {
  for (; *s; s++) *s = tolower((unsigned char)*s);
}
