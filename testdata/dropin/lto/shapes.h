#pragma once
#include <memory>
#include <string>
struct Shape {
  virtual ~Shape() = default;
  virtual double area() const = 0;
  virtual std::string name() const = 0;
};
std::unique_ptr<Shape> makeShape(const std::string &kind, double size);
