/* heap.c: the program break (seed article 5.1). sbrk(0) is the top of the
 * heap; sbrk(n) raises it by n and returns the old top; the kernel shows
 * the range as [heap] in /proc/self/maps. The runtime's first-fit
 * allocator (mldc_ff_malloc) takes its memory this way; malloc (the buddy
 * system) takes 1 MiB arenas from mmap instead, outside [heap]. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mldc-alloc.h"

static void showHeapLine(void) {
  static char buf[16384];
  int fd = open("/proc/self/maps", O_RDONLY);
  ssize_t n, len = 0;
  while (fd >= 0 && (n = read(fd, buf + len, sizeof buf - 1 - len)) > 0) len += n;
  close(fd);
  buf[len] = 0;
  for (char *line = strtok(buf, "\n"); line != NULL; line = strtok(NULL, "\n"))
    if (strstr(line, "[heap]")) printf("  maps: %s\n", line);
}

int main(void) {
  char *start = sbrk(0);
  printf("break at start         %p\n", (void *)start);
  char *old = sbrk(3 * 4096);
  printf("sbrk(3 pages) returned %p, break now %p (+0x%lx)\n", (void *)old, sbrk(0),
         (unsigned long)((char *)sbrk(0) - start));
  showHeapLine();
  memset(old, 1, 3 * 4096); /* the pages are ours */
  brk(start);
  printf("brk(start): break back at %p\n", sbrk(0));
  char *ff = mldc_ff_malloc(100);
  char *bd = malloc(100);
  printf("mldc_ff_malloc(100) = %p: heap+0x%lx, break now +0x%lx (one 64 KiB step)\n",
         (void *)ff, (unsigned long)(ff - start), (unsigned long)((char *)sbrk(0) - start));
  showHeapLine();
  printf("malloc(100) = %p: %s the heap (buddy arenas come from mmap)\n", (void *)bd,
         bd >= start && bd < (char *)sbrk(0) ? "inside" : "outside");
  return 0;
}
