/* libhost: a lazily called function, a general-dynamic TLS variable
   (__tls_get_addr, mload's builtin), and an int the program copies. */
#include <stdio.h>
__thread int lib_tls = 5;
int lib_int = 1234;
int lib_call(int x) { return x + ++lib_tls + lib_int; }
