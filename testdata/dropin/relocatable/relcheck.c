/* relcheck FILE: reads the relocations an executable kept (--emit-relocs)
 * and checks each one whose value the bytes must hold: R_X86_64_PC32 and
 * R_X86_64_PLT32 against a defined, non-IFUNC symbol (S + A - P), and
 * R_X86_64_32/32S (S + A). Prints "checked N" and exits 0, or prints each
 * mismatch and exits 1. S of a section symbol is its section's address. */
#include <elf.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

int main(int argc, char **argv) {
  if (argc != 2)
    return 2;
  int fd = open(argv[1], O_RDONLY);
  struct stat st;
  if (fd < 0 || fstat(fd, &st) != 0)
    return 2;
  const uint8_t *f = mmap(0, st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
  const Elf64_Ehdr *eh = (const Elf64_Ehdr *)f;
  const Elf64_Shdr *sh = (const Elf64_Shdr *)(f + eh->e_shoff);
  const Elf64_Sym *syms = 0;
  for (int i = 0; i < eh->e_shnum; i++)
    if (sh[i].sh_type == SHT_SYMTAB)
      syms = (const Elf64_Sym *)(f + sh[i].sh_offset);
  if (!syms)
    return 2;
  long checked = 0, bad = 0;
  for (int i = 0; i < eh->e_shnum; i++) {
    if (sh[i].sh_type != SHT_RELA || (sh[i].sh_flags & SHF_ALLOC))
      continue;
    const Elf64_Shdr *target = &sh[sh[i].sh_info];
    if (!(target->sh_flags & SHF_ALLOC) || target->sh_type == SHT_NOBITS)
      continue;
    const Elf64_Rela *r = (const Elf64_Rela *)(f + sh[i].sh_offset);
    size_t n = sh[i].sh_size / sizeof *r;
    for (size_t k = 0; k < n; k++) {
      uint32_t type = ELF64_R_TYPE(r[k].r_info);
      const Elf64_Sym *s = &syms[ELF64_R_SYM(r[k].r_info)];
      if (s->st_shndx == SHN_UNDEF || ELF64_ST_TYPE(s->st_info) == STT_GNU_IFUNC ||
          ELF64_ST_TYPE(s->st_info) == STT_TLS)
        continue;
      uint64_t S = s->st_value, P = r[k].r_offset;
      int64_t A = r[k].r_addend;
      uint64_t want;
      if (type == R_X86_64_PC32 || type == R_X86_64_PLT32)
        want = S + A - P;
      else if (type == R_X86_64_32 || type == R_X86_64_32S)
        want = S + A;
      else
        continue;
      if (P < target->sh_addr || P + 4 > target->sh_addr + target->sh_size) {
        printf("offset %#lx outside its section\n", (unsigned long)P);
        bad++;
        continue;
      }
      uint32_t have;
      memcpy(&have, f + target->sh_offset + (P - target->sh_addr), 4);
      checked++;
      if (have != (uint32_t)want) {
        printf("at %#lx type %u: bytes %#x, S + A (- P) = %#x\n",
               (unsigned long)P, type, have, (uint32_t)want);
        bad++;
      }
    }
  }
  printf("checked %ld\n", checked);
  return bad ? 1 : 0;
}
