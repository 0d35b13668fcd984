/* libfnptr.so: takes the addresses of its own function, of a function of
 * the executable and of puts; all must equal the executable's &f. */
#include <stdio.h>

void exeFunction(void);
void libFunction(void) {}

void *libAddrOfLibFunction(void) { return (void *)libFunction; }
void *libAddrOfExeFunction(void) { return (void *)exeFunction; }
void *libAddrOfPuts(void) { return (void *)puts; }
void (*const libTable[])(void) = {libFunction, exeFunction};
