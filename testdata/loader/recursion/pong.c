/* libpong: the other half of the mutual recursion. */
long ping(long n, long acc);
long pong(long n, long acc) {
  if (n == 0) return acc;
  return ping(n - 1, acc ^ n) + 2;
}
