// map.cpp: mapImage() validates an ELF file's headers and maps its PT_LOAD
// segments. Shape: reserve the whole span PROT_NONE (so the kernel picks a
// hole big enough for everything), MAP_FIXED each segment into it, zero the
// tail of the last file page, then anonymous pages for the rest of .bss.
// It does not decode .dynamic or relocate; see dynamic.cpp and reloc.cpp.
#include "map.h"
#include <new>
#include "diag.h"
#include "dynamic.h"
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

// Header checks, each with the message glibc's ld.so (or readelf) would give
// for the same defect, so the user recognises it.
static void checkHeader(const char *path, const Elf64_Ehdr &eh, uint64_t got) {
  if (got < 4 || memcmp(eh.e_ident, ELFMAG, SELFMAG) != 0) fatal(path, "not an ELF file (invalid ELF header)");
  if (got < sizeof(Elf64_Ehdr)) fatal(path, "file too short (truncated ELF header)");
  if (eh.e_ident[EI_CLASS] != ELFCLASS64) fatal(path, "wrong ELF class: ELFCLASS32 (expected ELFCLASS64)");
  if (eh.e_ident[EI_DATA] != ELFDATA2LSB) fatal(path, "wrong data encoding (expected little-endian)");
  if (eh.e_machine != EM_X86_64)
    fatal(errorText(path).str("wrong machine type ").dec(eh.e_machine).str(" (expected x86-64)"));
  if (eh.e_type != ET_EXEC && eh.e_type != ET_DYN) fatal(path, "not an executable or shared object");
  if (eh.e_phentsize != sizeof(Elf64_Phdr) || eh.e_phnum == 0) fatal(path, "bad program header table");
}

constexpr uint64_t UserSpaceEnd = 1ull << 47; // x86-64 with 4-level paging

// Segment checks that keep mapping safe: every PT_LOAD inside the file,
// in ascending order without overlap, offset and address congruent modulo
// the page size, and never writable and executable at once.
static void checkSegments(const char *path, const Elf64_Phdr *ph, uint16_t phnum, uint64_t fileSize,
                          uint64_t page) {
  const Elf64_Phdr *prev = nullptr;
  uint16_t prevIndex = 0;
  for (uint16_t i = 0; i < phnum; ++i) {
    const Elf64_Phdr &p = ph[i];
    if (p.p_type != PT_LOAD) continue;
    if (p.p_offset > fileSize || p.p_filesz > fileSize - p.p_offset)
      fatal(errorText(path).str("segment ").dec(i).str(" reaches past the end of the file (offset ")
                .hex(p.p_offset).str(" + size ").hex(p.p_filesz).str(" > file size ").hex(fileSize)
                .str("; file truncated?)"));
    if (p.p_filesz > p.p_memsz) fatal(errorText(path).str("segment ").dec(i).str(": p_filesz exceeds p_memsz"));
    if (p.p_vaddr >= UserSpaceEnd || p.p_memsz >= UserSpaceEnd - p.p_vaddr)
      fatal(errorText(path).str("segment ").dec(i).str(" lies outside the user address space"));
    if ((p.p_vaddr - p.p_offset) % page != 0)
      fatal(errorText(path).str("segment ").dec(i).str(": p_offset and p_vaddr differ modulo the page size"));
    if ((p.p_flags & PF_W) && (p.p_flags & PF_X))
      fatal(errorText(path).str("segment ").dec(i).str(" is writable and executable; refusing to map it"));
    if (prev && p.p_vaddr < prev->p_vaddr + prev->p_memsz)
      fatal(errorText(path).str("segments ").dec(prevIndex).str(" and ").dec(i).str(" overlap"));
    prev = &p;
    prevIndex = i;
  }
  if (!prev) fatal(path, "no loadable segments");
}

