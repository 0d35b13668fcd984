// An LTO C++ program: makeShape (shapes.cc) throws across modules.
#include <iostream>
#include <map>
#include <stdexcept>
#include <vector>
#include "shapes.h"

template <typename T> T total(const std::vector<T> &v) {
  T s{};
  for (const T &x : v)
    s += x;
  return s;
}

int main() {
  std::map<std::string, double> areas;
  for (const char *k : {"square", "circle", "square"})
    areas[k] += makeShape(k, 2.0)->area();
  for (auto &[k, a] : areas)
    std::cout << k << " " << a << "\n";
  try {
    makeShape("triangle", 1.0);
  } catch (const std::invalid_argument &e) {
    std::cout << "caught: " << e.what() << "\n";
  }
  std::cout << "total " << total(std::vector<int>{1, 2, 3, 4}) << "\n";
  return 0;
}
