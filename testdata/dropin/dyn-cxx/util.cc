// Virtual classes and a throwing helper for main.cc.
#include <stdexcept>

#include "util.h"

namespace {
struct Dog : Animal {
  std::string speak() const override { return "woof"; }
};
struct Cat : Animal {
  std::string speak() const override { return "meow"; }
};
} // namespace

std::vector<Animal *> makeZoo() { return {new Dog, new Cat, new Dog}; }

void failIf(bool fail, const std::string &why) {
  if (fail) throw std::invalid_argument(why);
}
