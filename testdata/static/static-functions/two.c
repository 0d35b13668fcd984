static int helper(int x) { return x - 1; }
static int calls = 40;

int two_entry(int v) {
  calls++;
  return helper(v) * 10 + calls;
}
