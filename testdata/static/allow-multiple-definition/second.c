/* noipa: the call in second_only must stay a relocation against `which`, so
   the linker (not the compiler) decides which definition it reaches. */
__attribute__((noipa)) const char *which(void) { return "second"; }
int version = 2;
__attribute__((noipa)) const char *second_only(void) { return which(); }
