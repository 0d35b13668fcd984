// support.h: the few library pieces mload needs without a libc: string
// helpers, a bump allocator over mmap (nothing is ever freed: every module
// lives until exit), and Text, a fixed-size line builder for messages.
#pragma once

#include <stddef.h>
#include <stdint.h>

extern "C" {
void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
}

namespace mload {

bool streq(const char *a, const char *b);
bool startsWith(const char *s, const char *prefix);
const char *baseName(const char *path);
char *copyString(const char *s, size_t n);
char *copyString(const char *s);
void *allocate(size_t size);

// The anonymous mappings allocate() has made so far (the first 128 of
// them), for the --maps listing.
struct Range {
  uint64_t start, end;
};
const Range *allocatorMappings(uint32_t &count);

inline uint64_t alignUp(uint64_t v, uint64_t a) { return (v + a - 1) & ~(a - 1); }
inline uint64_t alignDown(uint64_t v, uint64_t a) { return v & ~(a - 1); }

// One output line under construction; silently truncates at capacity so a
// huge symbol name can never overflow the stack.
class Text {
public:
  Text &str(const char *s);
  Text &str(const char *s, size_t n);
  Text &chr(char c);
  Text &dec(uint64_t v);
  Text &sdec(int64_t v);
  Text &hex(uint64_t v); // 0x-prefixed, lower case
  Text &pad(size_t column);
  Text &jsonStr(const char *s); // quoted and escaped
  // Append `tail`, cutting the text before it if needed, so a line always
  // ends properly (a JSON record keeps its closing brace).
  Text &finish(const char *tail);
  const char *data() const { return buf; }
  size_t size() const { return len; }
  void writeTo(int fd) const;

private:
  char buf[2048];
  size_t len = 0;
};

} // namespace mload
