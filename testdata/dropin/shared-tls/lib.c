/* libtls.so, compiled -fPIC: its __thread variables are reached with
 * general-dynamic (libTls, libName) and local-dynamic (libPrivate)
 * sequences that must stay as __tls_get_addr calls in a shared object. */
__thread int libTls = 10;
__thread char libName[16] = "lib";
static __thread int libPrivate = 1;

int libBump(int by) {
  libTls += by;
  libPrivate *= 2;
  libName[3] = (char)('0' + by % 10);
  return libTls + libPrivate;
}

int *libTlsAddress(void) { return &libTls; }
const char *libNameOfThread(void) { return libName; }
