#include <string.h>

struct stats { long sum; long min, max; double mean; char label[24]; };

struct stats summarize(const int *v, int n, const char *label) {
  struct stats s;
  memset(&s, 0, sizeof s);
  s.min = v[0];
  s.max = v[0];
  for (int i = 0; i < n; i++) {
    s.sum += v[i];
    if (v[i] < s.min) s.min = v[i];
    if (v[i] > s.max) s.max = v[i];
  }
  s.mean = (double)s.sum / n;
  strncpy(s.label, label, sizeof s.label - 1);
  return s;
}

const char *day_name(int d) {
  switch (d) {
  case 0: return "Sunday";
  case 1: return "Monday";
  case 2: return "Tuesday";
  case 3: return "Wednesday";
  case 4: return "Thursday";
  case 5: return "Friday";
  case 6: return "Saturday";
  default: return "?";
  }
}

unsigned popcount32(unsigned x) {
  unsigned c = 0;
  while (x) { x &= x - 1; c++; }
  return c;
}

double poly(double x) { return 3.0 * x * x * x - 2.0 * x * x + 0.5 * x - 7.25; }
