#include <stdio.h>
#include <limits.h>

int format_into(char *buf, size_t n, const char *fmt, ...);
void say(const char *fmt, ...);

int main(void) {
  printf("[%d] [%i] [%d] [%d]\n", 0, -17, INT_MAX, INT_MIN);
  printf("[%u] [%x] [%X] [%o]\n", 4000000000u, 0xdeadbeefu, 0xabcdefu, 0755u);
  printf("[%ld] [%lu] [%lld] [%llu]\n", -1234567890123L, 18446744073709551615UL, LLONG_MIN, 42ULL);
  printf("[%zu] [%lx] [%#x] [%#o] [%#X]\n", sizeof(long double), 0x123456789abcUL, 255u, 8u, 0xbeefu);
  printf("[%5d] [%-5d] [%05d] [%+d] [% d] [%+d]\n", 42, 42, 42, 42, 42, -42);
  printf("[%.3d] [%8.3d] [%-8.3d|] [%.0d]\n", 7, 7, -7, 0);
  printf("[%s] [%10s] [%-10s|] [%.3s] [%*s] [%-*s|]\n", "abc", "right", "left", "truncate", 6, "star", 6, "star");
  printf("[%c] [%3c] [%-3c|] [%%]\n", 'x', 'y', 'z');
  printf("[%p] [%p]\n", (void *)0x1234, (void *)0x7fffdeadbeefUL);
  printf("[%f] [%.2f] [%10.3f] [%-10.1f|] [%+.0f] [%f]\n", 3.14159265, 2.71828, -1.5, 0.26, 2.6, -0.0);
  printf("[%e] [%.3e] [%E] [%e]\n", 123456.789, 0.000123456, 1e100, 0.0);
  printf("[%g] [%g] [%g] [%g] [%g] [%.3g]\n", 100000.0, 1000000.0, 0.0001, 0.00001, 1.5, 3.14159);
  printf("[%08.3f] [%.10f] [%f]\n", -3.5, 1.0 / 3.0, 1e15);
  char buf[64];
  int n = sprintf(buf, "%s-%d-%x", "id", 99, 255);
  printf("sprintf: %s (%d)\n", buf, n);
  n = snprintf(buf, 8, "%s", "0123456789abcdef");
  printf("snprintf truncated: %s (%d)\n", buf, n);
  n = snprintf(0, 0, "%d items", 12345);
  printf("snprintf size query: %d\n", n);
  n = format_into(buf, sizeof buf, "%c%c%c %5.1f", 'v', 'a', 'l', 9.96);
  printf("vsnprintf: [%s] (%d)\n", buf, n);
  say("vprintf: %s %u %lld\n", "ok", 3u, -9LL);
  fprintf(stdout, "fprintf stdout %d\n", 1);
  fputs("fputs line\n", stdout);
  putchar('!');
  putchar('\n');
  return 0;
}
