/* strings.c: string.h, ctype.h (macros and functions), strtol family,
 * qsort/bsearch and rand against glibc. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cmpInt(const void *a, const void *b) {
  int x = *(const int *)a, y = *(const int *)b;
  return (x > y) - (x < y);
}

static int cmpStr(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static int sign(int v) { return (v > 0) - (v < 0); }

int main(int argc, char **argv, char **envp) {
  char buf[64];
  /* Copying and concatenation. */
  strcpy(buf, "hello");
  strcat(buf, ", world");
  printf("%s %zu %zu\n", buf, strlen(buf), strnlen(buf, 4));
  strncpy(buf, "abc", 6);
  printf("%s %d %d %d\n", buf, buf[4], buf[5], buf[6]);
  strncat(buf, "defghij", 3);
  printf("%s\n", buf);
  /* Comparison. */
  printf("%d %d %d %d %d\n", sign(strcmp("abc", "abd")), sign(strcmp("b", "a")),
         sign(strcmp("x", "x")), sign(strncmp("abcd", "abcz", 3)),
         sign(strcmp("a", "\xff")));
  printf("%d %d\n", sign(memcmp("ab\0c", "ab\0d", 4)), sign(memcmp("z", "a", 0)));
  /* Searching. */
  const char *s = "the quick brown fox jumps";
  printf("%s|%s|%s|%s\n", strchr(s, 'q'), strrchr(s, 'o'), strstr(s, "fox"),
         strpbrk(s, "xyz"));
  printf("%p %p %p\n", (void *)strchr(s, 'Z'), (void *)strstr(s, "cat"),
         (void *)memchr(s, 'k', 5));
  printf("%d %zu %zu\n", strchr(s, '\0') == s + strlen(s), strspn(s, "hte "),
         strcspn(s, "qb"));
  /* Overlapping moves. */
  char m[] = "0123456789";
  memmove(m + 2, m, 5);
  printf("%s\n", m);
  memmove(m, m + 3, 5);
  printf("%s\n", m);
  memset(m, '#', 3);
  printf("%s\n", m);
  /* strtok and strdup. */
  char line[] = "  alpha, beta,,gamma ;delta  ";
  for (char *t = strtok(line, " ,;"); t; t = strtok(NULL, " ,;")) printf("<%s>", t);
  putchar('\n');
  char *d = strdup("duplicate");
  char *nd = strndup("duplicate", 3);
  printf("%s %s\n", d, nd);
  free(d);
  free(nd);
  for (int e = -2; e < 140; ++e) printf("%d=%s\n", e, strerror(e));

  /* ctype over the whole signed-char and EOF range, through glibc's
     macros (table lookups) and the real functions. */
  unsigned long sum = 0;
  for (int c = -128; c < 256; ++c) {
    int bits = !!isalpha(c) | !!isdigit(c) << 1 | !!isspace(c) << 2 |
               !!isupper(c) << 3 | !!islower(c) << 4 | !!isalnum(c) << 5 |
               !!isxdigit(c) << 6 | !!ispunct(c) << 7 | !!isprint(c) << 8 |
               !!iscntrl(c) << 9 | !!isgraph(c) << 10 | !!isblank(c) << 11;
    sum = sum * 31 + (unsigned)bits + (unsigned)tolower(c) * 7 + (unsigned)toupper(c);
    if (c >= 32 && c < 127 && c % 16 == 0) printf("%c:%03x ", c, bits);
  }
  printf("\nctype hash %lu\n", sum);
  int (*fns[])(int) = {isalpha, isdigit, isspace, isupper, islower, isalnum,
                       isxdigit, ispunct, isprint, iscntrl, isgraph, toupper, tolower};
  unsigned long fsum = 0;
  for (int c = -1; c < 256; ++c)
    for (size_t i = 0; i < sizeof fns / sizeof *fns; ++i) fsum = fsum * 3 + (fns[i](c) != 0) + (i > 10 ? (unsigned)fns[i](c) : 0);
  printf("ctype fn hash %lu\n", fsum);

  /* strtol family: bases, prefixes, signs, overflow, end pointers. */
  const char *nums[] = {"42", "  -17xyz", "+0x1fG", "0755", "0x", "zz",
                        "9223372036854775807", "9223372036854775808",
                        "-9223372036854775809", "18446744073709551615",
                        "18446744073709551616", "-1", "  \t\n 12", "1010", ""};
  int bases[] = {0, 10, 16, 8, 2, 36};
  for (size_t i = 0; i < sizeof nums / sizeof *nums; ++i)
    for (size_t b = 0; b < sizeof bases / sizeof *bases; ++b) {
      char *end;
      errno = 0;
      long v = strtol(nums[i], &end, bases[b]);
      int e1 = errno;
      errno = 0;
      unsigned long long u = strtoull(nums[i], NULL, bases[b]);
      printf("'%s'/%d: %ld end+%ld e%d | %llu e%d\n", nums[i], bases[b], v,
             (long)(end - nums[i]), e1, u, errno);
    }
  printf("%d %ld %d %ld\n", atoi("  123abc"), atol("-99"), abs(-5), labs(-7L));

  /* qsort and bsearch. */
  int arr[200];
  srand(12345);
  for (int i = 0; i < 200; ++i) arr[i] = rand() % 1000 - 500;
  qsort(arr, 200, sizeof *arr, cmpInt);
  int sorted = 1;
  for (int i = 1; i < 200; ++i) sorted &= arr[i - 1] <= arr[i];
  printf("sorted=%d first=%d last=%d\n", sorted, arr[0], arr[199]);
  int key = arr[77];
  int *hit = bsearch(&key, arr, 200, sizeof *arr, cmpInt);
  int missing = 10000;
  printf("found=%d value=%d missing=%p\n", hit != NULL, hit ? *hit : 0,
         bsearch(&missing, arr, 200, sizeof *arr, cmpInt));
  char *words[] = {"pear", "apple", "fig", "banana", "cherry", "date"};
  qsort(words, 6, sizeof *words, cmpStr);
  for (int i = 0; i < 6; ++i) printf("%s ", words[i]);
  putchar('\n');
  /* Equal keys keep their input order (glibc 2.36 merge-sorts). */
  struct Rec { int key; int seq; } recs[300];
  for (int i = 0; i < 300; ++i) recs[i] = (struct Rec){rand() % 7, i};
  qsort(recs, 300, sizeof *recs, cmpInt); /* compares the leading int */
  unsigned long order = 0;
  for (int i = 0; i < 300; ++i) order = order * 33 + (unsigned)recs[i].seq;
  printf("stable order hash %lu, first (%d,%d) last (%d,%d)\n", order,
         recs[0].key, recs[0].seq, recs[299].key, recs[299].seq);
  /* rand sequence must equal glibc's for the same seeds. */
  srand(1);
  for (int i = 0; i < 5; ++i) printf("%d ", rand());
  srand(0);
  printf("| %d", rand());
  srand(987654321);
  printf(" %d\n", rand());
  printf("argc=%d prog=%s\n", argc, strrchr(argv[0], '/') ? "path" : argv[0]);
  /* The whole environment, in order: the start code must hand main the
     exact envp the kernel gave (first entry included). */
  for (char **e = envp; *e; ++e) printf("envp: %s\n", *e);
  extern char **environ;
  printf("environ==envp %d, MLD_TEST_VAR=%s MLD_FIRST_VAR=%s missing=%p\n",
         environ == envp, getenv("MLD_TEST_VAR"), getenv("MLD_FIRST_VAR"),
         (void *)getenv("MLD_NO_SUCH_VARIABLE"));
  return 0;
}
