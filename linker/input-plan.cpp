#include "input-plan.h"

#include "context.h"

#include "llvm/Support/Parallel.h"
#include "llvm/Support/Path.h"

#include <cstdlib>
#include <cstring>
#include <sys/stat.h>

namespace mld {

// A search directory (-L, SEARCH_DIR) as GNU ld reads it: a leading `=` or
// `$SYSROOT` stands for the sysroot.
static std::string searchDir(Context &ctx, const std::string &dir) {
  if (dir.starts_with("="))
    return ctx.config.sysroot + dir.substr(1);
  if (dir.starts_with("$SYSROOT"))
    return ctx.config.sysroot + dir.substr(strlen("$SYSROOT"));
  return dir;
}

std::optional<std::string> findLibrary(Context &ctx, const std::string &name, bool staticOnly) {
  auto exists = [](const std::string &p) {
    struct stat st;
    return stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode);
  };
  for (const std::string &spelled : ctx.config.libraryPaths) {
    std::string dir = searchDir(ctx, spelled);
    if (name.starts_with(":")) {
      std::string p = dir + "/" + name.substr(1);
      if (exists(p))
        return p;
      continue;
    }
    if (!staticOnly) {
      std::string so = dir + "/lib" + name + ".so";
      if (exists(so))
        return so;
    }
    std::string a = dir + "/lib" + name + ".a";
    if (exists(a))
      return a;
  }
  return std::nullopt;
}

// A -l input: the file found with the state in force, recorded in
// DT_NEEDED (when it is a library without DT_SONAME) by its file name alone,
// or for -l:NAME as NAME, never by the directory it was found in.
InputJob libraryJob(Context &ctx, const std::string &name, InputState state) {
  InputJob job{InputJob::Kind::File, "", "", "-l" + name, true, state};
  std::optional<std::string> path = findLibrary(ctx, name, state.isStatic);
  if (!path) {
    job.found = false;
    return job;
  }
  job.path = *path;
  job.needed =
      name.size() > 1 && name[0] == ':' ? name.substr(1) : llvm::sys::path::filename(*path).str();
  return job;
}

// Whether `path` lies inside the sysroot, both taken through realpath(3) so
// that `--sysroot=dir/../root` and symlinks compare as the same directory
// (GNU ld's is_sysrooted_pathname). No sysroot: nothing is inside it.
static bool isInSysroot(Context &ctx, const std::string &path) {
  if (ctx.config.sysroot.empty())
    return false;
  char *root = realpath(ctx.config.sysroot.c_str(), nullptr);
  char *real = realpath(path.c_str(), nullptr);
  bool inside = false;
  if (root && real) {
    std::string r(root), f(real);
    inside =
        r == "/" || (f.size() > r.size() && f.compare(0, r.size(), r) == 0 && f[r.size()] == '/');
  }
  free(root);
  free(real);
  return inside;
}

ScriptInputPath findScriptInput(Context &ctx, const std::string &scriptPath,
                                const std::string &name) {
  auto exists = [](const std::string &p) {
    struct stat st;
    return stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode);
  };
  const std::string &sysroot = ctx.config.sysroot;
  // `=/x` and `$SYSROOT/x` always name a file in the sysroot.
  std::string n = name;
  if (n.starts_with("="))
    n = sysroot + n.substr(1);
  else if (n.starts_with("$SYSROOT"))
    n = sysroot + n.substr(strlen("$SYSROOT"));
  else if (llvm::sys::path::is_absolute(n) && isInSysroot(ctx, scriptPath))
    return exists(sysroot + n) ? ScriptInputPath{sysroot + n, ""}
                               : ScriptInputPath{"", "cannot find " + n + " inside " + sysroot};
  if (exists(n) || llvm::sys::path::is_absolute(n))
    return exists(n) ? ScriptInputPath{n, ""} : ScriptInputPath{"", "cannot find " + n};
  // A relative name not found from the current directory: next to the
  // script, then in the -L directories.
  llvm::StringRef dir = llvm::sys::path::parent_path(scriptPath);
  if (!dir.empty() && exists(dir.str() + "/" + n))
    return {dir.str() + "/" + n, ""};
  for (const std::string &spelled : ctx.config.libraryPaths) {
    std::string d = searchDir(ctx, spelled);
    if (exists(d + "/" + n))
      return {d + "/" + n, ""};
  }
  return {"", "cannot find " + n};
}

// How many threads the link runs on, decided once from what the plan
// names. A small link runs faster on one: on a 2-core machine a
// cross-thread handoff costs tens of microseconds, and a link of a few
// hundred small objects is over in ~10 ms (100 objects: 12 ms on one
// thread, 17 ms on two). The work is estimated from file sizes: objects
// count in full, archives for a quarter (most members are never pulled),
// shared libraries not at all. --threads=N is obeyed as is.
static void chooseThreadCount(Context &ctx, const InputPlan &plan) {
  unsigned threads = ctx.config.threads;
  if (threads == 0) {
    uint64_t weight = 0;
    for (const InputJob &job : plan.jobs) {
      struct stat st;
      if (job.kind != InputJob::Kind::File || !job.found || stat(job.path.c_str(), &st) != 0)
        continue;
      llvm::StringRef p(job.path);
      if (p.endswith(".a"))
        weight += st.st_size / 4;
      else if (!p.endswith(".so") && !p.contains(".so."))
        weight += st.st_size;
    }
    if (weight < (8 << 20))
      threads = 1;
  }
  llvm::parallel::strategy = llvm::hardware_concurrency(threads);
}

InputPlan planInputs(Context &ctx) {
  InputPlan plan;
  InputState state;
  std::vector<InputState> stack;
  auto add = [&](InputJob::Kind kind, std::string path = "") {
    plan.jobs.push_back({kind, path, path, path, true, state});
  };
  using Kind = InputSpec::Kind;
  for (const InputSpec &spec : ctx.config.inputs) {
    switch (spec.kind) {
    case Kind::File:
      add(InputJob::Kind::File, spec.value);
      break;
    case Kind::Library:
      plan.jobs.push_back(libraryJob(ctx, spec.value, state));
      break;
    case Kind::StartGroup:
      add(InputJob::Kind::StartGroup);
      break;
    case Kind::EndGroup:
      add(InputJob::Kind::EndGroup);
      break;
    case Kind::WholeArchive:
      state.wholeArchive = true;
      break;
    case Kind::NoWholeArchive:
      state.wholeArchive = false;
      break;
    case Kind::Static:
      state.isStatic = true;
      break;
    case Kind::Dynamic:
      state.isStatic = false;
      break;
    case Kind::AsNeeded:
      state.asNeeded = true;
      break;
    case Kind::NoAsNeeded:
      state.asNeeded = false;
      break;
    case Kind::PushState:
      stack.push_back(state);
      break;
    case Kind::PopState:
      if (stack.empty()) {
        add(InputJob::Kind::Error, "stray --pop-state");
        break;
      }
      state = stack.back();
      stack.pop_back();
      break;
    }
  }
  plan.finalState = state;
  chooseThreadCount(ctx, plan);
  return plan;
}

} // namespace mld
