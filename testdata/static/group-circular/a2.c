int b_last(int);
int a_tail(int x) { return b_last(x * 3) + 100; }
