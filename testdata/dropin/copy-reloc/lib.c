/* libcopy.so: data the executable accesses directly (R_X86_64_COPY in a
 * non-PIE or PIE executable); the library must see the executable's copy. */
int libTable[8] = {1, 2, 3, 4, 5, 6, 7, 8};
const char libMessage[] = "message from the library";

int libSum(void) {
  int s = 0;
  for (int i = 0; i < 8; i++) s += libTable[i];
  return s;
}
int *libTableAddress(void) { return libTable; }
const char *libMessageAddress(void) { return libMessage; }
