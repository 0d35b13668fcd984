// layout-checks.cpp: the rules of layout-checks.h, each written as a loop over
// the section and program headers read back by ElfFile.
#include "layout-checks.h"

#include <algorithm>
#include <sstream>

#include <llvm/BinaryFormat/ELF.h>

namespace mld::test {

using namespace llvm::ELF;

static std::string hex(uint64_t v) {
  std::ostringstream s;
  s << "0x" << std::hex << v;
  return s.str();
}

std::vector<std::string> layoutProblems(const ElfFile &elf) {
  std::vector<std::string> problems;
  std::vector<const ElfSegment *> loads;
  const ElfSegment *tls = nullptr;
  for (const ElfSegment &seg : elf.segments) {
    if (seg.type == PT_LOAD)
      loads.push_back(&seg);
    if (seg.type == PT_TLS)
      tls = &seg;
  }
  for (size_t i = 0; i < loads.size(); i++) {
    const ElfSegment &seg = *loads[i];
    if (seg.offset % 4096 != seg.vaddr % 4096)
      problems.push_back("PT_LOAD at " + hex(seg.vaddr) + ": offset " + hex(seg.offset) +
                         " != vaddr mod 4096");
    if ((seg.flags & PF_W) && (seg.flags & PF_X))
      problems.push_back("PT_LOAD at " + hex(seg.vaddr) + " is both writable and executable");
    if (seg.filesz > seg.memsz)
      problems.push_back("PT_LOAD at " + hex(seg.vaddr) + ": p_filesz > p_memsz");
    if (i > 0 && loads[i - 1]->vaddr + loads[i - 1]->memsz > seg.vaddr)
      problems.push_back("PT_LOAD at " + hex(seg.vaddr) + " overlaps or is out of order");
  }

  uint64_t tlsStart = UINT64_MAX, tlsEnd = 0;
  for (const ElfSection &sec : elf.sections) {
    if (!(sec.flags & SHF_ALLOC) || sec.size == 0)
      continue;
    bool isTls = sec.flags & SHF_TLS;
    if (isTls) {
      tlsStart = std::min(tlsStart, sec.addr);
      tlsEnd = std::max(tlsEnd, sec.addr + sec.size);
      if (sec.type == SHT_NOBITS)
        continue; // .tbss occupies no address range of its own in a PT_LOAD
    }
    auto in = std::find_if(loads.begin(), loads.end(), [&](const ElfSegment *seg) {
      return seg->vaddr <= sec.addr && sec.addr + sec.size <= seg->vaddr + seg->memsz;
    });
    if (in == loads.end()) {
      problems.push_back(sec.name + " at " + hex(sec.addr) + " is in no PT_LOAD");
      continue;
    }
    const ElfSegment &seg = **in;
    if ((sec.flags & SHF_EXECINSTR) && !(seg.flags & PF_X))
      problems.push_back(sec.name + " holds code but its segment is not executable");
    if (!(sec.flags & SHF_EXECINSTR) && (seg.flags & PF_X))
      problems.push_back(sec.name + " is not code but its segment is executable");
    if ((sec.flags & SHF_WRITE) && !(seg.flags & PF_W))
      problems.push_back(sec.name + " is writable but its segment is not");
    if (sec.type == SHT_NOBITS) {
      if (sec.addr < seg.vaddr + seg.filesz)
        problems.push_back(sec.name + " (SHT_NOBITS) lies within its segment's file bytes");
    } else if (sec.offset - seg.offset != sec.addr - seg.vaddr) {
      problems.push_back(sec.name + ": sh_offset " + hex(sec.offset) +
                         " does not match its address " + hex(sec.addr));
    } else if (sec.addr + sec.size > seg.vaddr + seg.filesz) {
      problems.push_back(sec.name + " extends past its segment's file bytes");
    }
  }
  if (tlsEnd > 0) {
    if (!tls)
      problems.push_back("TLS sections but no PT_TLS");
    else if (tls->vaddr > tlsStart || tls->vaddr + tls->memsz < tlsEnd)
      problems.push_back("PT_TLS [" + hex(tls->vaddr) + ", +" + hex(tls->memsz) +
                         ") does not cover the TLS sections");
  }
  return problems;
}

std::vector<std::string> unmergedSectionProblems(const ElfFile &elf) {
  static const char *const bases[] = {".text",       ".rodata",     ".data",
                                      ".bss",        ".tdata",      ".tbss",
                                      ".init_array", ".fini_array", ".preinit_array"};
  std::vector<std::string> problems;
  for (const ElfSection &sec : elf.sections) {
    if (!(sec.flags & SHF_ALLOC) || sec.name == ".data.rel.ro")
      continue;
    for (const char *base : bases)
      if (sec.name.rfind(std::string(base) + ".", 0) == 0)
        problems.push_back(sec.name + " should have been merged into " + base);
  }
  return problems;
}

std::vector<std::string> symtabProblems(const ElfFile &elf) {
  std::vector<std::string> problems;
  const ElfSection *symtab = elf.section(".symtab");
  if (!symtab)
    return {"no .symtab"};
  if (symtab->link >= elf.sections.size() || elf.sections[symtab->link].name != ".strtab")
    problems.push_back(".symtab's sh_link does not name .strtab");
  size_t firstGlobal = elf.symbols.size();
  for (size_t i = 1; i < elf.symbols.size(); i++)
    if (elf.symbols[i].binding != STB_LOCAL) {
      firstGlobal = i;
      break;
    }
  if (symtab->info != firstGlobal)
    problems.push_back(".symtab sh_info is " + std::to_string(symtab->info) +
                       ", first non-local symbol is " + std::to_string(firstGlobal));
  for (size_t i = firstGlobal; i < elf.symbols.size(); i++)
    if (elf.symbols[i].binding == STB_LOCAL)
      problems.push_back("local symbol " + elf.symbols[i].name + " after the first global");
  for (size_t i = 1; i < elf.symbols.size(); i++) {
    const ElfSymbol &sym = elf.symbols[i];
    // Only functions and objects: linker-defined markers (__bss_start,
    // __init_array_start...) are NOTYPE and may sit on a boundary outside.
    if (sym.shndx == SHN_UNDEF || sym.shndx >= SHN_LORESERVE ||
        (sym.type != STT_FUNC && sym.type != STT_OBJECT))
      continue;
    if (sym.shndx >= elf.sections.size()) {
      problems.push_back(sym.name + " names section " + std::to_string(sym.shndx) +
                         ", which does not exist");
      continue;
    }
    const ElfSection &sec = elf.sections[sym.shndx];
    if (!(sec.flags & SHF_ALLOC))
      continue;
    if (sym.value < sec.addr || sym.value + sym.size > sec.addr + sec.size)
      problems.push_back(sym.name + " [" + hex(sym.value) + ", +" + hex(sym.size) +
                         ") is outside " + sec.name);
  }
  return problems;
}

std::vector<std::string> ehFrameProblems(const ElfFile &elf, const std::string &frames) {
  std::vector<std::string> problems;
  std::vector<std::pair<uint64_t, uint64_t>> ranges;
  std::istringstream in(frames);
  for (std::string line; std::getline(in, line);) {
    size_t fde = line.find(" FDE ");
    size_t pc = line.find("pc=");
    if (fde == std::string::npos || pc == std::string::npos)
      continue;
    std::string range = line.substr(pc + 3);
    size_t dots = range.find("..");
    if (dots == std::string::npos)
      continue;
    uint64_t begin = std::stoull(range.substr(0, dots), nullptr, 16);
    uint64_t end = std::stoull(range.substr(dots + 2), nullptr, 16);
    if (end <= begin) {
      problems.push_back("FDE with empty range: " + line);
      continue;
    }
    bool inCode = false;
    for (const ElfSection &sec : elf.sections)
      inCode |= (sec.flags & SHF_EXECINSTR) && sec.addr <= begin && end <= sec.addr + sec.size;
    if (!inCode)
      problems.push_back("FDE outside the code: " + line);
    ranges.emplace_back(begin, end);
  }
  std::sort(ranges.begin(), ranges.end());
  for (size_t i = 1; i < ranges.size(); i++)
    if (ranges[i].first < ranges[i - 1].second)
      problems.push_back("FDEs overlap at " + hex(ranges[i].first));
  return problems;
}

std::vector<std::string> entryProblems(const ElfFile &elf, const std::string &entrySymbol) {
  const ElfSymbol *sym = elf.symbol(entrySymbol);
  if (!sym)
    return {"entry symbol " + entrySymbol + " is not in .symtab"};
  if (sym->value != elf.entry)
    return {"e_entry " + hex(elf.entry) + " is not " + entrySymbol + " (" + hex(sym->value) + ")"};
  return {};
}

} // namespace mld::test
