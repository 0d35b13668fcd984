/* libver, a later release that dropped version V1 (for the version check). */
int which(void) { return 2; }
int only_v1(void) { return 11; }
