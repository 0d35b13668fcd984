/* Compiled with -fPIC: TLSGD/TLSLD/DTPOFF32 accesses, which a static
 * link relaxes to local-exec. */
__thread int shared_tls = 7;
static __thread int private_tls = 3;

int bumpShared(int by) {
  shared_tls += by;
  return shared_tls;
}

int readLocalDynamic(void) {
  private_tls *= 2;
  return private_tls;
}
