// Inline functions, templates, an inline variable and a template static
// member used by both a.cc and b.cc: each object carries a COMDAT copy and
// the linker must keep exactly one.
#pragma once
#include <string>
#include <vector>

struct Shape {
  virtual ~Shape() = default;
  virtual double area() const = 0;
  virtual std::string name() const { return "shape"; }
};

template <class T> struct Box {
  static int instances;
  T value;
  explicit Box(T v) : value(v) { ++instances; }
  T twice() const { return value + value; }
};
template <class T> int Box<T>::instances = 0;

inline int sharedCounter = 0;

inline int &callCount() {
  static int calls = 0;
  ++calls;
  return calls;
}

template <class T> T sumAll(const std::vector<T> &v) {
  T total{};
  for (const auto &x : v) total += x;
  return total;
}

Shape *makeSquare(double side);
Shape *makeCircle(double r);
int useBoxesInA();
int useBoxesInB();
