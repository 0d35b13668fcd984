int b_middle(int);
int a_head(int x) { return b_middle(x + 1) + 1; }
