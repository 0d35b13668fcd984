// temp-dir.h: a scratch directory under $TMPDIR (or /tmp) that is removed with
// everything in it when the object dies, unless MLD_KEEP_TEMP is set.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <set>
#include <string>
#include <unistd.h>

namespace mld::test {

class TempDir {
public:
  TempDir() {
    const char *base = std::getenv("TMPDIR");
    std::string tmpl = std::string(base && *base ? base : "/tmp") + "/mld-e2e-XXXXXX";
    char *made = mkdtemp(tmpl.data());
    path_ = made ? made : "";
  }
  ~TempDir() {
    if (!path_.empty() && !std::getenv("MLD_KEEP_TEMP")) {
      std::error_code ec;
      std::filesystem::remove_all(path_, ec);
    }
  }
  TempDir(const TempDir &) = delete;
  TempDir &operator=(const TempDir &) = delete;

  const std::string &path() const { return path_; }
  std::string operator/(const std::string &name) const { return path_ + "/" + name; }

private:
  std::string path_;
};

// Every entry below `dir` (recursively, relative paths): used to prove that a
// link left no temporary or partial files behind.
inline std::set<std::string> listTree(const std::string &dir) {
  std::set<std::string> out;
  std::error_code ec;
  for (auto it = std::filesystem::recursive_directory_iterator(dir, ec);
       it != std::filesystem::recursive_directory_iterator(); it.increment(ec))
    out.insert(std::filesystem::relative(it->path(), dir, ec).string());
  return out;
}

} // namespace mld::test
