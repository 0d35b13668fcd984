// support.cpp: string helpers, the bump allocator and Text.
#include "support.h"
#include "linux-syscall.h"

namespace mload {

bool streq(const char *a, const char *b) {
  while (*a && *a == *b)
    ++a, ++b;
  return *a == *b;
}

bool startsWith(const char *s, const char *prefix) {
  while (*prefix)
    if (*s++ != *prefix++)
      return false;
  return true;
}

const char *baseName(const char *path) {
  const char *b = path;
  for (const char *p = path; *p; ++p)
    if (*p == '/')
      b = p + 1;
  return b;
}

char *copyString(const char *s, size_t n) {
  char *d = static_cast<char *>(allocate(n + 1));
  memcpy(d, s, n);
  d[n] = 0;
  return d;
}

char *copyString(const char *s) { return copyString(s, strlen(s)); }

// A bump allocator: 64 KiB chunks from mmap, 16-byte aligned pieces. Big
// requests get their own mapping. Weak: the loader fuzz targets put in one
// that frees everything after each input (tests/fuzz/fuzz-loader-image.cpp).
static Range chunks[128];
static uint32_t chunkCount;

static void remember(long p, uint64_t size) {
  if (chunkCount < sizeof(chunks) / sizeof(chunks[0]))
    chunks[chunkCount++] = {static_cast<uint64_t>(p), static_cast<uint64_t>(p) + size};
}

const Range *allocatorMappings(uint32_t &count) {
  count = chunkCount;
  return chunks;
}

__attribute__((weak)) void *allocate(size_t size) {
  static char *cur, *end;
  size = alignUp(size, 16);
  if (size > 16384) {
    long p = sys::mmap(nullptr, alignUp(size, 4096), sys::ProtRead | sys::ProtWrite,
                       sys::MapPrivate | sys::MapAnonymous, -1, 0);
    if (sys::isError(p))
      sys::exitGroup(127);
    remember(p, alignUp(size, 4096));
    return reinterpret_cast<void *>(p);
  }
  if (cur == nullptr || static_cast<size_t>(end - cur) < size) {
    long p = sys::mmap(nullptr, 65536, sys::ProtRead | sys::ProtWrite,
                       sys::MapPrivate | sys::MapAnonymous, -1, 0);
    if (sys::isError(p))
      sys::exitGroup(127);
    remember(p, 65536);
    cur = reinterpret_cast<char *>(p);
    end = cur + 65536;
  }
  void *r = cur;
  cur += size;
  return r;
}

Text &Text::chr(char c) {
  if (len < sizeof(buf))
    buf[len++] = c;
  return *this;
}

Text &Text::str(const char *s, size_t n) {
  for (size_t i = 0; i < n; ++i)
    chr(s[i]);
  return *this;
}

Text &Text::str(const char *s) { return str(s ? s : "(null)", strlen(s ? s : "(null)")); }

Text &Text::dec(uint64_t v) {
  char tmp[24];
  int n = 0;
  do
    tmp[n++] = static_cast<char>('0' + v % 10);
  while (v /= 10);
  while (n)
    chr(tmp[--n]);
  return *this;
}

Text &Text::sdec(int64_t v) {
  if (v < 0)
    return chr('-').dec(static_cast<uint64_t>(-v));
  return dec(static_cast<uint64_t>(v));
}

Text &Text::hex(uint64_t v) {
  char tmp[16];
  int n = 0;
  do
    tmp[n++] = "0123456789abcdef"[v & 15];
  while (v >>= 4);
  str("0x");
  while (n)
    chr(tmp[--n]);
  return *this;
}

Text &Text::finish(const char *tail) {
  size_t n = strlen(tail);
  if (len + n > sizeof(buf))
    len = sizeof(buf) - n;
  return str(tail, n);
}

Text &Text::pad(size_t column) {
  while (len < column)
    chr(' ');
  return *this;
}

Text &Text::jsonStr(const char *s) {
  chr('"');
  for (; *s; ++s) {
    unsigned char c = static_cast<unsigned char>(*s);
    if (c == '"' || c == '\\')
      chr('\\').chr(static_cast<char>(c));
    else if (c < 0x20)
      str("\\u00").chr("0123456789abcdef"[c >> 4]).chr("0123456789abcdef"[c & 15]);
    else
      chr(static_cast<char>(c));
  }
  return chr('"');
}

void Text::writeTo(int fd) const {
  size_t done = 0;
  while (done < len) {
    long r = sys::write(fd, buf + done, len - done);
    if (r <= 0)
      return;
    done += static_cast<size_t>(r);
  }
}

} // namespace mload
