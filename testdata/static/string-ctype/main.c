#include <ctype.h>
#include <stdio.h>
#include <string.h>

int count_class(const char *s, int (*pred)(int));
void shout(char *s);
void whisper(char *s);

int main(void) {
  const char *text = "Hello, World! 123 abc\tDEF\n0x1F?";
  printf("alpha=%d digit=%d space=%d upper=%d lower=%d xdigit=%d punct=%d alnum=%d\n",
         count_class(text, isalpha), count_class(text, isdigit), count_class(text, isspace),
         count_class(text, isupper), count_class(text, islower), count_class(text, isxdigit),
         count_class(text, ispunct), count_class(text, isalnum));
  int inl = 0;
  for (const char *p = text; *p; p++) inl += isalpha((unsigned char)*p) && !isupper((unsigned char)*p);
  printf("inline macro lower-alpha=%d\n", inl);
  char buf[64];
  strcpy(buf, "Mixed Case 42");
  shout(buf);
  printf("%s\n", buf);
  whisper(buf);
  printf("%s\n", buf);
  printf("strlen=%zu strcmp<0:%d strcmp=0:%d strncmp=%d\n", strlen(text), strcmp("abc", "abd") < 0,
         strcmp("same", "same") == 0, strncmp("prefix-a", "prefix-b", 7));
  printf("strchr=%s strrchr=%s strstr=%s\n", strchr(text, 'W'), strrchr("a/b/c", '/'), strstr(text, "abc"));
  printf("strchr missing=%d strstr missing=%d\n", strchr(text, 'q') == 0, strstr(text, "zzz") == 0);
  char m[32] = "0123456789abcdef";
  memmove(m + 4, m, 10);
  printf("memmove up: %s\n", m);
  memmove(m, m + 6, 8);
  printf("memmove down: %s\n", m);
  memset(m + 2, '*', 3);
  printf("memset: %s memcmp<0:%d\n", m, memcmp("abc", "abd", 3) < 0);
  char d[16];
  memcpy(d, "copy me\0tail", 12);
  printf("memcpy: %s %s\n", d, d + 8);
  strncpy(d, "xy", sizeof d);
  printf("strncpy pads: %d%d\n", d[2] == 0, d[15] == 0);
  strcat(strcpy(buf, "one"), "+two");
  printf("strcat: %s\n", buf);
  return 0;
}
