/* fac.c: the seed article's 4.1 example, fac(n) = n * fac(n - 1), walking
 * its own stack at the deepest call. Built with -O0 -fno-omit-frame-pointer
 * every frame starts with `push %rbp; mov %rsp,%rbp`, so %rbp points at the
 * saved %rbp of the caller and 8 bytes above it is the return address: the
 * frames form a linked list that this program follows. Each fac call also
 * records its own frame address, so the walk can name the n of each frame
 * and tell fac's frames from main's. */
#include <stdint.h>
#include <stdio.h>

#define DEPTH 4

static void *facFrame[DEPTH + 1]; /* facFrame[n]: the frame of fac(n) */

int main(int argc, char **argv);
static void walk(void);

int fac(int n) {
  facFrame[n] = __builtin_frame_address(0);
  if (n == 1) {
    walk();
    return 1;
  }
  return n * fac(n - 1);
}

static int nOfFrame(void *frame) {
  for (int n = 1; n <= DEPTH; ++n)
    if (facFrame[n] == frame) return n;
  return 0;
}

/* Start at fac(1)'s frame (walk's own frame is skipped: it is not part of
   the article's picture) and follow the saved %rbp links up to main. */
static void walk(void) {
  void **frame = facFrame[1];
  printf("frame  function  rbp (frame)     saved rbp       return address\n");
  for (int depth = 0; nOfFrame(frame) != 0; ++depth) {
    void **caller = frame[0];
    uintptr_t ret = (uintptr_t)frame[1];
    int callerN = nOfFrame(caller);
    char where[32];
    if (callerN != 0)
      snprintf(where, sizeof where, "fac+0x%lx", (unsigned long)(ret - (uintptr_t)fac));
    else
      snprintf(where, sizeof where, "main+0x%lx", (unsigned long)(ret - (uintptr_t)main));
    printf("#%d     fac(%d)    %p  %p  %s\n", depth, nOfFrame(frame), (void *)frame,
           (void *)caller, where);
    frame = caller;
  }
  printf("#%d     main      %p\n", DEPTH, (void *)frame);
  printf("each fac frame is 0x%lx bytes below its caller's\n",
         (unsigned long)((char *)facFrame[2] - (char *)facFrame[1]));
}

int main(int argc, char **argv) {
  printf("fac(%d) = %d\n", DEPTH, fac(DEPTH));
  return 0;
}
