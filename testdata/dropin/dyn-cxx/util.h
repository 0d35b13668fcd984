// Interfaces between main.cc and util.cc (two objects of one executable).
#pragma once
#include <string>
#include <vector>

struct Animal {
  virtual ~Animal() = default;
  virtual std::string speak() const = 0;
};
std::vector<Animal *> makeZoo();
void failIf(bool fail, const std::string &why);
