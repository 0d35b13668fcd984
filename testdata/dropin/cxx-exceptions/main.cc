// Catches, in this object, what thrower.cc throws: by derived and base
// type, fundamental types, rethrow, through callbacks and exception_ptr.
#include <cstdio>
#include <stdexcept>

#include "errors.h"

static void rethrower(int kind) {
  try {
    mayThrow(kind);
  } catch (const std::exception &e) {
    std::printf("  rethrowing %s\n", e.what());
    throw;
  }
}

int main() {
  for (int kind = 0; kind <= 5; kind++) {
    try {
      mayThrow(kind);
      std::printf("kind %d: no exception\n", kind);
    } catch (const Oops &e) {
      std::printf("kind %d: Oops code=%d what=%s\n", kind, e.code, e.what());
    } catch (const std::runtime_error &e) {
      std::printf("kind %d: runtime_error: %s\n", kind, e.what());
    } catch (int v) {
      std::printf("kind %d: int %d\n", kind, v);
    } catch (const std::string &s) {
      std::printf("kind %d: string %s\n", kind, s.c_str());
    } catch (const std::exception &e) {
      std::printf("kind %d: std::exception %s\n", kind, e.what());
    }
  }
  try {
    rethrower(2);
  } catch (const std::runtime_error &e) {
    std::printf("caught rethrown: %s\n", e.what());
  }
  try {
    callBack(rethrower, 1);
  } catch (const Oops &e) {
    std::printf("caught through callback: %d\n", e.code);
  }
  try {
    std::rethrow_exception(captured());
  } catch (const Oops &e) {
    std::printf("exception_ptr: %s %d\n", e.what(), e.code);
  }
  return 0;
}
