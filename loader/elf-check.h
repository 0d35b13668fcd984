// elf-check.h: the checks mapImage() runs on a file's ELF header and
// program headers before it maps anything, and on PT_TLS / PT_GNU_RELRO
// once the bias is known. They read plain bytes (no mapping, no file
// descriptor), so the fuzz target tests/fuzz/fuzz-loader-elf.cpp runs them
// in-process on any buffer. A failed check is fatal (diag.h) with a message
// naming `path`.
#pragma once

#include "module.h"

namespace mload {

// The first `got` bytes of the file (at most sizeof(Elf64_Ehdr)) are `eh`:
// magic, class, byte order, machine, type and program header entry size.
void checkElfHeader(const char *path, const Elf64_Ehdr &eh, uint64_t got);

// The program header table lies inside a file of `fileSize` bytes.
void checkProgramHeaderTable(const char *path, const Elf64_Ehdr &eh, uint64_t fileSize);

// Every PT_LOAD inside the file, in ascending order without overlap,
// offset and address congruent modulo `page`, never writable and
// executable at once, and at least one of them.
void checkSegments(const char *path, const Elf64_Phdr *ph, uint16_t phnum, uint64_t fileSize,
                   uint64_t page);

// PT_DYNAMIC lies inside the file contents of one PT_LOAD.
void checkDynamicInside(const char *path, const Elf64_Phdr *ph, uint16_t phnum);

// The page-aligned link-time span [lo, hi) the PT_LOADs cover (after
// checkSegments: there is one, and they ascend).
struct LoadSpan {
  uint64_t lo, hi;
};
LoadSpan loadSpan(const Elf64_Phdr *ph, uint16_t phnum, uint64_t page);

// The link-time address at which the program headers can be read in the
// mapped image, or 0: inside the file part of a readable PT_LOAD, on pages
// no later PT_LOAD maps over (its mapping would replace them, and the
// loader would then read headers it never checked).
uint64_t headersAddress(const Elf64_Ehdr &eh, const Elf64_Phdr *ph, uint64_t page);

// Fill the PT_TLS / PT_GNU_RELRO / PT_GNU_STACK fields from the headers
// (m->phdr, m->phnum, m->base).
void readSpecialHeaders(Module *m);

// After readSpecialHeaders() on a module with its bias set: PT_TLS lies in
// the image with a sane size and alignment, PT_GNU_RELRO in the span.
void checkSpecialHeaders(const Loader &L, const Module *m);

// Describe a module whose bias (m->base) is set, from its checked headers:
// span, entry, type, program headers (the checked copy `ph`), then the
// special headers, read and checked. mapImage and the fuzz targets' heap
// image share it, so the fuzzers check what mload checks.
void describeImage(const Loader &L, Module *m, const Elf64_Ehdr &eh, const Elf64_Phdr *ph,
                   LoadSpan span);

} // namespace mload
