int a_never(void) { return -1; }
