int low_one(int x) { return x + 1000; }
