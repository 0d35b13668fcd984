int lazy_used(int x) { return x + 40; }
