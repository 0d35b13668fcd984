// Exception types shared by thrower.cc and main.cc; Oops has a key function
// (what) defined in thrower.cc, so its typeinfo lives in that object only.
#pragma once
#include <exception>
#include <string>

struct Oops : std::exception {
  explicit Oops(int code) : code(code) {}
  const char *what() const noexcept override;
  int code;
};

void mayThrow(int kind);
void callBack(void (*fn)(int), int arg);
std::exception_ptr captured();
