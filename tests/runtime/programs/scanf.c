/* scanf.c: sscanf/fscanf/scanf (glibc's __isoc99_* names) against glibc:
 * integers in every base and length, floats, strings, chars, scansets,
 * %n, suppression, widths, literal matching, early failure and EOF. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv) {
  int a = -1, b = -1, c = -1, n = -1;
  unsigned u = 0;
  long l = 0;
  long long ll = 0;
  short h = 0;
  signed char hh = 0;
  unsigned long long ull = 0;
  double d = 0, e = 0;
  float f = 0;
  char s1[64] = "", s2[64] = "", ch[4] = "";
  void *p = NULL;

  int r = sscanf("  42 -17 0x1f", "%d %i %x", &a, &b, &c);
  printf("%d: %d %d %d\n", r, a, b, c);
  r = sscanf("0755 0x10 10", "%i %i %o", &a, &b, &c);
  printf("%d: %d %d %d\n", r, a, b, c);
  r = sscanf("4294967295 -9223372036854775807 18446744073709551615 70000 300",
             "%u %lld %llu %hd %hhd", &u, &ll, &ull, &h, &hh);
  printf("%d: %u %lld %llu %d %d\n", r, u, ll, ull, h, hh);
  r = sscanf("123456789012 77", "%ld%n %d", &l, &n, &a);
  printf("%d: %ld n=%d %d\n", r, l, n, a);
  r = sscanf("3.25 -1e-3 2.5e10x", "%lf %f %lg", &d, &f, &e);
  printf("%d: %.17g %.9g %.17g\n", r, d, (double)f, e);
  r = sscanf("inf -nan 0x1.8p1", "%lf %lf %lf", &d, &e, &d);
  printf("%d: %g %g\n", r, d, e);
  r = sscanf("hello world", "%s %s", s1, s2);
  printf("%d: [%s] [%s]\n", r, s1, s2);
  r = sscanf("abcdefgh", "%3s%2c%s", s1, ch, s2);
  printf("%d: [%s] [%.2s] [%s]\n", r, s1, ch, s2);
  r = sscanf("key=value;rest", "%[^=]=%[a-z];%s", s1, s2, ch);
  printf("%d: [%s] [%s] [%s]\n", r, s1, s2, ch);
  r = sscanf("]]]abc", "%[]]%s", s1, s2);
  printf("%d: [%s] [%s]\n", r, s1, s2);
  r = sscanf("10 20 30", "%d %*d %d", &a, &b);
  printf("%d: %d %d\n", r, a, b);
  r = sscanf("12345", "%2d%3d", &a, &b);
  printf("%d: %d %d\n", r, a, b);
  r = sscanf("x=5, y=7", "x=%d, y=%d", &a, &b);
  printf("%d: %d %d\n", r, a, b);
  r = sscanf("x=5; y=7", "x=%d, y=%d", &a, &b);
  printf("mismatch %d: %d\n", r, a);
  r = sscanf("abc", "%d", &a);
  printf("no number %d\n", r);
  r = sscanf("", "%d", &a);
  printf("empty %d\n", r);
  r = sscanf("   ", "%s", s1);
  printf("blank %d\n", r);
  r = sscanf("7", "%d %d", &a, &b);
  printf("short %d: %d\n", r, a);
  r = sscanf("100%", "%d%%", &a);
  printf("percent %d: %d\n", r, a);
  r = sscanf("0x7fff1234", "%p", &p);
  printf("pointer %d: %d\n", r, p == (void *)0x7fff1234);
  r = sscanf("a b", "%c%c%c", &ch[0], &ch[1], &ch[2]);
  printf("chars %d: [%c%c%c]\n", r, ch[0], ch[1], ch[2]);

  /* fscanf over a file, then scanf from stdin (the test feeds this source). */
  char path[512];
  snprintf(path, sizeof path, "%s/mldc-scanf-%d.txt", argc > 1 ? argv[1] : "/tmp", (int)getpid());
  FILE *fp = fopen(path, "w");
  fprintf(fp, "3\n1.5 alpha\n-2 beta\n7e2 gamma\n");
  fclose(fp);
  fp = fopen(path, "r");
  int count = 0;
  r = fscanf(fp, "%d", &count);
  printf("fscanf count %d: %d\n", r, count);
  for (int i = 0; i < count; ++i) {
    r = fscanf(fp, "%lf %63s", &d, s1);
    printf("  %d: %g %s\n", r, d, s1);
  }
  printf("at end %d\n", fscanf(fp, "%d", &a));
  fclose(fp);
  unlink(path);
  r = scanf("%s %s", s1, s2);
  printf("scanf %d: [%s] [%s] then getchar=%d\n", r, s1, s2, getchar());
  return 0;
}
