// C++ across two libraries: iostream, exceptions thrown in one library,
// passing through another, caught in the program; static constructors and
// destructors in order; std::map, std::string, std::sort.
#include <algorithm>
#include <iostream>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>
int middle_call(int);
static struct MainGlobal {
  MainGlobal() { std::cout << "ctor main-global\n"; }
  ~MainGlobal() { std::cout << "dtor main-global\n"; }
} mainGlobal;
int main(int argc, char **) {
  std::vector<int> v{4, 3, 2, 1};
  std::sort(v.begin(), v.end());
  std::map<std::string, int> counts;
  for (int x : v) {
    try {
      std::cout << "middle_call(" << x << ") = " << middle_call(x) << std::endl;
      counts["returned"]++;
    } catch (const std::exception &e) {
      std::cout << "caught in main: " << e.what() << std::endl;
      counts["caught"]++;
    }
  }
  for (const auto &[k, n] : counts) std::cout << k << " " << n << "\n";
  try {
    throw std::string("a thrown string");
  } catch (const std::string &s) {
    std::cout << s << "\n";
  }
  std::cerr << "cerr works\n";
  return argc;
}
