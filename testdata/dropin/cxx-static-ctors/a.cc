// Static constructors of the first object, one with init_priority.
#include <string>
#include <vector>

#include "log.h"

static std::vector<std::string> &records() {
  static std::vector<std::string> r;
  return r;
}
void record(const char *what) { records().push_back(what); }
void printRecords() {
  for (const auto &r : records()) std::printf("init %s\n", r.c_str());
}

static Registrar a1("a1");
static Registrar a2("a2");
static Registrar early __attribute__((init_priority(200))) ("a-priority-200");
__attribute__((constructor(150))) static void cEarly() { record("a-constructor-150"); }
