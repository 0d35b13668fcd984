#include <stdio.h>
#include <stdlib.h>

__attribute__((constructor(200))) static void ctor200(void) { puts("ctor 200 (main.c)"); }
__attribute__((constructor)) static void ctor_default(void) { puts("ctor default (main.c)"); }
__attribute__((destructor(200))) static void dtor200(void) { puts("dtor 200 (main.c)"); }
__attribute__((destructor)) static void dtor_default(void) { puts("dtor default (main.c)"); }

static void at_exit_handler(void) { puts("atexit handler"); }

int main(void) {
  puts("main");
  atexit(at_exit_handler);
  return 0;
}
