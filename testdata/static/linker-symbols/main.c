#include <stdio.h>
#include <string.h>

extern char _etext[], _edata[], _end[], __bss_start[], __ehdr_start[];
extern void (*__init_array_start[])(void), (*__init_array_end[])(void);
extern int initialised_global;
extern int zeroed_global[1000];
int code_marker(void);

static int ctor_ran;
__attribute__((constructor)) static void ctor(void) { ctor_ran = 1; }

int main(void) {
  printf("_etext < _edata: %d\n", _etext < _edata);
  printf("_edata <= _end: %d\n", _edata <= _end);
  printf("_edata <= __bss_start <= _end: %d\n", _edata <= __bss_start && __bss_start <= _end);
  printf("code in [__ehdr_start, _etext): %d\n",
         (char *)code_marker >= __ehdr_start && (char *)code_marker < _etext);
  printf("data in [_etext, _edata): %d\n",
         (char *)&initialised_global >= _etext && (char *)&initialised_global < _edata);
  printf("bss in [__bss_start, _end): %d\n",
         (char *)zeroed_global >= __bss_start && (char *)(zeroed_global + 1000) <= _end);
  printf("__ehdr_start magic: %d class=%d type=%d\n", memcmp(__ehdr_start, "\177ELF", 4) == 0,
         __ehdr_start[4], __ehdr_start[16]);
  long entries = __init_array_end - __init_array_start;
  int found = 0;
  for (long i = 0; i < entries; i++) found |= __init_array_start[i] == ctor;
  printf("init_array has our ctor: %d, ctor ran: %d\n", found, ctor_ran);
  printf("code_marker=%d initialised_global=%d\n", code_marker(), initialised_global);
  return 0;
}
