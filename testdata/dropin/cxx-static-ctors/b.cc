// Static constructors of the second object.
#include "log.h"

static Registrar b1("b1");
static Registrar late __attribute__((init_priority(60000))) ("b-priority-60000");
static Registrar mid __attribute__((init_priority(1000))) ("b-priority-1000");
__attribute__((constructor)) static void cPlain() { record("b-constructor"); }
