// --dependency-file FILE (GNU ld 2.40, lld): a make rule naming the output
// and every file the link read, so that a build system relinks when any of
// them changes. Each file is listed once, in the order it was first read.
#include "dependency-file.h"

#include "context.h"
#include "diag.h"

#include <fstream>
#include <unordered_set>

namespace mld {

void noteDependency(Context &ctx, const std::string &path) {
  if (!ctx.config.dependencyFile.empty())
    ctx.dependencies.push_back(path);
}

// Make's quoting: a space or '#' is escaped with '\', '$' doubled.
static std::string quoteForMake(const std::string &path) {
  std::string out;
  for (char c : path) {
    if (c == ' ' || c == '#')
      out += '\\';
    else if (c == '$')
      out += '$';
    out += c;
  }
  return out;
}

void writeDependencyFile(Context &ctx) {
  const std::string &path = ctx.config.dependencyFile;
  if (path.empty())
    return;
  std::vector<std::string> deps;
  std::unordered_set<std::string> seen;
  for (const std::string &dep : ctx.dependencies)
    if (seen.insert(dep).second)
      deps.push_back(quoteForMake(dep));
  std::string text = quoteForMake(ctx.config.outputPath) + ":";
  for (const std::string &dep : deps)
    text += " \\\n  " + dep;
  text += "\n";
  for (const std::string &dep : deps)
    text += "\n" + dep + ":\n";
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out)
    Error(ctx) << "cannot write dependency file " << path;
}

} // namespace mld
