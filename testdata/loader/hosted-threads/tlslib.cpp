// libtlslib: general-dynamic TLS (through mload's __tls_get_addr), an
// initialised and a zero __thread, and a thread_local with a constructor
// and destructor.
#include <cstdio>
#include <string>
__thread int lib_counter = 100;
__thread long lib_zero;
struct PerThread {
  std::string tag = "fresh";
  int uses = 0;
  ~PerThread() { std::printf(""); }
};
thread_local PerThread perThread;
extern "C" int lib_work(int id) {
  lib_counter += id;
  lib_zero += 2 * id;
  perThread.uses++;
  perThread.tag = "thread-" + std::to_string(id);
  return lib_counter + static_cast<int>(lib_zero) + perThread.uses;
}
extern "C" const char *lib_tag() { return perThread.tag.c_str(); }
