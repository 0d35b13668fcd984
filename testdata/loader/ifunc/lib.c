/* libifunc: a global IFUNC (STT_GNU_IFUNC, resolved when bound) and a
   local one (R_X86_64_IRELATIVE). */
static int impl_slow(void) { return 100; }
static int impl_fast(void) { return 200; }
static void *resolve_pick(void) { return impl_fast; }
int pick(void) __attribute__((ifunc("resolve_pick")));
static int local_pick(void) __attribute__((ifunc("resolve_pick")));
int call_local(void) { return local_pick() + 1 + 0 * impl_slow(); }
