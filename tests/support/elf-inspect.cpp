// elf-inspect.cpp: the LLVM Object side of elf-inspect.h. Everything is
// copied out of llvm::object::ELFFile so callers never see llvm::Expected.
#include "elf-inspect.h"

#include <cstring>
#include <fstream>
#include <sstream>

#include <llvm/Object/ELF.h>
#include <llvm/Object/ELFObjectFile.h>
#include <llvm/Support/Error.h>

namespace mld::test {

using llvm::object::ELF64LE;
using ELFT = ELF64LE;

std::string relocTypeName(uint32_t type) {
  return llvm::object::getELFRelocationTypeName(llvm::ELF::EM_X86_64, type).str();
}

std::optional<ElfFile> ElfFile::load(const std::string &path, std::string &error) {
  ElfFile f;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "cannot open " + path;
    return std::nullopt;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  f.data = ss.str();
  if (f.data.size() < 16 || f.data.compare(0, 4, "\177ELF") != 0) {
    error = path + ": not an ELF file";
    return std::nullopt;
  }
  f.elfClass = static_cast<uint8_t>(f.data[4]);
  if (f.elfClass != llvm::ELF::ELFCLASS64) {
    error = path + ": not ELFCLASS64";
    return std::nullopt;
  }
  auto fail = [&](llvm::Error e) {
    error = path + ": " + llvm::toString(std::move(e));
    return std::nullopt;
  };
  llvm::Expected<llvm::object::ELFFile<ELFT>> obj = llvm::object::ELFFile<ELFT>::create(f.data);
  if (!obj)
    return fail(obj.takeError());
  const ELFT::Ehdr &eh = obj->getHeader();
  f.type = eh.e_type;
  f.machine = eh.e_machine;
  f.entry = eh.e_entry;
  f.shoff = eh.e_shoff;

  auto shdrs = obj->sections();
  if (!shdrs)
    return fail(shdrs.takeError());
  for (size_t i = 0; i < shdrs->size(); i++) {
    const ELFT::Shdr &sh = (*shdrs)[i];
    ElfSection s;
    auto name = obj->getSectionName(sh);
    if (!name)
      return fail(name.takeError());
    s.name = name->str();
    s.type = sh.sh_type;
    s.flags = sh.sh_flags;
    s.addr = sh.sh_addr;
    s.offset = sh.sh_offset;
    s.size = sh.sh_size;
    s.align = sh.sh_addralign;
    s.entsize = sh.sh_entsize;
    s.link = sh.sh_link;
    s.info = sh.sh_info;
    s.headerOffset = eh.e_shoff + i * sizeof(ELFT::Shdr);
    f.sections.push_back(std::move(s));
    if (sh.sh_type != llvm::ELF::SHT_SYMTAB)
      continue;
    auto syms = obj->symbols(&sh);
    if (!syms)
      return fail(syms.takeError());
    auto strtab = obj->getStringTableForSymtab(sh);
    if (!strtab)
      return fail(strtab.takeError());
    for (const ELFT::Sym &sym : *syms) {
      ElfSymbol y;
      auto symName = sym.getName(*strtab);
      if (!symName)
        return fail(symName.takeError());
      y.name = symName->str();
      y.value = sym.st_value;
      y.size = sym.st_size;
      y.type = sym.getType();
      y.binding = sym.getBinding();
      y.visibility = sym.getVisibility();
      y.shndx = sym.st_shndx;
      f.symbols.push_back(std::move(y));
    }
  }

  auto phdrs = obj->program_headers();
  if (!phdrs)
    return fail(phdrs.takeError());
  for (const ELFT::Phdr &ph : *phdrs)
    f.segments.push_back(
        {ph.p_type, ph.p_flags, ph.p_offset, ph.p_vaddr, ph.p_filesz, ph.p_memsz, ph.p_align});
  return f;
}

const ElfSection *ElfFile::section(const std::string &name) const {
  for (const ElfSection &s : sections)
    if (s.name == name)
      return &s;
  return nullptr;
}

const ElfSymbol *ElfFile::symbol(const std::string &name) const {
  for (size_t i = 1; i < symbols.size(); i++)
    if (symbols[i].name == name)
      return &symbols[i];
  return nullptr;
}

std::string ElfFile::contents(const ElfSection &sec) const {
  if (sec.type == llvm::ELF::SHT_NOBITS || sec.offset > data.size())
    return {};
  return data.substr(sec.offset, std::min<uint64_t>(sec.size, data.size() - sec.offset));
}

std::vector<ElfRela> ElfFile::relas(const ElfSection &relaSec) const {
  std::vector<ElfRela> out;
  if (relaSec.type != llvm::ELF::SHT_RELA)
    return out;
  size_t n = relaSec.size / sizeof(ELFT::Rela);
  for (size_t i = 0; i < n; i++) {
    uint64_t at = relaSec.offset + i * sizeof(ELFT::Rela);
    if (at + sizeof(ELFT::Rela) > data.size())
      break;
    ELFT::Rela r;
    std::memcpy(&r, data.data() + at, sizeof r);
    out.push_back({r.r_offset, r.getType(false), r.getSymbol(false), r.r_addend, at});
  }
  return out;
}

} // namespace mld::test
