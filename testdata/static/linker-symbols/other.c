int initialised_global = 123;
int zeroed_global[1000];
int code_marker(void) { return 5; }
