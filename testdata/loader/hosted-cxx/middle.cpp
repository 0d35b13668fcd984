// libmiddle: calls into libthrower; catches only what it can handle, so
// the runtime_error unwinds through its frames to the program.
#include <iostream>
#include <stdexcept>
void thrower_throw(int);
int middle_call(int v) {
  try {
    thrower_throw(v);
  } catch (const std::logic_error &e) {
    std::cout << "never: " << e.what() << "\n";
  }
  return v * 10;
}
