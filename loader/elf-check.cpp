// elf-check.cpp: header and program header checks (see elf-check.h). Each
// gives the message glibc's ld.so (or readelf) would give for the same
// defect, so the user recognises it.
#include "elf-check.h"
#include "diag.h"
#include "dynamic.h"
#include "support.h"

namespace mload {

void checkElfHeader(const char *path, const Elf64_Ehdr &eh, uint64_t got) {
  if (got < 4 || memcmp(eh.e_ident, ELFMAG, SELFMAG) != 0)
    fatal(path, "not an ELF file (invalid ELF header)");
  if (got < sizeof(Elf64_Ehdr))
    fatal(path, "file too short (truncated ELF header)");
  if (eh.e_ident[EI_CLASS] != ELFCLASS64)
    fatal(path, "wrong ELF class: ELFCLASS32 (expected ELFCLASS64)");
  if (eh.e_ident[EI_DATA] != ELFDATA2LSB)
    fatal(path, "wrong data encoding (expected little-endian)");
  if (eh.e_machine != EM_X86_64)
    fatal(errorText(path).str("wrong machine type ").dec(eh.e_machine).str(" (expected x86-64)"));
  if (eh.e_type != ET_EXEC && eh.e_type != ET_DYN)
    fatal(path, "not an executable or shared object");
  if (eh.e_phentsize != sizeof(Elf64_Phdr) || eh.e_phnum == 0)
    fatal(path, "bad program header table");
}

void checkProgramHeaderTable(const char *path, const Elf64_Ehdr &eh, uint64_t fileSize) {
  uint64_t phSize = static_cast<uint64_t>(eh.e_phnum) * sizeof(Elf64_Phdr);
  if (eh.e_phoff > fileSize || phSize > fileSize - eh.e_phoff)
    fatal(path, "program headers reach past the end of the file (file truncated?)");
}

constexpr uint64_t UserSpaceEnd = 1ull << 47; // x86-64 with 4-level paging

void checkSegments(const char *path, const Elf64_Phdr *ph, uint16_t phnum, uint64_t fileSize,
                   uint64_t page) {
  const Elf64_Phdr *prev = nullptr;
  uint16_t prevIndex = 0;
  for (uint16_t i = 0; i < phnum; ++i) {
    const Elf64_Phdr &p = ph[i];
    if (p.p_type != PT_LOAD)
      continue;
    if (p.p_offset > fileSize || p.p_filesz > fileSize - p.p_offset)
      fatal(errorText(path)
                .str("segment ")
                .dec(i)
                .str(" reaches past the end of the file (offset ")
                .hex(p.p_offset)
                .str(" + size ")
                .hex(p.p_filesz)
                .str(" > file size ")
                .hex(fileSize)
                .str("; file truncated?)"));
    if (p.p_filesz > p.p_memsz)
      fatal(errorText(path).str("segment ").dec(i).str(": p_filesz exceeds p_memsz"));
    if (p.p_vaddr >= UserSpaceEnd || p.p_memsz >= UserSpaceEnd - p.p_vaddr)
      fatal(errorText(path).str("segment ").dec(i).str(" lies outside the user address space"));
    if ((p.p_vaddr - p.p_offset) % page != 0)
      fatal(errorText(path)
                .str("segment ")
                .dec(i)
                .str(": p_offset and p_vaddr differ modulo the page size"));
    if ((p.p_flags & PF_W) && (p.p_flags & PF_X))
      fatal(errorText(path)
                .str("segment ")
                .dec(i)
                .str(" is writable and executable; refusing to map it"));
    if (prev && p.p_vaddr < prev->p_vaddr + prev->p_memsz)
      fatal(errorText(path).str("segments ").dec(prevIndex).str(" and ").dec(i).str(" overlap"));
    prev = &p;
    prevIndex = i;
  }
  if (!prev)
    fatal(path, "no loadable segments");
}

// .dynamic is read right after mapping: it must lie inside a PT_LOAD's
// file contents, or a corrupt header would send us to unmapped memory.
void checkDynamicInside(const char *path, const Elf64_Phdr *ph, uint16_t phnum) {
  for (uint16_t i = 0; i < phnum; ++i) {
    if (ph[i].p_type != PT_DYNAMIC)
      continue;
    bool inside = false;
    for (uint16_t j = 0; j < phnum; ++j)
      inside |= ph[j].p_type == PT_LOAD && ph[i].p_vaddr >= ph[j].p_vaddr &&
                ph[i].p_vaddr + ph[i].p_memsz <= ph[j].p_vaddr + ph[j].p_filesz;
    if (!inside)
      fatal(path, "PT_DYNAMIC lies outside the loadable segments");
  }
}

LoadSpan loadSpan(const Elf64_Phdr *ph, uint16_t phnum, uint64_t page) {
  const Elf64_Phdr *first = nullptr, *last = nullptr;
  for (uint16_t i = 0; i < phnum; ++i)
    if (ph[i].p_type == PT_LOAD) {
      if (!first)
        first = &ph[i];
      last = &ph[i];
    }
  return {alignDown(first->p_vaddr, page), alignUp(last->p_vaddr + last->p_memsz, page)};
}

uint64_t headersAddress(const Elf64_Ehdr &eh, const Elf64_Phdr *ph, uint64_t page) {
  uint64_t phSize = static_cast<uint64_t>(eh.e_phnum) * sizeof(Elf64_Phdr);
  for (uint16_t i = 0; i < eh.e_phnum; ++i) {
    const Elf64_Phdr &p = ph[i];
    // Only from a readable segment: p_flags may say PROT_NONE.
    if (p.p_type != PT_LOAD || !(p.p_flags & PF_R) || eh.e_phoff < p.p_offset ||
        eh.e_phoff + phSize > p.p_offset + p.p_filesz)
      continue;
    uint64_t at = p.p_vaddr + (eh.e_phoff - p.p_offset);
    if (at % alignof(Elf64_Phdr))
      return 0; // read in place: must be aligned
    // A later segment mapped from the same file page at the same address
    // (packed layouts) shows the same bytes, readable.
    for (uint16_t j = i + 1; j < eh.e_phnum; ++j) {
      const Elf64_Phdr &q = ph[j];
      bool sameBytes = (q.p_flags & PF_R) && q.p_vaddr - q.p_offset == p.p_vaddr - p.p_offset;
      if (q.p_type == PT_LOAD && alignDown(q.p_vaddr, page) < at + phSize && !sameBytes)
        return 0;
    }
    return at;
  }
  return 0;
}

void readSpecialHeaders(Module *m) {
  for (uint16_t i = 0; i < m->phnum; ++i) {
    const Elf64_Phdr &p = m->phdr[i];
    if (p.p_type == PT_DYNAMIC)
      m->dynamic = reinterpret_cast<Elf64_Dyn *>(laddr(m, p.p_vaddr));
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
    if (p.p_type == PT_GNU_STACK)
      m->execStack = p.p_flags & PF_X;
  }
}

void checkSpecialHeaders(const Loader &L, const Module *m) {
  const char *path = m->path;
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
}

void describeImage(const Loader &L, Module *m, const Elf64_Ehdr &eh, const Elf64_Phdr *ph,
                   LoadSpan span) {
  m->mapStart = m->base + span.lo;
  m->mapEnd = m->base + span.hi;
  m->entry = laddr(m, eh.e_entry);
  m->elfType = eh.e_type;
  m->phnum = eh.e_phnum;
  m->phdr = ph;
  readSpecialHeaders(m);
  checkSpecialHeaders(L, m);
}

} // namespace mload
