// std::thread, std::mutex, std::atomic and thread_local objects with
// constructors and destructors (run at each thread's exit).
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

static std::mutex mu;
static std::vector<std::string> log;
static std::atomic<int> constructed{0}, destroyed{0};

struct PerThread {
  std::string tag = "unset";
  int hits = 0;
  PerThread() { constructed++; }
  ~PerThread() {
    destroyed++;
    std::lock_guard<std::mutex> lock(mu);
    log.push_back("destroyed " + tag + " after " + std::to_string(hits) + " hits");
  }
};

thread_local PerThread state;
thread_local int plain = 7;

static void work(int id) {
  state.tag = "worker" + std::to_string(id);
  for (int i = 0; i <= id * 100; i++) state.hits++;
  plain += id;
  std::lock_guard<std::mutex> lock(mu);
  log.push_back(state.tag + " plain=" + std::to_string(plain));
}

int main() {
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; i++) threads.emplace_back(work, i);
  for (auto &t : threads) t.join();
  std::sort(log.begin(), log.end());
  for (const auto &line : log) std::printf("%s\n", line.c_str());
  std::printf("constructed=%d destroyed=%d main plain=%d\n", constructed.load(),
              destroyed.load(), plain);
  return 0;
}
