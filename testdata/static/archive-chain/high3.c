int high_first(int);
int high_last(int x) { return high_first(x) * 10; }
