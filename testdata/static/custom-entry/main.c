#include <unistd.h>
#include <stdio.h>

static void say(const char *s) {
  size_t n = 0;
  while (s[n]) n++;
  write(1, s, n);
}

void entry_main(long *sp) {
  say("custom entry reached\n");
  say(sp[0] == 1 ? "argc is 1\n" : "argc is not 1\n");
  say(((char **)sp)[1] != 0 ? "argv[0] present\n" : "argv[0] missing\n");
  _exit(7);
}

int main(void) {
  puts("main must not run");
  return 1;
}
