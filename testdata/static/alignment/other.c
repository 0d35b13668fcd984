char odd_data = 3;
__attribute__((aligned(64))) char other_data64[] = "data64";
char odd_bss;
__attribute__((aligned(4096))) char other_bss4096[3000];
__attribute__((aligned(128))) const char other_ro128[] = "ro128";
__attribute__((aligned(32))) void other_fn(void) {}
