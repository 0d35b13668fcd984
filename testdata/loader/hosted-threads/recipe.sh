# hosted-threads: the program's static TLS where the ABI puts it in every
# thread (mload-hosted's arena, which glibc copies into each new thread),
# a library's TLS through mload's __tls_get_addr, thread_local objects with
# constructors, and 4 threads binding the same PLT slots at once.
threads() {
  glib tlslib tlslib.cpp
  gprog main main.cpp -- -ltlslib -pthread
  local i
  for i in 1 2 3; do grun main; done
}
for_linkers threads
