/* libbare: no relocations and no DT_NEEDED, two versions (bare.map). */
int bare_f(void) { return 7; }
