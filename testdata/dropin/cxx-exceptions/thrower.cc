// Throws several kinds of exceptions for main.cc to catch: the unwinder
// must walk .eh_frame of both objects and find each FDE.
#include <stdexcept>

#include "errors.h"

const char *Oops::what() const noexcept { return "Oops"; }

struct Noisy {
  const char *name;
  ~Noisy() { __builtin_printf("  ~Noisy(%s) during unwinding\n", name); }
};

void mayThrow(int kind) {
  Noisy guard{"thrower"};
  switch (kind) {
  case 0: return;
  case 1: throw Oops(41);
  case 2: throw std::runtime_error("runtime error from thrower.cc");
  case 3: throw 42;
  case 4: throw std::string("a std::string");
  default: throw std::out_of_range("kind out of range");
  }
}

void callBack(void (*fn)(int), int arg) {
  Noisy guard{"callBack"};
  fn(arg);
}

std::exception_ptr captured() {
  try {
    mayThrow(1);
  } catch (...) {
    return std::current_exception();
  }
  return nullptr;
}
