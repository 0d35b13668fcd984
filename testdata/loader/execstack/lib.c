/* libexec: linked with -z execstack, so its PT_GNU_STACK asks for an
   executable stack. */
int lib_value(void) { return 1; }
