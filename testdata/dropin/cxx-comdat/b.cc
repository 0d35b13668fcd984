// The other half: Circle, and the same template instances as a.cc.
#include "shapes.h"

namespace {
struct Circle : Shape {
  double r;
  explicit Circle(double r) : r(r) {}
  double area() const override { return 3.0 * r * r; }
};
} // namespace

Shape *makeCircle(double r) { return new Circle(r); }

int useBoxesInB() {
  Box<int> a(5);
  Box<std::string> s("xyz");
  sharedCounter += 100;
  callCount();
  return a.twice() + (int)s.twice().size() + (int)sumAll(std::vector<double>{0.5, 1.5});
}
