__attribute__((weak)) const char *greet(void) { return "weak default greet"; }
__attribute__((weak)) const char *farewell(void) { return "weak default farewell (kept)"; }
__attribute__((weak)) int limit = 1;
__attribute__((weak)) int fallback_level = 7;
