// The loader fuzz targets' stand-ins for mload's process-level pieces
// (fatal() throws, allocate() frees per input) and the in-memory image
// (see fuzz-loader-image.h).
// The C library's declarations first: support.h redeclares a few of them
// for the freestanding mload, and clang wants glibc's (noexcept) to lead.
#include <cstdlib>
#include <cstring>
#include <sanitizer/asan_interface.h>
#include <vector>

#include "fuzz-loader-image.h"

#include "diag.h"
#include "dynamic.h"
#include "elf-check.h"
#include "support.h"

namespace mload {

// diag.cpp's functions, minus the write and the exit.
Text errorText(const char *file) {
  Text t;
  t.str("mload: error: ").str(file).str(": ");
  return t;
}
void fatal(const Text &) { throw fuzz::LoaderFatal{}; }
void fatal(const char *, const char *) { throw fuzz::LoaderFatal{}; }

// No builtins (builtins.cpp) in the fuzz targets: lookup.cpp asks.
uint64_t builtinAddress(const char *) { return 0; }

// Overrides support.cpp's weak bump allocator: what one input allocates is
// freed when its FuzzImage goes (mload itself never frees, it exits).
static std::vector<void *> allocations;
void *allocate(size_t size) {
  void *p = std::calloc(1, size ? size : 1);
  allocations.push_back(p);
  return p;
}

namespace fuzz {

// Bigger spans are refused here; mload would map them, but the copy would
// cost more than the input tells.
constexpr uint64_t MaxSpan = 16u << 20;
constexpr uint64_t Page = 4096;

FuzzImage::FuzzImage() {
  loader.pageSize = Page;
  module.loader = &loader;
  module.path = module.name = "fuzz.so";
}

FuzzImage::~FuzzImage() {
  if (buffer) {
    ASAN_UNPOISON_MEMORY_REGION(buffer, bufferSize);
    std::free(buffer);
  }
  for (void *p : allocations)
    std::free(p);
  allocations.clear();
}

// mapSegment()'s effect on the buffer: whole file pages, then zeros from
// p_filesz to the end of the page and in the anonymous pages after it. A
// later segment's pages replace an earlier one's, as MAP_FIXED does.
static void copySegment(uint64_t bias, const uint8_t *data, size_t size, const Elf64_Phdr &p) {
  // Link-time address v is at bias + v (integers, as in mload: the bias
  // may take a pointer far outside the buffer before v is added).
  auto at = [&](uint64_t v) { return reinterpret_cast<uint8_t *>(bias + v); };
  uint64_t start = alignDown(p.p_vaddr, Page), off = alignDown(p.p_offset, Page);
  uint64_t fileEnd = p.p_vaddr + p.p_filesz, memEnd = alignUp(p.p_vaddr + p.p_memsz, Page);
  uint64_t mapEnd = p.p_filesz ? alignUp(fileEnd, Page) : start;
  std::memset(at(start), 0, memEnd - start);
  if (p.p_filesz) {
    uint64_t n = mapEnd - start, avail = size - off;
    std::memcpy(at(start), data + off, n < avail ? n : avail);
    if (p.p_memsz > p.p_filesz)
      std::memset(at(fileEnd), 0, mapEnd - fileEnd);
  }
}

bool FuzzImage::load(const uint8_t *data, size_t size) {
  try {
    Elf64_Ehdr eh{};
    std::memcpy(&eh, data, size < sizeof eh ? size : sizeof eh);
    checkElfHeader(module.path, eh, size);
    checkProgramHeaderTable(module.path, eh, size);
    auto *ph = static_cast<Elf64_Phdr *>(allocate(eh.e_phnum * sizeof(Elf64_Phdr)));
    std::memcpy(ph, data + eh.e_phoff, eh.e_phnum * sizeof(Elf64_Phdr));
    checkSegments(module.path, ph, eh.e_phnum, size, Page);
    checkDynamicInside(module.path, ph, eh.e_phnum);
    LoadSpan span = loadSpan(ph, eh.e_phnum, Page);
    if (span.hi - span.lo > MaxSpan)
      return false;
    bufferSize = span.hi - span.lo;
    buffer = static_cast<uint8_t *>(std::aligned_alloc(Page, bufferSize));
    uint64_t bias = reinterpret_cast<uint64_t>(buffer) - span.lo;
    for (uint16_t i = 0; i < eh.e_phnum; ++i)
      if (ph[i].p_type == PT_LOAD)
        copySegment(bias, data, size, ph[i]);
    // Only the readable segments' bytes may be read.
    ASAN_POISON_MEMORY_REGION(buffer, bufferSize);
    for (uint16_t i = 0; i < eh.e_phnum; ++i)
      if (ph[i].p_type == PT_LOAD && (ph[i].p_flags & PF_R))
        ASAN_UNPOISON_MEMORY_REGION(reinterpret_cast<void *>(bias + ph[i].p_vaddr), ph[i].p_memsz);

    Module *m = &module;
    m->base = bias;
    describeImage(loader, m, eh, ph, span);
    if (uint64_t a = headersAddress(eh, ph, Page))
      m->phdr = reinterpret_cast<const Elf64_Phdr *>(laddr(m, a));
    decodeDynamic(m);
    return true;
  } catch (LoaderFatal &) {
    return false;
  }
}

} // namespace fuzz
} // namespace mload
