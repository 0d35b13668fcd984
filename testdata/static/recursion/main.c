#include <stdio.h>

int is_even(unsigned n);
int is_odd(unsigned n);

static long fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
static int ack(int m, int n) {
  if (m == 0) return n + 1;
  if (n == 0) return ack(m - 1, 1);
  return ack(m - 1, ack(m, n - 1));
}
static void hanoi(int n, char from, char to, char via, int *moves) {
  if (n == 0) return;
  hanoi(n - 1, from, via, to, moves);
  if (n >= 4) printf("move disk %d %c->%c\n", n, from, to);
  (*moves)++;
  hanoi(n - 1, via, to, from, moves);
}
static int depth(int n) { volatile char pad[64]; pad[0] = (char)n; return n == 0 ? pad[0] : 1 + depth(n - 1); }

int main(void) {
  for (int i = 0; i <= 20; i += 5) printf("fib(%d)=%ld\n", i, fib(i));
  printf("ack(2,3)=%d\n", ack(2, 3));
  int moves = 0;
  hanoi(5, 'A', 'C', 'B', &moves);
  printf("hanoi moves=%d\n", moves);
  printf("is_even(10)=%d is_odd(7)=%d is_even(7)=%d\n", is_even(10), is_odd(7), is_even(7));
  printf("depth=%d\n", depth(10000));
  return 0;
}
