/* libtable: a global array and a struct the non-PIE program reads directly
   (R_X86_64_COPY), while the library keeps using them through its GOT. */
int table[6] = {10, 20, 30, 40, 50, 60};
struct Config { const char *name; int level; } config = {"library default", 3};
int *lib_table(void) { return table; }
void lib_bump(void) { table[0] += 1000; config.level++; }
