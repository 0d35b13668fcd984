// libdropxx.so: throws exceptions for the executable to catch, so its
// .eh_frame/.eh_frame_hdr must be right and typeinfo shared across objects.
#include "lib.h"

const char *LibError::what() const noexcept { return std::runtime_error::what(); }

struct Guard {
  ~Guard() { __builtin_printf("  library frame unwound\n"); }
};

void libThrow(int kind) {
  Guard g;
  if (kind == 1) throw LibError("LibError from the library", 7);
  if (kind == 2) throw std::out_of_range("out_of_range from the library");
  if (kind == 3) throw 99;
}

std::vector<std::string> libSplit(const std::string &s, char sep) {
  std::vector<std::string> out(1);
  for (char c : s) {
    if (c == sep) out.emplace_back();
    else out.back() += c;
  }
  return out;
}
