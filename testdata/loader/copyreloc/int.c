/* libint: two 4-byte objects, all a non-PIE program copies: the second
   copy ends exactly at the end of the program's writable segment. */
int lib_int = 1234;
int lib_int2 = 5678;
int lib_get_int(void) { return lib_int + lib_int2; }
