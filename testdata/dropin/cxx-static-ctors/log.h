// A registry filled by static constructors of a.cc, b.cc and main.cc; the
// order must be the one ld.bfd gives (priorities first, then link order).
#pragma once
#include <cstdio>

void record(const char *what);
void printRecords();

struct Registrar {
  const char *name;
  explicit Registrar(const char *n) : name(n) { record(n); }
  ~Registrar() { std::printf("destroy %s\n", name); }
};
