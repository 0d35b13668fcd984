int thin_unused(int x) { return -x; }
