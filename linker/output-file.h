// OutputFile: the bytes of the output and the file they end up in.
//
// The output is written through a shared mapping of a temporary file next to
// the output path, renamed over the path by commit(), so nobody ever sees a
// half-written output. When the path already holds an old output that nobody
// else can be using (a regular file with one link, owned like a new file,
// without extended attributes, not a running program, not a shared library),
// that old file itself becomes the temporary file: writing into page-cache
// pages that exist is much cheaper than having the kernel allocate and zero
// fresh ones, and replacing the path then frees no old pages. Such a reused
// file holds stale bytes, so the writer must then write every byte
// (holdsStaleBytes()).
//
// "-" (stdout) and paths that are not regular files (/dev/null, a FIFO) get
// an anonymous buffer instead, written to the path at commit, so that the
// special file is written to rather than replaced.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace mld {

class OutputFile {
public:
  // Opens the output of `size` bytes for `path`. `mayReuse`: whether an
  // existing file at `path` may be written in place (false for shared
  // objects, which running processes map without the kernel objecting).
  // Returns null and sets `err` on failure.
  static std::unique_ptr<OutputFile> open(const std::string &path, uint64_t size, bool mayReuse,
                                          std::string &err);
  ~OutputFile();
  OutputFile(const OutputFile &) = delete;
  OutputFile &operator=(const OutputFile &) = delete;

  uint8_t *data() const { return buf; }
  uint64_t size() const { return bufSize; }
  // True when the buffer starts with an old output's bytes rather than zeros.
  bool holdsStaleBytes() const { return reused; }

  // Faults in the byte ranges [begin, end) that will be written, spread
  // over the worker threads, so that the writers take no page faults. Does
  // nothing where the kernel cannot (before Linux 5.14). Fails (rather than
  // the writes raising SIGBUS later) when the file system has no room.
  bool prefault(const std::vector<std::pair<uint64_t, uint64_t>> &ranges, std::string &err);

  // Makes the output visible at its path. The mapping stays (the process is
  // about to exit, and unmapping a large file costs more than exiting does).
  bool commit(std::string &err);
  // Removes the temporary file, if not committed yet. Safe to call on any
  // exit path, from any thread.
  void discard();

private:
  OutputFile() = default;
  bool openTemp(const std::string &path, std::string &err);
  bool tryReuse(const std::string &path);

  std::string path;    // the output path
  std::string tmpPath; // the temporary file (empty: an anonymous buffer)
  int fd = -1;
  uint8_t *buf = nullptr;
  uint64_t bufSize = 0;
  bool mapsFile = false; // buf is a shared mapping of fd
  bool reused = false;
  bool tmpExists = false; // tmpPath is ours to remove
};

} // namespace mld
