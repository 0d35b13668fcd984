// The option table behind options.cpp: every GNU ld option mld knows, its
// argument, its help line and what it does to Config (the table in
// option-table.cpp), and that table indexed for the parser (OptionIndex).
// options.cpp owns the parsing itself: response files, GNU's spellings,
// the order of diagnostics.
#pragma once

#include "config.h"

#include <boost/program_options.hpp>

#include <map>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace mld::opt {

// Diagnostics are collected and printed at the end so that --fatal-warnings
// anywhere on the line can turn earlier warnings into errors, as in lld.
struct ParseState {
  Config &config;
  std::vector<std::pair<bool, std::string>> diags; // (isError, message)
  int groupDepth = 0;
  int stateDepth = 0;
  bool shared = false;
  bool pie = false;
  bool versionExits = false;     // --version: print and stop, even with inputs
  bool timeTraceDefault = false; // --time-trace without =FILE

  void error(std::string msg) { diags.emplace_back(true, std::move(msg)); }
  void warn(std::string msg) { diags.emplace_back(false, std::move(msg)); }
  void push(InputSpec::Kind kind, std::string value = {}) {
    config.inputs.push_back({kind, std::move(value)});
  }
};

enum class Arg : uint8_t { None, Required, Optional };
using Apply = void (*)(ParseState &, const std::string &);

struct OptionSpec {
  const char *group; // help caption; nullptr hides the option from --help
  const char *names; // Boost syntax: "long[,alias...][,c]" or ",c"
  Arg arg;
  const char *valueName; // shown in --help
  const char *help;
  Apply apply;
};

// Every option, in --help order.
std::span<const OptionSpec> optionTable();

// Splits a Boost names string into long names and the short letter.
struct Names {
  std::vector<std::string> longNames;
  char shortName = 0;
};

Names splitNames(const char *names);

// The option table, indexed three ways for the parser.
struct OptionIndex {
  boost::program_options::options_description desc;
  std::map<std::string, const OptionSpec *> byKey;      // Boost's string_key
  std::map<std::string, const OptionSpec *> byLongName; // without dashes
  std::map<char, const OptionSpec *> byShortName;

  OptionIndex();
};

const OptionIndex &optionIndex();

} // namespace mld::opt
