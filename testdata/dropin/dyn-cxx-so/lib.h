// The interface of libdropxx.so: an exception type whose typeinfo (key
// function what()) lives in the library.
#pragma once
#include <stdexcept>
#include <string>
#include <vector>

struct LibError : std::runtime_error {
  LibError(const std::string &m, int code) : std::runtime_error(m), code(code) {}
  const char *what() const noexcept override;
  int code;
};

void libThrow(int kind);
std::vector<std::string> libSplit(const std::string &s, char sep);
