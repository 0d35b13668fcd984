/* Prints the permissions of the [stack] mapping: the loader must honour a
   library's PT_GNU_STACK (PF_X) for the whole process, as glibc does. */
#include <stdio.h>
#include <string.h>
int lib_value(void);
int main(void) {
  FILE *f = fopen("/proc/self/maps", "r");
  char line[512];
  while (f && fgets(line, sizeof line, f))
    if (strstr(line, "[stack]")) {
      char *perm = strchr(line, ' ');
      printf("stack %.4s lib %d\n", perm + 1, lib_value());
    }
  return 0;
}
