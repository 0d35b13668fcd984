// mld-e2e-prepare: compile one testdata/static scenario into a directory at
// build time, so the e2e tests only link and run. Usage: SCENARIO_DIR OUT_DIR CC AR
#include "scenario.h"

#include <cstdio>

int main(int argc, char **argv) {
  if (argc != 5) {
    std::fprintf(stderr, "usage: mld-e2e-prepare SCENARIO_DIR OUT_DIR CC AR\n");
    return 2;
  }
  std::string error;
  std::optional<mld::test::Scenario> s = mld::test::parseScenario(argv[1], error);
  if (!s) {
    std::fprintf(stderr, "mld-e2e-prepare: %s\n", error.c_str());
    return 1;
  }
  std::string log;
  if (!mld::test::prepareScenario(*s, argv[2], {argv[3], argv[4]}, log)) {
    std::fprintf(stderr, "mld-e2e-prepare: %s failed:\n%s", s->name.c_str(), log.c_str());
    return 1;
  }
  return 0;
}
