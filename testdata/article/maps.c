/* maps.c: prints its own address space (/proc/self/maps) and where two
 * variables landed: `initialized` in .data and the 12 KiB `big` in .bss,
 * which continues past the file-backed page into anonymous memory
 * (docs/walkthrough.md, section 2). */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int initialized = 42;
static char big[12 * 1024];

int main(void) {
  char buf[4096];
  int fd = open("/proc/self/maps", O_RDONLY);
  if (fd < 0) return 1;
  fflush(stdout);
  ssize_t n;
  while ((n = read(fd, buf, sizeof buf)) > 0) write(1, buf, (size_t)n);
  close(fd);
  big[sizeof big - 1] = 1;
  printf("big=%p initialized=%p\n", (void *)big, (void *)&initialized);
  return 0;
}
