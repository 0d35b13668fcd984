// mld's entry point: command line -> Config -> link(). Option plumbing ends
// in options.cpp; the link itself starts in driver.cpp.

#include "driver.h"
#include "options.h"

#include <iostream>

int main(int argc, char **argv) {
  mld::Config config;
  if (!mld::parseCommandLine(argc, argv, config, std::cerr))
    return 1;
  if (config.printHelp) {
    mld::printHelp(std::cout);
    return 0;
  }
  if (config.printVersion) {
    std::cout << mld::versionString() << '\n';
    return 0;
  }
  // GNU ld prints these and links anyway, if there is anything to link.
  if (config.printOutputFormat)
    std::cout << "elf64-x86-64\n";
  if (config.printSysroot)
    std::cout << config.sysroot << '\n';
  if (config.printOnly)
    return 0;
  // "ld -v a.o" prints the version and links anyway.
  if (config.verbose)
    std::cout << mld::versionString() << std::endl;
  return mld::link(config);
}
