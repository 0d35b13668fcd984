const char *greet(void) { return "strong greet"; }
int limit = 500;
