// Output sections and the three header chunks.
#include "chunks.h"

#include "context.h"
#include "synthetic.h"

#include <cstring>

namespace mld {

using namespace llvm::ELF;

void OutputSection::computeSize(Context &ctx) {
  uint64_t off = 0;
  uint64_t align = 1;
  for (InputSection *isec : members) {
    off = (off + isec->align - 1) & ~(isec->align - 1);
    isec->offset = off;
    off += isec->size;
    align = std::max(align, isec->align);
  }
  shdr.sh_size = off;
  shdr.sh_addralign = align;
}

void OutputSection::writeTo(Context &ctx, uint8_t *buf) {
  if (isNoBits())
    return;
  if (!compressed.empty()) {
    memcpy(buf, compressed.data(), compressed.size());
    return;
  }
  for (InputSection *isec : members)
    if (!isec->isNoBits() && !isec->contents.empty())
      memcpy(buf + isec->offset, isec->contents.data(), isec->contents.size());
}

// GNU ld marks its output ELFOSABI_GNU when a linked object uses the GNU
// symbol extensions (STT_GNU_IFUNC, STB_GNU_UNIQUE), so that tools read
// them as such (readelf prints UNIQUE, not "<OS specific>: 10"). The
// assembler marks such objects ELFOSABI_GNU; a global symbol tells too.
static bool usesGnuExtensions(Context &ctx) {
  for (ObjectFile *obj : ctx.objs)
    if (obj->elf && obj->elf->getHeader().e_ident[EI_OSABI] == ELFOSABI_GNU)
      return true;
  for (Symbol *sym : ctx.symtab.symbols)
    if (sym->isDefined() && sym->file && !sym->isShared() &&
        (sym->type == STT_GNU_IFUNC || sym->binding == STB_GNU_UNIQUE))
      return true;
  return false;
}

void OutputEhdr::writeTo(Context &ctx, uint8_t *buf) {
  auto &eh = *reinterpret_cast<ELFT::Ehdr *>(buf);
  memcpy(eh.e_ident, ElfMagic, 4);
  eh.e_ident[EI_CLASS] = ELFCLASS64;
  eh.e_ident[EI_DATA] = ELFDATA2LSB;
  eh.e_ident[EI_VERSION] = EV_CURRENT;
  eh.e_ident[EI_OSABI] = usesGnuExtensions(ctx) ? ELFOSABI_GNU : ELFOSABI_NONE;
  eh.e_type = ctx.config.relocatable                ? ET_REL
              : ctx.config.kind == OutputKind::Exec ? ET_EXEC
                                                    : ET_DYN;
  eh.e_machine = EM_X86_64;
  eh.e_version = EV_CURRENT;
  eh.e_entry = ctx.entrySym ? ctx.entrySym->getVA(ctx) : 0;
  eh.e_phoff = ctx.segments.empty() ? 0 : ctx.phdr->shdr.sh_offset;
  eh.e_shoff = ctx.shdr->shdr.sh_offset;
  eh.e_flags = 0;
  eh.e_ehsize = sizeof(ELFT::Ehdr);
  eh.e_phentsize = ctx.segments.empty() ? 0 : sizeof(ELFT::Phdr);
  eh.e_phnum = ctx.segments.size();
  eh.e_shentsize = sizeof(ElfShdr);
  // From SHN_LORESERVE sections on, the count and the index of .shstrtab
  // live in section header 0 (gABI, "Sections"; see OutputShdr::writeTo).
  uint64_t shnum = ctx.shdr->shdr.sh_size / sizeof(ElfShdr);
  uint32_t shstrndx = ctx.shstrtabSec ? ((Chunk *)ctx.shstrtabSec)->shndx : 0;
  eh.e_shnum = shnum >= SHN_LORESERVE ? 0 : shnum;
  eh.e_shstrndx = shstrndx >= SHN_LORESERVE ? (uint32_t)SHN_XINDEX : shstrndx;
}

void OutputPhdr::computeSize(Context &ctx) {
  shdr.sh_size = ctx.segments.size() * sizeof(ELFT::Phdr);
}

void OutputPhdr::writeTo(Context &ctx, uint8_t *buf) {
  auto *ph = reinterpret_cast<ELFT::Phdr *>(buf);
  for (const Segment &seg : ctx.segments) {
    ph->p_type = seg.p_type;
    ph->p_flags = seg.p_flags;
    ph->p_offset = seg.p_offset;
    ph->p_vaddr = seg.p_vaddr;
    ph->p_paddr = seg.p_vaddr;
    ph->p_filesz = seg.p_filesz;
    ph->p_memsz = seg.p_memsz;
    ph->p_align = seg.p_align;
    ph++;
  }
}

void OutputShdr::computeSize(Context &ctx) {
  uint64_t n = 1;
  for (Chunk *c : ctx.chunks)
    if (!c->isHeader())
      n++;
  shdr.sh_size = n * sizeof(ElfShdr);
}

void OutputShdr::writeTo(Context &ctx, uint8_t *buf) {
  auto *sh = reinterpret_cast<ElfShdr *>(buf);
  sh[0] = ElfShdr{};
  for (Chunk *c : ctx.chunks)
    if (!c->isHeader())
      sh[c->shndx] = c->shdr;
  uint64_t shnum = shdr.sh_size / sizeof(ElfShdr);
  uint32_t shstrndx = ctx.shstrtabSec ? ((Chunk *)ctx.shstrtabSec)->shndx : 0;
  if (shnum >= SHN_LORESERVE)
    sh[0].sh_size = shnum;
  if (shstrndx >= SHN_LORESERVE)
    sh[0].sh_link = shstrndx;
}

} // namespace mld