// .dynamic is read right after mapping: it must lie inside a PT_LOAD's
// file contents, or a corrupt header would send us to unmapped memory.
static void checkDynamicInside(const char *path, const Elf64_Phdr *ph, uint16_t phnum) {
  for (uint16_t i = 0; i < phnum; ++i) {
    if (ph[i].p_type != PT_DYNAMIC) continue;
    bool inside = false;
    for (uint16_t j = 0; j < phnum; ++j)
      inside |= ph[j].p_type == PT_LOAD && ph[i].p_vaddr >= ph[j].p_vaddr &&
                ph[i].p_vaddr + ph[i].p_memsz <= ph[j].p_vaddr + ph[j].p_filesz;
    if (!inside) fatal(path, "PT_DYNAMIC lies outside the loadable segments");
  }
}

static uint64_t checkedMmap(const char *path, uint64_t addr, uint64_t len, int prot, int flags, int fd,
                            uint64_t off) {
  long r = sys::mmap(reinterpret_cast<void *>(addr), len, prot, flags, fd, off);
  if (sys::isError(r)) fatal(errorText(path).str("cannot map segment at ").hex(addr).str(" (errno ").sdec(-r).str(")"));
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
    checkedMmap(m->path, start, alignUp(fileEnd, page) - start, prot | (zeroTail ? sys::ProtWrite : 0),
                sys::MapPrivate | sys::MapFixed, fd, alignDown(p.p_offset, page));
    if (zeroTail) {
      memset(reinterpret_cast<void *>(fileEnd), 0, alignUp(fileEnd, page) - fileEnd);
      // Back to the segment's own permissions, over every page mapped
      // writable above (not just the last): a read-only segment with .bss
      // must not leave its earlier pages writable.
      if (!(prot & sys::ProtWrite)) sys::mprotect(start, alignUp(fileEnd, page) - start, prot);
    }
    anonStart = alignUp(fileEnd, page);
  }
  if (alignUp(memEnd, page) > anonStart)
    checkedMmap(m->path, anonStart, alignUp(memEnd, page) - anonStart, prot,
                sys::MapPrivate | sys::MapFixed | sys::MapAnonymous, -1, 0);
  logSegment(L, m, m->base + p.p_vaddr, memEnd, prot, p.p_offset);
}

void readSpecialHeaders(Module *m) {
  for (uint16_t i = 0; i < m->phnum; ++i) {
    const Elf64_Phdr &p = m->phdr[i];
    if (p.p_type == PT_DYNAMIC) m->dynamic = reinterpret_cast<Elf64_Dyn *>(laddr(m, p.p_vaddr));
    if (p.p_type == PT_TLS) {
      m->tlsImage = laddr(m, p.p_vaddr);
      m->tlsFilesz = p.p_filesz;
      m->tlsMemsz = p.p_memsz;
      m->tlsAlign = p.p_align ? p.p_align : 1;
    }
    if (p.p_type == PT_GNU_RELRO) {
      m->relroStart = laddr(m, p.p_vaddr);
      m->relroEnd = laddr(m, p.p_vaddr + p.p_memsz);
    }
    if (p.p_type == PT_GNU_STACK) m->execStack = p.p_flags & PF_X;
  }
}

