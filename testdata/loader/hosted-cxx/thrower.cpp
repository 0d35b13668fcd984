// libthrower: throws through its own frames; a static object with a
// constructor and destructor (run by mload, destroyed at exit).
#include <iostream>
#include <stdexcept>
#include <string>
struct Tracker {
  std::string name;
  explicit Tracker(std::string n) : name(std::move(n)) { std::cout << "ctor " << name << "\n"; }
  ~Tracker() { std::cout << "dtor " << name << "\n"; }
};
static Tracker global("thrower-global");
void thrower_throw(int v) {
  Tracker local("thrower-local-" + std::to_string(v));
  if (v % 2) throw std::runtime_error("odd value " + std::to_string(v));
}
