/* Copies its own /proc/self/maps to stdout before anything else runs in
   main, with read/write only (no stdio buffer, no malloc), so the kernel's
   view is the one at the hand-over; then uses the library, so it is
   loaded. */
#include <fcntl.h>
#include <unistd.h>
int space_check(void);
static char buf[65536];
int main(void) {
  int fd = open("/proc/self/maps", O_RDONLY);
  long n, got = 0;
  while (fd >= 0 && (n = read(fd, buf + got, sizeof buf - got)) > 0) got += n;
  write(1, buf, got);
  return space_check() ? 0 : 1;
}
