// deps.cpp: the library search. Order (as glibc's ld.so): DT_RPATH of the
// needing object and of the program (only when the needing object has no
// DT_RUNPATH), then --library-path / MLOAD_LIBRARY_PATH / LD_LIBRARY_PATH,
// then DT_RUNPATH of the needing object, then /etc/ld.so.cache, then the
// default directories (the project's runtime, multiarch, /lib, /usr/lib).
// $ORIGIN expands to the directory of the needing object. Each file is
// loaded once, identified by (st_dev, st_ino).
#include "deps.h"
#include "diag.h"
#include "dynamic.h"
#include "host.h"
#include "log.h"
#include "map.h"
#include "linux-syscall.h"

#ifndef MLOAD_DEFAULT_DIRS
#define MLOAD_DEFAULT_DIRS "/lib:/usr/lib"
#endif

namespace mload {

void appendModule(Loader &L, Module *m) {
  if (L.tail) {
    L.tail->next = m;
    m->prev = L.tail;
    L.tail->linkMap.l_next = &m->linkMap;
    m->linkMap.l_prev = &L.tail->linkMap;
  } else {
    L.head = m;
  }
  L.tail = m;
  m->linkMap.l_addr = m->base;
  m->linkMap.l_name = m->path;
  m->linkMap.l_ld = m->dynamic;
}

struct Opened {
  int fd = -1;
  uint64_t size = 0, dev = 0, ino = 0;
  const char *path = nullptr;
  const char *incompatible = nullptr; // first candidate for another ABI
};

// An ELF file of another class or machine (a 32-bit library in a shared
// directory) is skipped and the search goes on, as with glibc.
static bool isOtherAbi(int fd) {
  unsigned char h[20] = {};
  if (sys::pread(fd, h, sizeof(h), 0) != sizeof(h) || memcmp(h, ELFMAG, SELFMAG) != 0)
    return false;
  return h[EI_CLASS] != ELFCLASS64 || (h[18] | h[19] << 8) != EM_X86_64;
}

static bool tryOpen(Loader &L, const char *path, const char *source, Opened &out) {
  long fd = sys::open(path, sys::ORdonly | sys::OCloexec);
  sys::Stat st;
  bool ok =
      fd >= 0 && sys::fstat(static_cast<int>(fd), &st) == 0 && (st.st_mode & 0170000) == 0100000;
  bool other = ok && isOtherAbi(static_cast<int>(fd));
  logTry(L, path, source, ok && !other, other);
  if (other && !out.incompatible)
    out.incompatible = copyString(path);
  if (!ok || other) {
    if (fd >= 0)
      sys::close(static_cast<int>(fd));
    return false;
  }
  out.fd = static_cast<int>(fd);
  out.size = static_cast<uint64_t>(st.st_size);
  out.dev = st.st_dev;
  out.ino = st.st_ino;
  out.path = copyString(path);
  return true;
}

// Expand $ORIGIN / ${ORIGIN} in one directory entry into `buf`.
static void expandDir(const char *dir, size_t len, const Module *origin, Text &buf) {
  for (size_t i = 0; i < len;) {
    const char *p = dir + i;
    size_t skip = startsWith(p, "${ORIGIN}") ? 9 : startsWith(p, "$ORIGIN") ? 7 : 0;
    if (skip && i + skip <= len) {
      const char *path = origin->path;
      const char *slash = baseName(path);
      if (slash == path)
        buf.chr('.');
      else
        buf.str(path, static_cast<size_t>(slash - path - 1));
      i += skip;
    } else {
      buf.chr(*p);
      ++i;
    }
  }
}

// Try `name` in each directory of a colon-separated list.
static bool searchList(Loader &L, const char *list, const Module *origin, const char *name,
                       const char *source, Opened &out) {
  if (!list)
    return false;
  const char *p = list;
  while (true) {
    const char *end = p;
    while (*end && *end != ':')
      ++end;
    Text path;
    if (end == p)
      path.chr('.');
    else
      expandDir(p, static_cast<size_t>(end - p), origin, path);
    path.chr('/').str(name).chr('\0');
    if (path.size() < 1000 && tryOpen(L, path.data(), source, out))
      return true;
    if (!*end)
      return false;
    p = end + 1;
  }
}

static const char *dynPath(const Module *m, unsigned tag) {
  return m->has(tag) && m->strtab ? dynString(m, m->dyn[tag]) : nullptr;
}

// /etc/ld.so.cache (ldconfig's "glibc-ld.so.cache1.1" format, possibly after
// the old "ld.so-1.7.0" table): a sorted table of (flags, name offset, path
// offset) entries, offsets from the start of the new header. Only x86-64
// libc6 entries count (flags 0x0303, as ld.so's _dl_cache_check_flags).
// Mapped once; every offset is checked against the file's size.
struct CacheFile {
  const char *data = nullptr;
  uint64_t size = 0, header = 0;
  uint32_t count = 0;
  bool tried = false;
};

static void openCache(CacheFile &c) {
  c.tried = true;
  long fd = sys::open("/etc/ld.so.cache", sys::ORdonly | sys::OCloexec);
  sys::Stat st;
  if (fd < 0)
    return;
  if (sys::fstat(static_cast<int>(fd), &st) != 0 || st.st_size < 48)
    return (void)sys::close(static_cast<int>(fd));
  long p = sys::mmap(nullptr, static_cast<size_t>(st.st_size), sys::ProtRead, sys::MapPrivate,
                     static_cast<int>(fd), 0);
  sys::close(static_cast<int>(fd));
  if (sys::isError(p))
    return;
  const char *d = reinterpret_cast<const char *>(p);
  uint64_t size = static_cast<uint64_t>(st.st_size), h = 0;
  if (memcmp(d, "ld.so-1.7.0", 11) == 0) {
    uint32_t oldCount;
    memcpy(&oldCount, d + 12, 4);
    h = alignUp(16 + 12ull * oldCount, 8);
  }
  if (h + 48 > size || memcmp(d + h, "glibc-ld.so.cache1.1", 20) != 0)
    return;
  uint32_t count;
  memcpy(&count, d + h + 20, 4);
  if (count > (size - h - 48) / 24)
    return;
  c.data = d;
  c.size = size;
  c.header = h;
  c.count = count;
}

static const char *cachedPath(const CacheFile &c, const char *name) {
  auto str = [&](uint32_t off) -> const char * {
    uint64_t at = c.header + off, end = at;
    while (end < c.size && c.data[end])
      ++end;
    return end < c.size ? c.data + at : nullptr;
  };
  for (uint32_t i = 0; i < c.count; ++i) {
    const char *e = c.data + c.header + 48 + 24ull * i;
    int32_t flags;
    uint32_t key, value;
    memcpy(&flags, e, 4);
    memcpy(&key, e + 4, 4);
    memcpy(&value, e + 8, 4);
    const char *k = str(key);
    if (flags == 0x0303 && k && streq(k, name))
      return str(value);
  }
  return nullptr;
}

static bool searchCache(Loader &L, const char *name, Opened &out) {
  static CacheFile cache;
  if (!cache.tried)
    openCache(cache);
  const char *path = cache.data ? cachedPath(cache, name) : nullptr;
  return path && tryOpen(L, path, "ld.so.cache", out);
}

static bool findLibrary(Loader &L, const char *name, const Module *neededBy, Opened &out) {
  for (const char *p = name; *p; ++p)
    if (*p == '/')
      return tryOpen(L, name, "path", out);
  if (!neededBy->has(DT_RUNPATH)) {
    if (searchList(L, dynPath(neededBy, DT_RPATH), neededBy, name, "RPATH", out))
      return true;
    if (neededBy != L.head && searchList(L, dynPath(L.head, DT_RPATH), L.head, name, "RPATH", out))
      return true;
  }
  if (searchList(L, L.opts.libraryPath, neededBy, name, "library path", out))
    return true;
  if (searchList(L, dynPath(neededBy, DT_RUNPATH), neededBy, name, "RUNPATH", out))
    return true;
  if (searchCache(L, name, out))
    return true;
  return searchList(L, MLOAD_DEFAULT_DIRS, neededBy, name, "default", out);
}

static Module *findLoaded(const Loader &L, const char *name) {
  for (Module *m = L.head; m; m = m->next) {
    if (m->isMain)
      continue;
    if (streq(m->name, name))
      return m;
    const char *soname = dynPath(m, DT_SONAME);
    if (soname && streq(soname, name))
      return m;
  }
  return nullptr;
}

static Module *mapOpened(Loader &L, const Opened &f, const char *name) {
  Module *m = mapImage(L, f.path, name, f.fd, f.size);
  sys::close(f.fd);
  m->dev = f.dev;
  m->ino = f.ino;
  decodeDynamic(m);
  return m;
}

Module *loadByPath(Loader &L, const char *path) {
  Opened f;
  long fd = sys::open(path, sys::ORdonly | sys::OCloexec);
  sys::Stat st;
  if (fd < 0 || sys::fstat(static_cast<int>(fd), &st) != 0)
    fatal(path, "cannot open file: No such file or directory");
  if ((st.st_mode & 0170000) != 0100000)
    fatal(path, "not a regular file");
  f.fd = static_cast<int>(fd);
  f.size = static_cast<uint64_t>(st.st_size);
  f.dev = st.st_dev;
  f.ino = st.st_ino;
  f.path = path;
  return mapOpened(L, f, path);
}

// The system C library's objects: they share ld.so's private state, so
// only the system's ld.so can load and start them (docs/architecture.md,
// "Hosted mode"). Matched by file name, whatever the directory.
bool isHostLibrary(const char *name) {
  static const char *const names[] = {"libc.so.6",           "libm.so.6",
                                      "libpthread.so.0",     "libdl.so.2",
                                      "librt.so.1",          "libutil.so.1",
                                      "libresolv.so.2",      "libanl.so.1",
                                      "libnsl.so.1",         "libBrokenLocale.so.1",
                                      "libmvec.so.1",        "libc_malloc_debug.so.0",
                                      "ld-linux-x86-64.so.2"};
  const char *base = baseName(name);
  for (const char *n : names)
    if (streq(base, n))
      return true;
  return startsWith(base, "libnss_") && startsWith(base + strlen(base) - 5, ".so.2");
}

static Module *loadLibrary(Loader &L, const char *name, Module *neededBy, bool optional = false) {
  if (Module *m = findLoaded(L, name))
    return m;
  if (isHostLibrary(name))
    return loadHostLibrary(L, name);
  logSearch(L, name, neededBy);
  Opened f;
  // Only incompatible candidates: mapping the first one reports why.
  if (!findLibrary(L, name, neededBy, f) && f.incompatible)
    loadByPath(L, f.incompatible);
  if (f.fd < 0 && optional)
    return nullptr;
  if (f.fd < 0) {
    Text t;
    t.str("mload: error while loading shared libraries: ")
        .str(name)
        .str(": cannot open shared object file: No such file or directory");
    fatal(t);
  }
  for (Module *m = L.head; m; m = m->next)
    if (m->dev == f.dev && m->ino == f.ino) {
      logDuplicate(L, f.path, m);
      sys::close(f.fd);
      return m;
    }
  Module *m = mapOpened(L, f, name);
  appendModule(L, m);
  return m;
}

uint32_t checkVersionNeeds(const Loader &L) {
  uint32_t errors = 0;
  for (const Module *m = L.head; m; m = m->next)
    forEachNeed(m, [&](uint32_t file, uint32_t, uint32_t name, uint16_t flags) {
      const Module *lib = findLoaded(L, dynString(m, file));
      // A library without .gnu.version_d predates versioning: glibc only
      // warns, so do we (by saying nothing).
      if (!lib || !lib->has(SlotVerdef) || (flags & VER_FLG_WEAK) ||
          definesVersion(lib, dynString(m, name)))
        return;
      Text t = errorText(lib->path);
      t.str("version `")
          .str(dynString(m, name))
          .str("' not found (required by ")
          .str(m->path)
          .str(")");
      t.finish("\n").writeTo(2);
      ++errors;
    });
  return errors;
}

// Runs first, right after the program is mapped.
// LD_PRELOAD's syntax: names separated by spaces or colons; each is found
// like a DT_NEEDED of the program and goes right after it in the scope.
void loadPreloads(Loader &L) {
  // A program that needs glibc itself is handed over before anything else
  // is mapped (freestanding); in hosted mode glibc is at hand anyway.
  if (!L.hosted && L.head->dynamic && L.head->strtab)
    for (const Elf64_Dyn *d = L.head->dynamic; d->d_tag != DT_NULL; ++d)
      if (d->d_tag == DT_NEEDED && isHostLibrary(dynString(L.head, d->d_un.d_val)))
        loadHostLibrary(L, dynString(L.head, d->d_un.d_val));
  for (const char *p = L.opts.preload; p && *p;) {
    while (*p == ' ' || *p == ':')
      ++p;
    const char *end = p;
    while (*end && *end != ' ' && *end != ':')
      ++end;
    if (end > p)
      loadLibrary(L, copyString(p, static_cast<size_t>(end - p)), L.head);
    p = end;
  }
}

Module *loadForDlopen(Loader &L, const char *name, Module *caller) {
  return loadLibrary(L, name, caller, true);
}

void loadDependencies(Loader &L) {
  for (Module *m = L.head; m; m = m->next) {
    // The system's ld.so already loaded what a host object needs.
    if (!m->dynamic || !m->strtab || m->host || m->depsLoaded)
      continue;
    m->depsLoaded = true;
    uint32_t count = 0;
    for (const Elf64_Dyn *d = m->dynamic; d->d_tag != DT_NULL; ++d)
      count += d->d_tag == DT_NEEDED;
    m->deps = static_cast<Module **>(allocate(sizeof(Module *) * (count + 1)));
    for (const Elf64_Dyn *d = m->dynamic; d->d_tag != DT_NULL; ++d)
      if (d->d_tag == DT_NEEDED)
        m->deps[m->depCount++] = loadLibrary(L, dynString(m, d->d_un.d_val), m);
  }
}

} // namespace mload
