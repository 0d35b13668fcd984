/* stdio, malloc/realloc/free, qsort and libm from glibc's archives: the
 * results are checked here and printed so ld.bfd's output can be compared. */
#include <math.h>
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

int main(void) {
  enum { N = 5000 };
  int *v = malloc(N * sizeof *v);
  unsigned s = 12345;
  for (int i = 0; i < N; i++) {
    s = s * 1103515245u + 12345u;
    v[i] = (int)((s >> 8) % 100000);
  }
  qsort(v, N, sizeof *v, cmpInt);
  for (int i = 1; i < N; i++)
    if (v[i - 1] > v[i]) { puts("qsort: NOT SORTED"); return 1; }
  printf("ints: min=%d median=%d max=%d\n", v[0], v[N / 2], v[N - 1]);
  free(v);

  const char *words[] = {"pear", "apple", "fig", "banana", "cherry", "date"};
  enum { W = sizeof words / sizeof words[0] };
  char **copy = NULL;
  for (int i = 0; i < W; i++) {
    copy = realloc(copy, (i + 1) * sizeof *copy);
    copy[i] = strdup(words[i]);
  }
  qsort(copy, W, sizeof *copy, cmpStr);
  for (int i = 0; i < W; i++) {
    printf("%s%s", i ? " " : "words: ", copy[i]);
    free(copy[i]);
  }
  putchar('\n');
  free(copy);

  volatile double two = 2.0, one = 1.0, base = 2.5, ten = 10.0;
  printf("libm: sqrt=%.9f sin=%.9f pow=%.9f log=%.9f atan2=%.9f\n", sqrt(two),
         sin(one), pow(base, 3.3), log(ten), atan2(one, two));
  printf("libm: floor=%g ceil=%g fmod=%g cbrt=%.6f\n", floor(-base), ceil(base),
         fmod(ten, 3.0), cbrt(ten));

  char buf[64];
  int n = snprintf(buf, sizeof buf, "%5d|%-6s|%08.3f|%x|%e", 42, "ab", 3.14159, 255, 1e-10);
  printf("snprintf(%d): %s\n", n, buf);
  int a;
  char word[16];
  double d;
  if (sscanf("17 token 2.5e3", "%d %15s %lf", &a, word, &d) != 3) return 2;
  printf("sscanf: %d %s %.1f\n", a, word, d);

  FILE *f = tmpfile();
  if (!f) { puts("tmpfile failed"); return 3; }
  for (int i = 0; i < 100; i++) fprintf(f, "line %d\n", i * i);
  rewind(f);
  long sum = 0;
  char line[32];
  while (fgets(line, sizeof line, f)) sum += strtol(line + 5, NULL, 10);
  fclose(f);
  printf("file: sum of squares=%ld\n", sum);
  fprintf(stderr, "stderr works\n");
  return 0;
}
