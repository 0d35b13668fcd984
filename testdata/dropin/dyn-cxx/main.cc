// A dynamic C++ program against libstdc++.so.6: iostream, containers,
// virtual calls, exceptions thrown in another object, std::cout's COPY.
#include <algorithm>
#include <iostream>
#include <map>
#include <memory>
#include <stdexcept>

#include "util.h"

int main() {
  std::map<std::string, int> sounds;
  for (Animal *a : makeZoo()) {
    sounds[a->speak()]++;
    delete a;
  }
  for (const auto &[s, n] : sounds) std::cout << s << " x" << n << '\n';
  try {
    failIf(false, "not thrown");
    failIf(true, "thrown from util.cc");
  } catch (const std::invalid_argument &e) {
    std::cout << "caught: " << e.what() << '\n';
  }
  std::vector<std::string> names{"delta", "alpha", "charlie", "bravo"};
  std::sort(names.begin(), names.end());
  for (const auto &n : names) std::cout << n << (n == names.back() ? "\n" : ",");
  auto p = std::make_shared<std::string>(20, '*');
  std::cout << *p << " use_count=" << p.use_count() << std::endl;
  return 0;
}
