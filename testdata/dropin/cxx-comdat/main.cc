// Virtual calls through objects made in a.cc/b.cc and the single identity of
// COMDAT data (Box<T>::instances, sharedCounter, callCount's static).
#include <cstdio>
#include <memory>

#include "shapes.h"

int main() {
  std::unique_ptr<Shape> shapes[] = {std::unique_ptr<Shape>(makeSquare(3)),
                                     std::unique_ptr<Shape>(makeCircle(2))};
  for (const auto &s : shapes) std::printf("%s area %.1f\n", s->name().c_str(), s->area());
  std::printf("a=%d b=%d\n", useBoxesInA(), useBoxesInB());
  std::printf("Box<int>::instances=%d Box<string>::instances=%d\n", Box<int>::instances,
              Box<std::string>::instances);
  std::printf("sharedCounter=%d callCount=%d\n", sharedCounter, callCount());
  return 0;
}
