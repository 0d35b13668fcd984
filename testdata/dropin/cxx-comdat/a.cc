// One half of the COMDAT scenario: Square, and the shared templates.
#include "shapes.h"

namespace {
struct Square : Shape {
  double side;
  explicit Square(double s) : side(s) {}
  double area() const override { return side * side; }
  std::string name() const override { return "square"; }
};
} // namespace

Shape *makeSquare(double side) { return new Square(side); }

int useBoxesInA() {
  Box<int> a(20), b(1);
  Box<std::string> s("ab");
  sharedCounter += 10;
  callCount();
  return a.twice() + b.twice() + (int)s.twice().size() + sumAll(std::vector<int>{1, 2, 3});
}
