const char *which(void) { return "first"; }
int version = 1;
