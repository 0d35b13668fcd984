/* Non-PIE: table and config are copied into the program's .bss at start-up
   and the library's references are redirected to the copies. */
#include <stdio.h>
extern int table[6];
extern struct Config { const char *name; int level; } config;
int *lib_table(void);
void lib_bump(void);
int main(void) {
  printf("table = %d %d %d %d %d %d\n", table[0], table[1], table[2], table[3], table[4], table[5]);
  printf("config = %s/%d\n", config.name, config.level);
  printf("same object: %d\n", lib_table() == table);
  lib_bump();
  table[5] = 7;
  printf("after bump: %d %d level %d, library sees table[5]=%d\n", table[0], lib_table()[0], config.level,
         lib_table()[5]);
  return 0;
}
