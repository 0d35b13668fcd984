/* TLS variables of a shared object, reached through TLS descriptors when
 * compiled with -mtls-dialect=gnu2 (R_X86_64_GOTPC32_TLSDESC/TLSDESC_CALL). */
__thread int libTls = 40;
static __thread int counter = 1;

int bumpTls(void) {
  counter += 1;
  libTls += counter;
  return libTls;
}
