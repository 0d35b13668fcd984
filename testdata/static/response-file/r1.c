int r2(int);
int r1(int x) { return r2(x) * 2; }
