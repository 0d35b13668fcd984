// The output file: a shared mapping of a temporary file renamed into place,
// or of the old output itself when nothing else can be using it. See
// output-file.h for the contract.
#include "output-file.h"

#include "llvm/Support/Parallel.h"
#include "llvm/Support/Signals.h"

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <random>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <sys/xattr.h>
#include <unistd.h>

namespace mld {

// The kernel refuses to open a running program for writing (ETXTBSY), which
// is what makes writing into an old output safe; Linux 6.11 and 6.12 did not
// (the change was reverted for 6.13). Their stable updates may have the
// revert, but the version number cannot tell, so they never reuse.
static bool kernelRefusesWritesToRunningPrograms() {
  utsname u;
  if (uname(&u) != 0 || strcmp(u.sysname, "Linux") != 0)
    return false;
  unsigned major = 0, minor = 0;
  if (sscanf(u.release, "%u.%u", &major, &minor) != 2)
    return false;
  return !(major == 6 && (minor == 11 || minor == 12));
}

static bool writeAll(int fd, const uint8_t *p, uint64_t n) {
  while (n) {
    ssize_t w = ::write(fd, p, n);
    if (w < 0 && errno == EINTR)
      continue;
    if (w <= 0)
      return false;
    p += w;
    n -= w;
  }
  return true;
}

// Zero-filled memory that is not a file: for stdout and special files.
static uint8_t *anonymousBuffer(uint64_t size) {
  if (size == 0)
    return nullptr;
  void *p = mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  return p == MAP_FAILED ? nullptr : (uint8_t *)p;
}

std::unique_ptr<OutputFile> OutputFile::open(const std::string &path, uint64_t size, bool mayReuse,
                                             std::string &err) {
  std::unique_ptr<OutputFile> f(new OutputFile);
  f->path = path;
  f->bufSize = size;
  struct stat st;
  bool exists = path != "-" && ::stat(path.c_str(), &st) == 0;
  if (exists && S_ISDIR(st.st_mode)) {
    err = strerror(EISDIR);
    return nullptr;
  }
  // Special files are written to, not replaced: `-o /dev/null` must not turn
  // /dev/null into a regular file.
  if (path == "-" || (exists && !S_ISREG(st.st_mode)) || size == 0) {
    f->buf = anonymousBuffer(size);
    if (size && !f->buf) {
      err = strerror(errno);
      return nullptr;
    }
    return f;
  }
  if (!f->openTemp(path, err))
    return nullptr;
  if (mayReuse)
    f->tryReuse(path);

  if (::ftruncate(f->fd, size) != 0) {
    err = strerror(errno);
    return nullptr; // the destructor removes the temporary file
  }
  void *p = mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_SHARED, f->fd, 0);
  if (p == MAP_FAILED) {
    // A file system that cannot map files: the bytes go to the temporary
    // file at commit instead (a new buffer, so no stale bytes either).
    f->buf = anonymousBuffer(size);
    if (!f->buf) {
      err = strerror(errno);
      return nullptr;
    }
    f->reused = false;
    return f;
  }
  f->buf = (uint8_t *)p;
  f->mapsFile = true;
  // Huge pages where tmpfs gives them on request (mounted huge=advise): the
  // faults are then 512 times fewer. Harmless elsewhere.
  madvise(p, size, MADV_HUGEPAGE);
  return f;
}

// Creates an empty temporary file next to `path` under a name nobody else has
// (O_EXCL), with the mode a new file gets there (umask, default ACLs).
bool OutputFile::openTemp(const std::string &out, std::string &err) {
  std::random_device rd;
  for (int attempt = 0; attempt < 64; attempt++) {
    char suffix[16];
    snprintf(suffix, sizeof suffix, ".tmp%08x", (unsigned)rd());
    std::string name = out + suffix;
    fd = ::open(name.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0777);
    if (fd >= 0) {
      tmpPath = name;
      tmpExists = true;
      llvm::sys::RemoveFileOnSignal(tmpPath);
      return true;
    }
    if (errno != EEXIST) {
      err = strerror(errno);
      return false;
    }
  }
  err = "cannot create a unique temporary file";
  return false;
}

// Whether a reused file would carry nothing a new one lacks: extended
// attributes (ACLs, file capabilities, user data) stay with an inode. A
// security label (SELinux) is allowed, as a new file there gets one too.
static bool onlyLabelAttributes(int fd) {
  char names[512];
  ssize_t n = ::flistxattr(fd, names, sizeof names);
  if (n < 0)
    return errno == ENOTSUP; // no extended attributes on this file system
  for (ssize_t i = 0; i < n; i += strlen(names + i) + 1)
    if (strcmp(names + i, "security.selinux") != 0)
      return false;
  return true;
}

