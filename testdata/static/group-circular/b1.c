int a_tail(int);
int b_middle(int x) { return a_tail(x * 2) + 10; }
