const char *from_b(void) { return "the very same literal in three translation units"; }
const char *b_tail(void) { return "tail-shared literal"; }
