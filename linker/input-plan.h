// The input plan: the command line's inputs as a list of jobs, made once.
// GNU ld's inputs carry positional state (-Bstatic/-Bdynamic, --whole-archive,
// --as-needed, groups, --push-state/--pop-state): the plan interprets it in
// one place, resolves every -l to its file with the state in force there,
// and decides how many threads the link uses. The read-ahead (preload.cpp)
// and the in-order walk (read-inputs.cpp) both consume the plan. Paths named
// inside linker scripts are not in it: the walk finds them when it reads the
// script.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace mld {

struct Context;

// The positional state GNU ld carries from option to option.
struct InputState {
  bool wholeArchive = false;
  bool isStatic = false;
  bool asNeeded = false;
};

struct InputJob {
  enum class Kind : uint8_t {
    File,       // read `path` (found: false for a -l nothing matched)
    StartGroup, // --start-group
    EndGroup,   // --end-group
    Error,      // a misuse the walk reports when it gets there (`path`: the message)
  };
  Kind kind;
  std::string path;    // the file to open, resolved once
  std::string needed;  // DT_NEEDED for a shared library without DT_SONAME
  std::string spelled; // as written: "-lfoo", "-l:libfoo.a" or the path
  bool found = true;
  InputState state; // in force where the input was named
};

struct InputPlan {
  std::vector<InputJob> jobs;
  InputState finalState; // at the end of the command line
};

// Makes the plan from ctx.config.inputs and sets the link's thread count
// (see chooseThreadCount).
InputPlan planInputs(Context &ctx);

// The job for -l NAME (also met in linker scripts and asked for by LTO
// plugins) under `state`.
InputJob libraryJob(Context &ctx, const std::string &name, InputState state);

// Finds -l NAME in the -L directories: lib NAME.so unless `staticOnly`,
// then lib NAME.a (and -l:FILE as the file itself), GNU ld's order.
std::optional<std::string> findLibrary(Context &ctx, const std::string &name, bool staticOnly);

// Where a file named in INPUT(...) or GROUP(...) of the linker script at
// `scriptPath` is, by GNU ld's rules: `=/x` and `$SYSROOT/x` are in the
// sysroot; an absolute name is in the sysroot when the script itself lies
// inside the sysroot, else as written; a relative name is tried from the
// current directory, then the script's directory, then each -L directory.
// `error` ("cannot find NAME [inside SYSROOT]") when nothing matched.
struct ScriptInputPath {
  std::string path;
  std::string error;
};
ScriptInputPath findScriptInput(Context &ctx, const std::string &scriptPath,
                                const std::string &name);

} // namespace mld
