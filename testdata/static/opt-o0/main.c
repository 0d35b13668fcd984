#include <stdio.h>
#include <string.h>

struct stats { long sum; long min, max; double mean; char label[24]; };
struct stats summarize(const int *v, int n, const char *label);
const char *day_name(int d);
unsigned popcount32(unsigned x);
double poly(double x);

int main(void) {
  int v[] = {5, -3, 12, 7, 0, 19, -8, 4, 4, 11};
  struct stats s = summarize(v, 10, "ten values");
  struct stats copy = s;
  copy.label[0] = 'T';
  printf("%s: sum=%ld min=%ld max=%ld mean=%.2f\n", s.label, s.sum, s.min, s.max, s.mean);
  printf("%s\n", copy.label);
  for (int d = -1; d <= 7; d++) printf("day %d=%s\n", d, day_name(d));
  unsigned total = 0;
  for (unsigned x = 0; x < 5000; x++) total += popcount32(x * 2654435761u);
  printf("popcount total=%u\n", total);
  for (int i = 0; i < 4; i++) printf("poly(%d)=%.4f\n", i, poly(i * 0.5));
  char buf[64];
  strcpy(buf, "concat");
  strcat(buf, "-enated");
  printf("%s len=%zu cmp=%d\n", buf, strlen(buf), strcmp(buf, "concat") > 0);
  return 0;
}
