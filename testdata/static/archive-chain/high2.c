int high_unused(void) { return 99; }
