/* brk.c: sbrk and brk behave as glibc's (differential: the same program
 * runs against glibc and mldc). Only differences between breaks are
 * printed, and nothing is printed until the last sbrk, because printf may
 * itself allocate (and glibc's malloc moves the break). */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(void) {
  char *start = sbrk(0);
  char *old = sbrk(4096);
  char *afterGrow = sbrk(0);
  memset(old, 0x5a, 4096); /* the new page is usable */
  int lastByte = old[4095];
  char *beforeShrink = sbrk(-4096);
  char *afterShrink = sbrk(0);
  int brkOk = brk(afterShrink + 8192);
  char *afterBrk = sbrk(0);
  old[8191] = 1;
  int brkBack = brk(afterShrink);
  char *afterBack = sbrk(0);
  errno = 0;
  void *huge = sbrk((intptr_t)1 << 60);
  int hugeErrno = errno;
  char *afterHuge = sbrk(0);
  errno = 0;
  void *wrap = sbrk(INTPTR_MIN);
  int wrapErrno = errno;

  printf("sbrk(4096) returns the old break: %d\n", old == start);
  printf("the break moved by %ld\n", (long)(afterGrow - start));
  printf("the new page holds what was written: %d\n", lastByte == 0x5a);
  printf("sbrk(-4096) returns the break before shrinking: %d, moved by %ld\n",
         beforeShrink == afterGrow, (long)(afterShrink - afterGrow));
  printf("brk(+8192) = %d, break moved by %ld\n", brkOk, (long)(afterBrk - afterShrink));
  printf("brk(back) = %d, break at the start again: %d\n", brkBack, afterBack == afterShrink);
  printf("sbrk(1 << 60) = -1: %d, ENOMEM: %d, break unchanged: %d\n",
         huge == (void *)-1, hugeErrno == ENOMEM, afterHuge == afterBack);
  printf("sbrk(INTPTR_MIN) = -1: %d, ENOMEM: %d\n", wrap == (void *)-1, wrapErrno == ENOMEM);
  return 0;
}
