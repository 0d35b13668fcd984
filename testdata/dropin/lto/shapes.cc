// The C++ half of the LTO program: virtual calls, templates, exceptions.
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>
#include "shapes.h"

namespace {
struct Square : Shape {
  double side;
  explicit Square(double s) : side(s) {}
  double area() const override { return side * side; }
  std::string name() const override { return "square"; }
};
struct Circle : Shape {
  double r;
  explicit Circle(double r) : r(r) {}
  double area() const override { return 3.0 * r * r; }
  std::string name() const override { return "circle"; }
};
} // namespace

std::unique_ptr<Shape> makeShape(const std::string &kind, double size) {
  if (kind == "square")
    return std::make_unique<Square>(size);
  if (kind == "circle")
    return std::make_unique<Circle>(size);
  throw std::invalid_argument("unknown shape " + kind);
}
