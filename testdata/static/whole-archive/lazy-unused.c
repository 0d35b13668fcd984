int lazy_unused(int x) { return x - 40; }
