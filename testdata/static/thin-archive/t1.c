int thin_used(int x) { return x * 111; }
