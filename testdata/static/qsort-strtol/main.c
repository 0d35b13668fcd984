#include <stdio.h>
#include <stdlib.h>
#include <errno.h>

struct rec { int key; const char *name; };
int cmp_int(const void *, const void *);
int cmp_str(const void *, const void *);
int cmp_rec_desc(const void *, const void *);

int main(void) {
  static const struct { const char *s; int base; } cases[] = {
    {"12345", 10}, {"  -42xyz", 10}, {"+17", 10}, {"0x1fF", 16}, {"1fF", 16},
    {"0x10", 0}, {"010", 0}, {"10", 0}, {"777", 8}, {"101101", 2},
    {"zz", 36}, {"", 10}, {"abc", 10}, {"9223372036854775807", 10},
    {"99999999999999999999", 10}, {"-99999999999999999999", 10}, {"-0x80", 16},
  };
  for (unsigned i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    char *end;
    errno = 0;
    long v = strtol(cases[i].s, &end, cases[i].base);
    printf("strtol(\"%s\", %d) = %ld, consumed %d, erange=%d\n", cases[i].s, cases[i].base, v,
           (int)(end - cases[i].s), errno == ERANGE);
  }
  printf("atoi(\"-305\")=%d\n", atoi("-305"));

  int nums[64];
  unsigned seed = 7;
  for (int i = 0; i < 64; i++) { seed = seed * 1103515245u + 12345u; nums[i] = (int)(seed >> 16) % 1000 - 500; }
  qsort(nums, 64, sizeof nums[0], cmp_int);
  int sorted = 1;
  for (int i = 1; i < 64; i++) sorted &= nums[i - 1] <= nums[i];
  printf("ints sorted=%d min=%d max=%d median=%d\n", sorted, nums[0], nums[63], nums[32]);

  const char *words[] = {"pear", "apple", "fig", "banana", "cherry", "apple", "date", "elderberry"};
  qsort(words, 8, sizeof words[0], cmp_str);
  for (int i = 0; i < 8; i++) printf("%s%c", words[i], i == 7 ? '\n' : ' ');

  struct rec recs[] = {{3, "c"}, {1, "a"}, {3, "a"}, {2, "b"}, {1, "z"}, {5, "e"}};
  qsort(recs, 6, sizeof recs[0], cmp_rec_desc);
  for (int i = 0; i < 6; i++) printf("(%d,%s)%c", recs[i].key, recs[i].name, i == 5 ? '\n' : ' ');
  qsort(nums, 0, sizeof nums[0], cmp_int);
  qsort(nums, 1, sizeof nums[0], cmp_int);
  printf("empty and single qsort ok\n");
  return 0;
}