// Makes the old output at `out`, if it is safe to overwrite, the temporary
// file: renamed over the empty one openTemp made, which it replaces. Returns
// false (and changes nothing that matters) otherwise; then the fresh temporary
// file is used.
bool OutputFile::tryReuse(const std::string &out) {
  // Not a symlink (renaming it would not move its target), one name only (the
  // other names must keep the old contents), owned as a new file would be.
  struct stat st, fresh;
  if (::fstat(fd, &fresh) != 0 || ::lstat(out.c_str(), &st) != 0 || !S_ISREG(st.st_mode) ||
      st.st_nlink != 1 || st.st_uid != fresh.st_uid || st.st_gid != fresh.st_gid)
    return false;
  if (!kernelRefusesWritesToRunningPrograms())
    return false;
  // Fails with ETXTBSY while the old output runs: then the fresh file is
  // renamed over it at commit and the running program keeps its inode.
  int old = ::open(out.c_str(), O_RDWR | O_NOFOLLOW | O_CLOEXEC);
  if (old < 0)
    return false;
  // Still the file looked at above; then the mode a new file got (changing
  // the old output's mode is harmless should the rename fail).
  struct stat now;
  if (::fstat(old, &now) != 0 || now.st_dev != st.st_dev || now.st_ino != st.st_ino ||
      now.st_nlink != 1 || !onlyLabelAttributes(old) || ::fchmod(old, fresh.st_mode & 07777) != 0 ||
      ::rename(out.c_str(), tmpPath.c_str()) != 0) {
    ::close(old);
    return false;
  }
  ::close(fd);
  fd = old;
  reused = true;
  return true;
}

bool OutputFile::prefault(const std::vector<std::pair<uint64_t, uint64_t>> &ranges,
                          std::string &err) {
  if (!mapsFile)
    return true;
  // Pieces large enough that the calls are few, small enough to spread;
  // each starts on a page (madvise wants an aligned address).
  constexpr uint64_t piece = 4 << 20, page = 4096;
  std::vector<std::pair<uint64_t, uint64_t>> pieces;
  for (auto [begin, end] : ranges)
    for (uint64_t at = begin & ~(page - 1); at < std::min(end, bufSize); at += piece)
      pieces.push_back({at, std::min({at + piece, end, bufSize}) - at});
  std::atomic<bool> stop{false};
  std::atomic<int> failure{0};
  llvm::parallelForEach(pieces.begin(), pieces.end(), [&](std::pair<uint64_t, uint64_t> p) {
    if (stop.load(std::memory_order_relaxed))
      return;
    if (madvise(buf + p.first, p.second, MADV_POPULATE_WRITE) == 0)
      return;
    // EINVAL: a kernel before 5.14, nothing done; EFAULT: a page that
    // cannot be had (the write would raise SIGBUS), i.e. no space left.
    int e = errno;
    if (e == EFAULT || e == ENOMEM)
      failure.store(e == EFAULT ? ENOSPC : e);
    stop.store(true, std::memory_order_relaxed);
  });
  if (int e = failure.load()) {
    err = strerror(e);
    return false;
  }
  return true;
}

bool OutputFile::commit(std::string &err) {
  if (tmpPath.empty()) {
    // stdout or a special file: write the bytes to it.
    int out = path == "-" ? STDOUT_FILENO
                          : ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0777);
    bool ok = out >= 0 && writeAll(out, buf, bufSize);
    if (!ok)
      err = strerror(errno);
    if (out >= 0 && out != STDOUT_FILENO)
      ::close(out);
    return ok;
  }
  if (!mapsFile && (::lseek(fd, 0, SEEK_SET) != 0 || !writeAll(fd, buf, bufSize))) {
    err = strerror(errno);
    return false;
  }
  if (::rename(tmpPath.c_str(), path.c_str()) != 0) {
    err = strerror(errno);
    return false;
  }
  tmpExists = false;
  llvm::sys::DontRemoveFileOnSignal(tmpPath);
  return true;
}

void OutputFile::discard() {
  if (tmpExists) {
    tmpExists = false;
    ::unlink(tmpPath.c_str());
    llvm::sys::DontRemoveFileOnSignal(tmpPath);
  }
}

OutputFile::~OutputFile() {
  discard();
  if (buf)
    munmap(buf, bufSize);
  if (fd >= 0)
    ::close(fd);
}

} // namespace mld
