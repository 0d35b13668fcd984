/* libping: ping and pong call each other through their PLTs, 20000 deep. */
long pong(long n, long acc);
void deep_hello(long depth);
long ping(long n, long acc) {
  if (n == 0) return acc;
  if (n == 5000) deep_hello(n); /* first (lazy) call happens 15000 frames down */
  return pong(n - 1, acc + n) + 1;
}
