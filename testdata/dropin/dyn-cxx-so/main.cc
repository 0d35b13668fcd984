// Catches, in the executable, exceptions thrown inside libdropxx.so.
#include <cstdio>

#include "lib.h"

int main() {
  for (int kind = 0; kind <= 3; kind++) {
    try {
      libThrow(kind);
      std::printf("kind %d: nothing thrown\n", kind);
    } catch (const LibError &e) {
      std::printf("kind %d: LibError %s code %d\n", kind, e.what(), e.code);
    } catch (const std::exception &e) {
      std::printf("kind %d: std::exception %s\n", kind, e.what());
    } catch (int v) {
      std::printf("kind %d: int %d\n", kind, v);
    }
  }
  for (const auto &part : libSplit("a,bb,,ccc", ',')) std::printf("[%s]", part.c_str());
  std::printf("\n");
  return 0;
}
