/* An LTO program: main.c and util.c are compiled with -flto, lib_*.c go
 * into an archive of LTO objects, plain.c is compiled without -flto. After
 * LTO, square_plus (util.c) exists only inlined into main: like ld.bfd's
 * link, mld's output must not have it in its symbol table. */
#include <stdio.h>
#include <string.h>

int square_plus(int x);
int lib_used(int x);
int plain_twice(int x); /* plain.c, no LTO */
int lto_called_from_plain(int x) { return x + 1000; }

int main(int argc, char **argv) {
  char buf[64];
  int acc = 0;
  for (int i = 0; i < 10 + argc; i++)
    acc += square_plus(i);
  snprintf(buf, sizeof buf, "acc=%d", acc);
  printf("%s len=%zu lib=%d plain=%d\n", buf, strlen(buf), lib_used(acc),
         plain_twice(acc));
  return argv[0] ? 0 : 1;
}
