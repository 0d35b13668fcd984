int low_two(int);
int high_first(int x) { return low_two(x) + 1; }
