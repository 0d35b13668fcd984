int r1(int);
int r2(int x) { return x > 100 ? x : r1(x + 50) + 1; }
