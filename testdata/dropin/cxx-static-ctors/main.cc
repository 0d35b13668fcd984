// Prints the order in which static constructors ran; destructors print at exit.
#include "log.h"

static Registrar m1("main1");

int main() {
  printRecords();
  std::printf("main runs\n");
  return 0;
}
