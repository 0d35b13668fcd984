const char *from_a(void) { return "the very same literal in three translation units"; }
const char *tail_a(void) { return "literal"; }
