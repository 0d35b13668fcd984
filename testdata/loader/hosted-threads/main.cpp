// 4 threads with the program's own __thread/thread_local data (initialised
// and zero: the executable's static block at tp - offset, local-exec) and a
// library's (general-dynamic), all making their first calls at once: the
// lazy binding of lib_work, printf and the rest races in 4 threads.
#include <pthread.h>
#include <cstdio>
#include <cstring>
#include <atomic>
#include <string>
extern "C" int lib_work(int id);
extern "C" const char *lib_tag();
__thread int prog_init = 42;
__thread char prog_zero[64];
thread_local std::string prog_name = "unnamed";
static std::atomic<int> ready{0};
static int results[5];
static char tags[5][32];
static void *worker(void *arg) {
  int id = static_cast<int>(reinterpret_cast<long>(arg));
  ready++;
  while (ready.load() < 4) {
  }
  prog_init += id;
  prog_zero[id] = static_cast<char>('a' + id);
  prog_name = "worker-" + std::to_string(id);
  results[id] = lib_work(id) + prog_init + (prog_zero[id] == 'a' + id) + static_cast<int>(std::strlen(prog_zero));
  std::snprintf(tags[id], sizeof(tags[id]), "%s/%s", lib_tag(), prog_name.c_str());
  return nullptr;
}
int main() {
  pthread_t t[4];
  for (long i = 1; i <= 4; ++i) pthread_create(&t[i - 1], nullptr, worker, reinterpret_cast<void *>(i));
  for (auto &x : t) pthread_join(x, nullptr);
  for (int i = 1; i <= 4; ++i) std::printf("thread %d: %d %s\n", i, results[i], tags[i]);
  std::printf("main: prog_init=%d prog_zero=%d name=%s lib=%d tag=%s\n", prog_init, prog_zero[1], prog_name.c_str(),
              lib_work(0), lib_tag());
  return 0;
}
