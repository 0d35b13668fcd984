// GNU ld's command line -> Config, through Boost.Program_options.
// One table (option-table.cpp) names every option, its argument, its help
// line and what it does to Config; Boost matches names and splits values, and a small
// normalisation step first rewrites GNU's irregular spellings (-soname,
// -Map=f, -(, -ofile, separate values) into forms Boost parses unambiguously.
// Response files are expanded before anything else.

#include "options.h"
#include "option-table.h"
#include "diag.h"
#include "mld-version.h"

#include <boost/program_options.hpp>

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

namespace po = boost::program_options;

namespace mld {

using namespace opt;

namespace {

// GNU quoting, as libiberty's buildargv: whitespace separates words, quotes
// group, and a backslash escapes the next character anywhere.
std::vector<std::string> splitResponseFile(const std::string &text) {
  std::vector<std::string> words;
  std::string word;
  bool inWord = false;
  char quote = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\\' && i + 1 < text.size()) {
      word += text[++i];
      inWord = true;
    } else if (quote) {
      if (c == quote)
        quote = 0;
      else
        word += c;
    } else if (c == '\'' || c == '"') {
      quote = c;
      inWord = true;
    } else if (std::isspace(static_cast<unsigned char>(c))) {
      if (inWord)
        words.push_back(word);
      word.clear();
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (inWord)
    words.push_back(word);
  return words;
}

bool expandResponseFiles(const std::vector<std::string> &in, std::vector<std::string> &out,
                         ParseState &s, int depth) {
  for (const std::string &arg : in) {
    if (arg.size() < 2 || arg[0] != '@') {
      out.push_back(arg);
      continue;
    }
    std::string path = arg.substr(1);
    if (depth >= 32) {
      s.error("response file nesting too deep: " + path);
      return false;
    }
    std::unique_ptr<FILE, int (*)(FILE *)> file(std::fopen(path.c_str(), "rb"), std::fclose);
    if (!file) {
      s.error("cannot open response file " + path + ": " + std::strerror(errno));
      return false;
    }
    std::string text;
    char buf[4096];
    while (size_t n = std::fread(buf, 1, sizeof buf, file.get()))
      text.append(buf, n);
    if (std::ferror(file.get())) { // e.g. @dir: fopen works, reading does not
      s.error("cannot read response file " + path + ": " + std::strerror(errno));
      return false;
    }
    file.reset();
    if (!expandResponseFiles(splitResponseFile(text), out, s, depth + 1))
      return false;
  }
  return true;
}

// Stands for "no value given" of an optional-value option (--build-id):
// Boost 1.74 refuses "--build-id=" and lets an implicit-value option
// swallow the next word, so normalise() writes "--build-id=<kBareValue>".
const char kBareValue[] = "\x01";

// Rewrites GNU ld spellings into ones Boost parses the same way every time:
//   -(  -)                 -> --start-group --end-group
//   -f x, -F x             -> --auxiliary=x, --filter=x
//   -soname x, -Map=f      -> --soname=x, --Map=f  (single-dash long names;
//                             never for words starting with 'o': -ofile is -o)
//   --soname x, -o x       -> --soname=x, -ox  (so that a value that starts
//                             with '-' is never mistaken for an option)
// and reports what Boost would report badly: a missing value, a value given
// to a flag, and a flag letter with junk after it (-static-pie).
bool normalise(const std::vector<std::string> &in, std::vector<std::string> &out, ParseState &s) {
  const OptionIndex &index = optionIndex();
  bool ok = true;
  for (size_t i = 0; i < in.size(); ++i) {
    const std::string &tok = in[i];
    if (tok == "-(" || tok == "-)") {
      out.push_back(tok == "-(" ? "--start-group" : "--end-group");
      continue;
    }
    // -f NAME and -F NAME, GNU ld's short --auxiliary and --filter, only as
    // separate words: a joined -fPIC given to the linker by mistake is
    // reported, not written into .dynamic.
    if ((tok == "-f" || tok == "-F") && i + 1 < in.size()) {
      out.push_back((tok == "-f" ? "--auxiliary=" : "--filter=") + in[++i]);
      continue;
    }
    if (tok == "--") { // everything after it is a file, as with getopt
      out.insert(out.end(), in.begin() + i, in.end());
      break;
    }
    if (tok.size() < 2 || tok[0] != '-') {
      out.push_back(tok);
      continue;
    }

    bool dashDash = tok[1] == '-';
    std::string body = tok.substr(dashDash ? 2 : 1);
    size_t eq = body.find('=');
    std::string name = body.substr(0, eq);
    auto longIt = index.byLongName.find(name);
    bool isLong = longIt != index.byLongName.end() && (dashDash || name[0] != 'o');

    if (isLong) {
      const OptionSpec &spec = *longIt->second;
      if (eq != std::string::npos && spec.arg == Arg::None) {
        s.error("--" + name + ": option does not take a value");
        ok = false;
      } else if (eq == std::string::npos && spec.arg == Arg::Required) {
        if (i + 1 == in.size()) {
          s.error(tok + ": missing argument");
          ok = false;
        } else {
          out.push_back("--" + name + "=" + in[++i]);
        }
      } else if (spec.arg == Arg::Optional && body.size() <= name.size() + 1) {
        out.push_back("--" + name + "=" + kBareValue);
      } else if (spec.arg == Arg::Required && body.size() == name.size() + 1) {
        s.error(tok.substr(0, tok.size() - 1) + ": missing argument");
        ok = false;
      } else {
        out.push_back("--" + body);
      }
      continue;
    }
    if (dashDash) { // unknown long option: Boost reports it as unregistered
      out.push_back(tok);
      continue;
    }

    auto shortIt = index.byShortName.find(tok[1]);
    if (shortIt == index.byShortName.end()) {
      out.push_back(tok); // unknown: Boost reports it
      continue;
    }
    const OptionSpec &spec = *shortIt->second;
    if (spec.arg == Arg::None) {
      if (tok.size() > 2) {
        s.error("unknown argument '" + tok + "'");
        ok = false;
      } else {
        out.push_back(tok);
      }
    } else if (tok.size() > 2) {
      out.push_back(tok);
    } else if (i + 1 == in.size()) {
      s.error(tok + ": missing argument");
      ok = false;
    } else {
      out.push_back(tok + in[++i]);
    }
  }
  return ok;
}

bool hasInputFiles(const Config &config) {
  for (const InputSpec &in : config.inputs)
    if (in.kind == InputSpec::Kind::File || in.kind == InputSpec::Kind::Library)
      return true;
  return false;
}

// Settles what depends on the whole line: output kind, defaults that
// name the output, unterminated groups, and whether to link at all.
void finish(ParseState &s) {
  Config &config = s.config;
  config.kind = s.shared ? OutputKind::Shared : s.pie ? OutputKind::Pie : OutputKind::Exec;
  // -r makes an object, which has no output kind of its own (GNU ld's
  // messages).
  if (config.relocatable && s.shared)
    s.error("-r and -shared may not be used together");
  if (config.relocatable && s.pie)
    s.error("-r and -pie may not be used together");
  if (config.relocatable && config.gcSections)
    s.error("--gc-sections is not supported with -r");
  // GNU ld 2.39's --warn-execstack says so when -z execstack makes the
  // stack executable (mld takes no other reason: see docs/command-line.md).
  if (config.warnExecStack && config.zExecStack && !config.relocatable)
    s.warn("enabling an executable stack because of -z execstack command line option");
  if (s.timeTraceDefault)
    config.timeTracePath = config.outputPath + ".time-trace";
  bool hasErrors = false;
  for (auto &diag : s.diags)
    hasErrors |= diag.first;
  if (s.groupDepth > 0 && !hasErrors) {
    s.warn("missing --end-group; added at the end of the command line");
    s.push(InputSpec::Kind::EndGroup);
  }
  if (config.printHelp || s.versionExits)
    return;
  if (!hasInputFiles(config)) {
    // "ld -v" alone is how configure scripts ask for the version.
    if (config.verbose)
      config.printVersion = true;
    else if (config.printOutputFormat || config.printSysroot)
      config.printOnly = true;
    else
      s.error("no input files");
  }
}

} // namespace

std::string_view defaultEntry(const Config &config) {
  return config.isShared() || config.relocatable ? "" : "_start";
}

uint64_t imageBase(const Config &config) {
  return config.imageBase.value_or(config.kind == OutputKind::Exec ? 0x400000 : 0);
}

bool parseArgs(const std::vector<std::string> &args, Config &config, std::ostream &err) {
  ParseState s{config, {}};
  std::vector<std::string> expanded, normalised;
  bool ok = expandResponseFiles(args, expanded, s, 0) && normalise(expanded, normalised, s);

  if (ok) {
    const OptionIndex &index = optionIndex();
    using Style = po::command_line_style::style_t;
    // Values are always adjacent after normalise(); allowing Boost to take
    // the next word as well would let a bare --build-id swallow a file name.
    int style = po::command_line_style::allow_long | po::command_line_style::long_allow_adjacent |
                po::command_line_style::allow_short | po::command_line_style::allow_dash_for_short |
                po::command_line_style::short_allow_adjacent;
    // Boost's parser copies the remaining words for every word it takes,
    // which is quadratic on a 5,000-object command line; so input files are
    // taken here, and each run of options between them goes to Boost.
    auto parseOptions = [&](std::vector<std::string> words) {
      po::parsed_options parsed = po::command_line_parser(words)
                                      .options(index.desc)
                                      .style(static_cast<Style>(style))
                                      .allow_unregistered()
                                      .run();
      // parsed.options keeps command-line order, which -l, -Bstatic,
      // --as-needed and the group options depend on.
      for (const po::option &opt : parsed.options) {
        if (opt.unregistered) {
          s.error("unknown argument '" + opt.original_tokens.at(0) + "'");
        } else if (opt.string_key.empty() || opt.position_key >= 0) {
          s.push(InputSpec::Kind::File, opt.value.at(0));
        } else {
          const OptionSpec *spec = index.byKey.at(opt.string_key);
          std::string value = opt.value.empty() ? std::string() : opt.value[0];
          spec->apply(s, value == kBareValue ? std::string() : value);
        }
      }
    };
    try {
      std::vector<std::string> pending;
      bool endOfOptions = false;
      for (const std::string &word : normalised) {
        bool isFile = endOfOptions || word.empty() || word[0] != '-' || word == "-";
        if (!isFile) {
          endOfOptions = word == "--";
          pending.push_back(word);
          continue;
        }
        if (!pending.empty())
          parseOptions(std::move(pending));
        pending.clear();
        s.push(InputSpec::Kind::File, word);
      }
      if (!pending.empty())
        parseOptions(std::move(pending));
      finish(s);
    } catch (const po::error &e) {
      s.error(e.what());
    }
  }

  bool hasError = false;
  for (auto &[isError, msg] : s.diags) {
    bool fatal = isError || config.fatalWarnings;
    // Messages quote arguments as given: escape what the terminal would
    // act on, as for names read from files.
    err << (fatal ? "mld: error: " : "mld: warning: ") << escapeControlBytes(msg) << '\n';
    hasError |= fatal;
  }
  return !hasError;
}

bool parseCommandLine(int argc, char **argv, Config &config, std::ostream &err) {
  std::vector<std::string> args(argv + (argc > 0 ? 1 : 0), argv + argc);
  return parseArgs(args, config, err);
}

#ifndef MLD_VERSION
#define MLD_VERSION "0.1.0"
#endif

// "compatible with GNU linkers" is what configure scripts (libtool's
// `$LD -v | grep GNU`) look for to treat mld as a GNU-flavoured ld.
const char *versionString() {
  return "mld " MLD_VERSION " (git " MLD_GIT_REVISION "; compatible with GNU linkers)";
}

void printHelp(std::ostream &out) {
  out << "Usage: mld [options] file...\n";
  const char *group = nullptr;
  for (const OptionSpec &spec : optionTable()) {
    if (!spec.group)
      continue;
    if (!group || std::strcmp(group, spec.group) != 0) {
      group = spec.group;
      out << '\n' << group << ":\n";
    }
    Names names = splitNames(spec.names);
    std::string value = spec.arg == Arg::Required   ? std::string(" ") + spec.valueName
                        : spec.arg == Arg::Optional ? std::string("[=") + spec.valueName + "]"
                                                    : "";
    std::string line = "  ";
    if (names.shortName)
      line += std::string("-") + names.shortName + (spec.arg == Arg::Required ? value : "") +
              (names.longNames.empty() ? "" : ", ");
    for (size_t i = 0; i < names.longNames.size(); ++i) {
      // GNU spells these with one dash (-Bstatic, -dn, -non_shared); both work.
      const std::string &name = names.longNames[i];
      bool oneDash = std::isupper(static_cast<unsigned char>(name[0])) || name.size() == 2 ||
                     name.find('_') != std::string::npos;
      line += (i ? ", " : "") + std::string(oneDash ? "-" : "--") + name;
      if (spec.arg == Arg::Required)
        line += oneDash ? value : "=" + std::string(spec.valueName);
      else
        line += value;
    }
    if (line.size() < 34)
      line.resize(34, ' ');
    else
      line += "\n" + std::string(34, ' ');
    out << line << spec.help << '\n';
  }
  out << "\n-z keywords:\n"
         "  now, lazy                       Bind at load time / on first call\n"
         "  relro, norelro                  Make relocated data read-only after start\n"
         "  execstack, noexecstack          Mark the stack executable or not\n"
         "  separate-code, noseparate-code  Keep code in its own pages\n"
         "  text, notext                    Forbid / allow text relocations (default: warn)\n"
         "  pack-relative-relocs,           Put RELATIVE relocations in .relr.dyn (DT_RELR)\n"
         "  nopack-relative-relocs            or not (the default)\n"
         "  defs                            Same as --no-undefined\n"
         "  undefs                          Do not report names undefined in objects\n"
         "  muldefs                         Same as --allow-multiple-definition\n"
         "  nodelete, origin                Set DF_1_NODELETE / DF_ORIGIN\n"
         "  initfirst, interpose, nodump,   Set DF_1_INITFIRST, DF_1_INTERPOSE, DF_1_NODUMP,\n"
         "  nodefaultlib, nodlopen,           DF_1_NODEFLIB, DF_1_NOOPEN, DF_1_LOADFLTR,\n"
         "  loadfltr, global                  DF_1_GLOBAL\n"
         "  stack-size=N                    PT_GNU_STACK's size (the main thread's stack)\n"
         "  max-page-size=N                 Segment alignment (default 4096)\n"
         "  common-page-size=N              Accepted\n"
         "\n@FILE reads more arguments from FILE.\n";
}

} // namespace mld
