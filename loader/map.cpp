// map.cpp: mapImage() validates an ELF file's headers and maps its PT_LOAD
// segments. Shape: reserve the whole span PROT_NONE (so the kernel picks a
// hole big enough for everything), MAP_FIXED each segment into it, zero the
// tail of the last file page, then anonymous pages for the rest of .bss.
// It does not decode .dynamic or relocate; see dynamic.cpp and reloc.cpp.
#include "map.h"
#include <new>
#include "diag.h"
#include "dynamic.h"
#include "elf-check.h"
#include "log.h"
#include "linux-syscall.h"

namespace mload {

int protFromFlags(uint32_t pflags) {
  return (pflags & PF_R ? sys::ProtRead : 0) | (pflags & PF_W ? sys::ProtWrite : 0) |
         (pflags & PF_X ? sys::ProtExec : 0);
}

Module *newModule(Loader &L, const char *path, const char *name) {
  Module *m = new (allocate(sizeof(Module))) Module();
  m->loader = &L;
  m->path = path;
  m->name = name;
  return m;
}

static uint64_t checkedMmap(const char *path, uint64_t addr, uint64_t len, int prot, int flags,
                            int fd, uint64_t off) {
  long r = sys::mmap(reinterpret_cast<void *>(addr), len, prot, flags, fd, off);
  if (sys::isError(r))
    fatal(
        errorText(path).str("cannot map segment at ").hex(addr).str(" (errno ").sdec(-r).str(")"));
  return static_cast<uint64_t>(r);
}

// Map one PT_LOAD at bias `base`. The file part is mapped from the file; the
// bytes between p_filesz and the end of that page belong to other sections
// in the file and must read as zero (.bss), and whole pages past it are
// anonymous.
static void mapSegment(Loader &L, Module *m, int fd, const Elf64_Phdr &p) {
  uint64_t page = L.pageSize;
  int prot = protFromFlags(p.p_flags);
  uint64_t start = alignDown(m->base + p.p_vaddr, page);
  uint64_t fileEnd = m->base + p.p_vaddr + p.p_filesz;
  uint64_t memEnd = m->base + p.p_vaddr + p.p_memsz;
  uint64_t anonStart = start;
  if (p.p_filesz) {
    bool zeroTail = p.p_memsz > p.p_filesz && fileEnd % page;
    checkedMmap(m->path, start, alignUp(fileEnd, page) - start,
                prot | (zeroTail ? sys::ProtWrite : 0), sys::MapPrivate | sys::MapFixed, fd,
                alignDown(p.p_offset, page));
    if (zeroTail) {
      memset(reinterpret_cast<void *>(fileEnd), 0, alignUp(fileEnd, page) - fileEnd);
      // Back to the segment's own permissions, over every page mapped
      // writable above (not just the last): a read-only segment with .bss
      // must not leave its earlier pages writable.
      if (!(prot & sys::ProtWrite))
        sys::mprotect(start, alignUp(fileEnd, page) - start, prot);
    }
    anonStart = alignUp(fileEnd, page);
  }
  if (alignUp(memEnd, page) > anonStart)
    checkedMmap(m->path, anonStart, alignUp(memEnd, page) - anonStart, prot,
                sys::MapPrivate | sys::MapFixed | sys::MapAnonymous, -1, 0);
  logSegment(L, m, m->base + p.p_vaddr, memEnd, prot, p.p_offset);
}

Module *mapImage(Loader &L, const char *path, const char *name, int fd, uint64_t fileSize) {
  Elf64_Ehdr eh;
  memset(&eh, 0, sizeof(eh));
  long got = sys::pread(fd, &eh, sizeof(eh), 0);
  if (got < 0)
    fatal(path, "cannot read file data");
  checkElfHeader(path, eh, static_cast<uint64_t>(got));
  checkProgramHeaderTable(path, eh, fileSize);
  uint64_t phSize = static_cast<uint64_t>(eh.e_phnum) * sizeof(Elf64_Phdr);
  auto *ph = static_cast<Elf64_Phdr *>(allocate(phSize));
  if (sys::pread(fd, ph, phSize, eh.e_phoff) != static_cast<long>(phSize))
    fatal(path, "cannot read program headers");
  checkSegments(path, ph, eh.e_phnum, fileSize, L.pageSize);
  checkDynamicInside(path, ph, eh.e_phnum);
  LoadSpan span = loadSpan(ph, eh.e_phnum, L.pageSize);
  uint64_t lo = span.lo, hi = span.hi;

  Module *m = newModule(L, path, name);
  // Reserve the span: a shared object goes wherever the kernel finds room;
  // an ET_EXEC must land at its link-time address and must not clobber
  // anything already there (mload itself, for one).
  if (eh.e_type == ET_DYN) {
    m->base =
        checkedMmap(path, 0, hi - lo, sys::ProtNone, sys::MapPrivate | sys::MapAnonymous, -1, 0) -
        lo;
  } else {
    long r = sys::mmap(reinterpret_cast<void *>(lo), hi - lo, sys::ProtNone,
                       sys::MapPrivate | sys::MapAnonymous | sys::MapFixedNoreplace, -1, 0);
    if (sys::isError(r) || static_cast<uint64_t>(r) != lo)
      fatal(errorText(path).str("cannot map executable at its fixed address ").hex(lo));
  }
  describeImage(L, m, eh, ph, span);
  logMapped(L, m);
  for (uint16_t i = 0; i < eh.e_phnum; ++i)
    if (ph[i].p_type == PT_LOAD)
      mapSegment(L, m, fd, ph[i]);

  // Prefer the mapped copy of the headers (AT_PHDR must point into the
  // image, and gdb reads them there).
  if (uint64_t at = headersAddress(eh, ph, L.pageSize))
    m->phdr = reinterpret_cast<const Elf64_Phdr *>(laddr(m, at));
  return m;
}

Module *adoptImage(Loader &L, const char *path, const Elf64_Phdr *phdr, uint16_t phnum,
                   uint64_t entry) {
  Module *m = newModule(L, path, path);
  m->phdr = phdr;
  m->phnum = phnum;
  m->entry = entry;
  uint64_t lo = ~0ull, hi = 0;
  for (uint16_t i = 0; i < phnum; ++i) {
    if (phdr[i].p_type == PT_PHDR)
      m->base = reinterpret_cast<uint64_t>(phdr) - phdr[i].p_vaddr;
    if (phdr[i].p_type == PT_LOAD) {
      if (phdr[i].p_vaddr < lo)
        lo = phdr[i].p_vaddr;
      if (phdr[i].p_vaddr + phdr[i].p_memsz > hi)
        hi = phdr[i].p_vaddr + phdr[i].p_memsz;
    }
  }
  m->mapStart = m->base + alignDown(lo, L.pageSize);
  m->mapEnd = m->base + alignUp(hi, L.pageSize);
  readSpecialHeaders(m);
  logMapped(L, m);
  for (uint16_t i = 0; i < phnum; ++i)
    if (phdr[i].p_type == PT_LOAD)
      logSegment(L, m, laddr(m, phdr[i].p_vaddr), laddr(m, phdr[i].p_vaddr + phdr[i].p_memsz),
                 protFromFlags(phdr[i].p_flags), phdr[i].p_offset);
  return m;
}

} // namespace mload
