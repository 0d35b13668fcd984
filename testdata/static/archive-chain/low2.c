int low_two(int x) { return x * x; }