Module *mapImage(Loader &L, const char *path, const char *name, int fd, uint64_t fileSize) {
  Elf64_Ehdr eh;
  memset(&eh, 0, sizeof(eh));
  long got = sys::pread(fd, &eh, sizeof(eh), 0);
  if (got < 0) fatal(path, "cannot read file data");
  checkHeader(path, eh, static_cast<uint64_t>(got));
  uint64_t phSize = static_cast<uint64_t>(eh.e_phnum) * sizeof(Elf64_Phdr);
  if (eh.e_phoff > fileSize || phSize > fileSize - eh.e_phoff)
    fatal(path, "program headers reach past the end of the file (file truncated?)");
  auto *ph = static_cast<Elf64_Phdr *>(allocate(phSize));
  if (sys::pread(fd, ph, phSize, eh.e_phoff) != static_cast<long>(phSize)) fatal(path, "cannot read program headers");
  checkSegments(path, ph, eh.e_phnum, fileSize, L.pageSize);
  checkDynamicInside(path, ph, eh.e_phnum);

  const Elf64_Phdr *first = nullptr, *last = nullptr;
  for (uint16_t i = 0; i < eh.e_phnum; ++i)
    if (ph[i].p_type == PT_LOAD) {
      if (!first) first = &ph[i];
      last = &ph[i];
    }
  uint64_t lo = alignDown(first->p_vaddr, L.pageSize);
  uint64_t hi = alignUp(last->p_vaddr + last->p_memsz, L.pageSize);

  Module *m = newModule(L, path, name);
  // Reserve the span: a shared object goes wherever the kernel finds room;
  // an ET_EXEC must land at its link-time address and must not clobber
  // anything already there (mload itself, for one).
  if (eh.e_type == ET_DYN) {
    m->base = checkedMmap(path, 0, hi - lo, sys::ProtNone, sys::MapPrivate | sys::MapAnonymous, -1, 0) - lo;
  } else {
    long r = sys::mmap(reinterpret_cast<void *>(lo), hi - lo, sys::ProtNone,
                       sys::MapPrivate | sys::MapAnonymous | sys::MapFixedNoreplace, -1, 0);
    if (sys::isError(r) || static_cast<uint64_t>(r) != lo)
      fatal(errorText(path).str("cannot map executable at its fixed address ").hex(lo));
  }
  m->mapStart = m->base + lo;
  m->mapEnd = m->base + hi;
  m->entry = laddr(m, eh.e_entry);
  m->elfType = eh.e_type;
  m->phnum = eh.e_phnum;
  m->phdr = ph;
  readSpecialHeaders(m);
  if (m->tlsImage) {
    requireInside(m, reinterpret_cast<const void *>(m->tlsImage), m->tlsFilesz, "PT_TLS");
    if (m->tlsFilesz > m->tlsMemsz || (m->tlsAlign & (m->tlsAlign - 1)) || m->tlsAlign > L.pageSize)
      fatal(path, "bad PT_TLS header (size or alignment)");
  }
  // lld pads PT_GNU_RELRO to a page boundary past its segment, so RELRO
  // only has to stay inside the reserved span.
  if (m->relroEnd != m->relroStart &&
      (m->relroStart < m->mapStart || m->relroEnd > m->mapEnd || m->relroEnd < m->relroStart))
    fatal(path, "PT_GNU_RELRO lies outside the image (corrupt file?)");
  logMapped(L, m);
  for (uint16_t i = 0; i < eh.e_phnum; ++i)
    if (ph[i].p_type == PT_LOAD) mapSegment(L, m, fd, ph[i]);

  // Prefer the mapped copy of the headers (AT_PHDR must point into the
  // image, and gdb reads them there).
  for (uint16_t i = 0; i < eh.e_phnum; ++i) {
    const Elf64_Phdr &p = ph[i];
    // Only from a readable segment: p_flags may say PROT_NONE.
    if (p.p_type == PT_LOAD && (p.p_flags & PF_R) && eh.e_phoff >= p.p_offset &&
        eh.e_phoff + phSize <= p.p_offset + p.p_filesz) {
      m->phdr = reinterpret_cast<const Elf64_Phdr *>(laddr(m, p.p_vaddr + (eh.e_phoff - p.p_offset)));
      break;
    }
  }
  return m;
}

Module *adoptImage(Loader &L, const char *path, const Elf64_Phdr *phdr, uint16_t phnum, uint64_t entry) {
  Module *m = newModule(L, path, path);
  m->phdr = phdr;
  m->phnum = phnum;
  m->entry = entry;
  uint64_t lo = ~0ull, hi = 0;
  for (uint16_t i = 0; i < phnum; ++i) {
    if (phdr[i].p_type == PT_PHDR) m->base = reinterpret_cast<uint64_t>(phdr) - phdr[i].p_vaddr;
    if (phdr[i].p_type == PT_LOAD) {
      if (phdr[i].p_vaddr < lo) lo = phdr[i].p_vaddr;
      if (phdr[i].p_vaddr + phdr[i].p_memsz > hi) hi = phdr[i].p_vaddr + phdr[i].p_memsz;
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
