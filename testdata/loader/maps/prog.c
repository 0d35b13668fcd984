/* Prints the permissions of every file-backed mapping of libmaps.so, in
   address order: text never writable, RELRO read-only, data writable, and
   nothing both writable and executable. */
#include <stdio.h>
#include <string.h>
int lib_check(void);
int main(void) {
  printf("lib_check=%d\n", lib_check());
  FILE *f = fopen("/proc/self/maps", "r");
  char line[512];
  while (f && fgets(line, sizeof line, f))
    if (strstr(line, "/libmaps.so")) {
      char *perm = strchr(line, ' ');
      printf("%.4s\n", perm + 1);
    }
  return 0;
}
