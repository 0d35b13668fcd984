/* start-contract.c: what _start hands main: argv and envp exactly where the
 * kernel put them (envp = argv + argc + 1), auxv after envp, a 16-byte
 * aligned stack, AT_ENTRY equal to _start; prints only facts that glibc's
 * start code establishes too. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/auxv.h>
#include <time.h>
#include <unistd.h>

extern char **environ;
extern void _start(void);

__attribute__((noinline)) static int stackAligned(void) {
  volatile char probe __attribute__((aligned(16))) = 0;
  return ((uintptr_t)&probe & 15) == 0 && probe == 0;
}

int main(int argc, char **argv, char **envp) {
  printf("argc=%d argv[argc]=%p envp==argv+argc+1: %d environ==envp: %d\n",
         argc, (void *)argv[argc], envp == argv + argc + 1, environ == envp);
  char **e = envp;
  while (*e) ++e;
  unsigned long *auxv = (unsigned long *)(e + 1);
  int foundPagesz = 0;
  for (unsigned long *a = auxv; a[0] != AT_NULL; a += 2)
    if (a[0] == AT_PAGESZ) foundPagesz = a[1] == 4096;
  printf("auxv after envp has AT_PAGESZ=4096: %d\n", foundPagesz);
  printf("getauxval: pagesz=%lu entry==_start %d phdr!=0 %d missing=%lu\n",
         getauxval(AT_PAGESZ), getauxval(AT_ENTRY) == (unsigned long)&_start,
         getauxval(AT_PHDR) != 0, getauxval(12345));
  printf("frame aligned: %d, local aligned: %d\n",
         ((uintptr_t)__builtin_frame_address(0) & 15) == 0, stackAligned());
  time_t now = time(NULL), stored = 0;
  time(&stored);
  printf("time plausible: %d, sleep(0)=%u usleep(1000)=%d, isatty(stdout)=%d\n",
         now > 1700000000 && stored >= now, sleep(0), usleep(1000), isatty(1));
  return argc;
}
