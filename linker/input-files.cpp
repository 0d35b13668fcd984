// Reading relocatable objects: sections, COMDAT groups, symbols. Each global
// symbol is resolved against the table as soon as its file is read, which is
// what GNU ld's archive rule (pull a member only for a still-undefined name)
// depends on.
#include "input-files.h"

#include "compress.h"
#include "context.h"
#include "diag.h"
#include "synthetic.h"

#include <cstring>
#include <iostream>

namespace mld {

using namespace llvm::ELF;
using llvm::object::ELFFile;

// The section names whose contents are not copied to the output, beyond the
// section types that never are (symbol tables, relocations, groups).
// SHF_EXCLUDE sections are left out of executables and shared objects but,
// as in GNU ld, kept by -r: gcc's LTO IR (.gnu.lto_*) must survive an
// incremental link to be optimized in the final one.
static bool isIgnoredSection(std::string_view name, uint64_t flags, bool relocatable) {
  if ((flags & SHF_EXCLUDE) && !relocatable)
    return true;
  // .note.GNU-stack only says whether the stack must be executable; we
  // always emit a non-executable PT_GNU_STACK unless -z execstack.
  return name == ".note.GNU-stack" || name == ".note.GNU-split-stack";
}

std::unique_ptr<ELFFile<ELFT>> openElf(Context &ctx, llvm::MemoryBufferRef mb,
                                       const std::string &name) {
  auto elf =
      std::make_unique<ELFFile<ELFT>>(check(ctx, ELFFile<ELFT>::create(mb.getBuffer()), name));
  // LLVM words a section header table that does not fit in the file two
  // ways (its first entry, or its last); one message says it for both.
  const ELFT::Ehdr &ehdr = elf->getHeader();
  uint64_t size = mb.getBufferSize(), off = ehdr.e_shoff;
  if (off == 0 || ehdr.e_shentsize != sizeof(ElfShdr))
    return elf;                  // no sections, or a header LLVM rejects by itself
  uint64_t count = ehdr.e_shnum; // 0: the count is in entry 0's sh_size
  bool fits = off <= size && size - off >= sizeof(ElfShdr);
  if (fits && count == 0)
    memcpy(&count, mb.getBufferStart() + off + offsetof(Elf64_Shdr, sh_size), sizeof count);
  if (!fits || (size - off) / sizeof(ElfShdr) < count)
    Fatal(ctx) << name << ": section header table goes past the end of the "
               << "file (e_shoff " << toHex(off) << ", " << std::max<uint64_t>(count, 1)
               << " entries, file size " << toHex(size) << ")";
  return elf;
}

void ObjectFile::parse(Context &ctx) {
  readSections(ctx);
  resolveSymbols(ctx);
}

// The part of reading that touches nothing shared, so that command-line
// objects can be read in parallel before resolution starts.
void ObjectFile::readSections(Context &ctx) {
  const std::string &name = displayName();
  elf = openElf(ctx, mb, name);
  const ELFT::Ehdr &ehdr = elf->getHeader();
  if (ehdr.e_type != ET_REL)
    Fatal(ctx) << name << ": not a relocatable object (e_type " << ehdr.e_type << ")";

  // The symbol table first: COMDAT signatures are symbol names.
  auto shdrs = check(ctx, elf->sections(), name);
  for (const ElfShdr &shdr : shdrs) {
    if (shdr.sh_type != SHT_SYMTAB)
      continue;
    elfSyms = check(ctx, elf->symbols(&shdr), name);
    strtab = check(ctx, elf->getStringTableForSymtab(shdr, shdrs), name);
    firstGlobal = shdr.sh_info;
    if (firstGlobal > elfSyms.size() || firstGlobal == 0)
      Fatal(ctx) << name << ": invalid sh_info " << firstGlobal << " in symbol table";
    break;
  }
  for (const ElfShdr &shdr : shdrs)
    if (shdr.sh_type == SHT_SYMTAB_SHNDX) {
      symtabShndx = check(
          ctx, elf->template getSectionContentsAsArray<llvm::support::ulittle32_t>(shdr), name);
      if (symtabShndx.size() < elfSyms.size())
        Fatal(ctx) << name << ": SHT_SYMTAB_SHNDX section is smaller than "
                   << "the symbol table";
    }
  parseSections(ctx);
  // COMDAT signatures are symbol names; hash them here, off the serial path.
  for (ComdatGroup &g : comdatGroups) {
    if (g.symbolIndex >= elfSyms.size())
      Fatal(ctx) << name << ": invalid symbol index " << g.symbolIndex << " in SHT_GROUP section "
                 << g.sectionIndex;
    std::string_view sig = check(ctx, elfSyms[g.symbolIndex].getName(strtab), name);
    g.signature = llvm::CachedHashStringRef(llvm::StringRef(sig.data(), sig.size()),
                                            SymbolTable::hashName(sig));
  }
  parseLocalSymbols(ctx);
  globalNames.reserve(elfSyms.size() - std::min<size_t>(firstGlobal, elfSyms.size()));
  globalHashes.reserve(globalNames.capacity());
  for (uint32_t i = firstGlobal; i < elfSyms.size(); i++) {
    std::string_view n = check(ctx, elfSyms[i].getName(strtab), name);
    // --wrap renames references only: a definition of SYM keeps its name.
    if (!ctx.wrapRenames.empty() && elfSyms[i].st_shndx == SHN_UNDEF) {
      auto it = ctx.wrapRenames.find(llvm::StringRef(n.data(), n.size()));
      if (it != ctx.wrapRenames.end())
        n = std::string_view(it->second.data(), it->second.size());
    }
    globalNames.push_back(n);
    globalHashes.push_back(SymbolTable::hashName(n));
    if (n.find('@') != std::string_view::npos)
      hasVersionedNames = true;
    // A slim LTO object (gcc's default) holds IR only; a fat one also
    // holds the code compiled without LTO.
    if (!ltoSection.empty() && n == "__gnu_lto_slim")
      isLtoSlim = true;
  }
}

uint32_t ObjectFile::symbolSectionIndex(uint32_t i) const {
  uint16_t shndx = elfSyms[i].st_shndx;
  if (shndx != SHN_XINDEX)
    return shndx;
  return i < symtabShndx.size() ? (uint32_t)symtabShndx[i] : UINT32_MAX;
}

bool ObjectFile::mayPullFor(uint32_t i) const {
  const ElfSym &esym = elfSyms[i];
  if (esym.getBinding() == STB_WEAK)
    return false;
  if (esym.st_shndx == SHN_UNDEF)
    return true;
  uint32_t shndx = symbolSectionIndex(i);
  return shndx < inComdatGroup.size() && inComdatGroup[shndx];
}

// The part that must follow command-line order: the first COMDAT group of a
// signature wins, and symbols resolve against what came before.
void ObjectFile::resolveSymbols(Context &ctx) {
  // The first group of a signature wins; a later copy is discarded, members
  // and relocations alike.
  for (const ComdatGroup &g : comdatGroups) {
    if (ctx.comdatGroups.try_emplace(g.signature, this).second)
      continue;
    for (uint32_t member : g.members) {
      if (InputSection *isec = sections[member])
        isec->isAlive = false;
      sections[member] = nullptr;
    }
  }
  resolveGlobalSymbols(ctx);
}

// Replaces a compressed section's contents by the plain bytes, which the
// file keeps; a .zdebug_x section becomes .debug_x. Debug sections that -S
// or -s drop are left as they are (nothing reads them).
void ObjectFile::decompressInput(Context &ctx, InputSection &isec) {
  bool gnuStyle = !(isec.flags & SHF_COMPRESSED);
  if ((ctx.config.stripDebug || ctx.config.stripAll) &&
      (isec.name.starts_with(".debug") || isec.name.starts_with(".zdebug")))
    return;
  if (!gnuStyle && (isec.flags & SHF_ALLOC))
    Fatal(ctx) << isec.describe() << ": SHF_COMPRESSED on an SHF_ALLOC section";
  Decompressed d = decompressSection(isec.contents, gnuStyle);
  if (!d.error.empty())
    Fatal(ctx) << isec.describe() << ": " << d.error;
  std::vector<uint8_t> &bytes = plainContents.emplace_front(std::move(d.bytes));
  isec.contents = bytes;
  isec.size = bytes.size();
  isec.align = d.align;
  isec.flags &= ~(uint64_t)SHF_COMPRESSED;
  if (gnuStyle)
    isec.name = plainNames.emplace_front(".debug" + std::string(isec.name.substr(7)));
}

void ObjectFile::parseSections(Context &ctx) {
  const std::string &name = displayName();
  auto shdrs = check(ctx, elf->sections(), name);
  sections.assign(shdrs.size(), nullptr);
  // Capacity for every section, so pointers stay valid; only the sections
  // kept are constructed (relocation and symbol sections are about half of
  // an object's headers, and untouched capacity costs no memory).
  sectionStorage.reserve(shdrs.size());

  for (uint32_t i = 0; i < shdrs.size(); i++) {
    const ElfShdr &shdr = shdrs[i];
    if (shdr.sh_type != SHT_GROUP)
      continue;
    auto words =
        check(ctx, elf->template getSectionContentsAsArray<llvm::support::ulittle32_t>(shdr), name);
    if (words.empty() || !(words[0] & GRP_COMDAT))
      continue;
    std::vector<uint32_t> members;
    for (uint32_t member : words.drop_front()) {
      if (member >= shdrs.size())
        Fatal(ctx) << name << ": invalid section index " << member << " in SHT_GROUP section " << i;
      members.push_back(member);
    }
    if (inComdatGroup.empty())
      inComdatGroup.resize(shdrs.size());
    for (uint32_t member : members)
      inComdatGroup[member] = true;
    comdatGroups.push_back({i, shdr.sh_info, llvm::CachedHashStringRef("", 0), std::move(members)});
  }

  for (uint32_t i = 0; i < shdrs.size(); i++) {
    const ElfShdr &shdr = shdrs[i];
    switch (shdr.sh_type) {
    case SHT_NULL:
    case SHT_SYMTAB:
    case SHT_STRTAB:
    case SHT_RELA:
    case SHT_GROUP:
    case SHT_SYMTAB_SHNDX:
      continue;
    case SHT_REL:
      Fatal(ctx) << name << ": SHT_REL relocation sections are not used on "
                 << "x86-64; only SHT_RELA is supported";
    }
    std::string_view secName = check(ctx, elf->getSectionName(shdr), name);
    // LLVM gives sh_name 0 as a null StringRef: later code may compare or
    // copy it (memcmp and memcpy must not see a null pointer, even for 0
    // bytes), so an empty name is always a real empty string.
    if (!secName.data())
      secName = "";
    // GCC's LTO objects hold GIMPLE in SHF_EXCLUDE sections: noted, so that
    // the walk offers the file to the LTO plugin (read-inputs.cpp).
    if (ltoSection.empty() &&
        (secName.starts_with(".gnu.lto_") || secName.starts_with(".llvm.lto")))
      ltoSection = secName;
    if (isIgnoredSection(secName, shdr.sh_flags, ctx.config.relocatable))
      continue;

    InputSection *isec = &sectionStorage.emplace_back();
    isec->file = this;
    isec->shndx = i;
    isec->name = secName;
    isec->type = shdr.sh_type;
    isec->flags = shdr.sh_flags;
    isec->align = shdr.sh_addralign ? shdr.sh_addralign : 1;
    isec->size = shdr.sh_size;
    isec->entsize = shdr.sh_entsize;
    if (shdr.sh_type != SHT_NOBITS)
      isec->contents = check(ctx, elf->getSectionContents(shdr), name);
    if (shdr.sh_type != SHT_NOBITS &&
        ((shdr.sh_flags & SHF_COMPRESSED) || secName.starts_with(".zdebug")))
      decompressInput(ctx, *isec);
    // .eh_frame records only need 4-byte alignment, and a zero word of
    // padding between two objects' records would read as the terminator to
    // an unwinder walking them (libgcc's __register_frame_info does).
    isec->isEhFrame = secName == ".eh_frame";
    if (isec->isEhFrame && isec->align > 4)
      isec->align = 4;
    // .eh_frame is read as CIE/FDE records, never split into merge pieces:
    // SHF_MERGE|SHF_STRINGS on it (only a damaged object has them) would
    // leave its records without an output section.
    if (isec->isEhFrame)
      isec->flags &= ~(uint64_t)(SHF_MERGE | SHF_STRINGS);
    if ((isec->flags & SHF_MERGE) && isec->entsize && isec->size % isec->entsize)
      Fatal(ctx) << isec->describe() << ": SHF_MERGE section size " << isec->size
                 << " is not a multiple of sh_entsize " << isec->entsize;
    if (isec->align & (isec->align - 1))
      Fatal(ctx) << isec->describe() << ": section alignment " << isec->align
                 << " is not a power of two";
    sections[i] = isec;
  }

  for (const ElfShdr &shdr : shdrs) {
    if (shdr.sh_type != SHT_RELA)
      continue;
    if (shdr.sh_info >= sections.size())
      Fatal(ctx) << name << ": invalid sh_info " << shdr.sh_info << " in relocation section";
    InputSection *target = sections[shdr.sh_info];
    if (!target)
      continue;
    target->relas = check(ctx, elf->relas(shdr), name);
    for (const ElfRela &rel : target->relas) {
      uint32_t symIdx = rel.getSymbol(false);
      if (symIdx >= elfSyms.size())
        Fatal(ctx) << target->describe(rel.r_offset) << ": invalid symbol index " << symIdx
                   << " in relocation";
      if (rel.r_offset >= target->size)
        Fatal(ctx) << target->describe(rel.r_offset)
                   << ": relocation offset is out of bounds (section size " << toHex(target->size)
                   << ")";
    }
  }
}

// What the ELF symbol says, in the terms resolve() compares.
static SymbolClaim makeClaim(Context &ctx, ObjectFile &file, uint32_t index) {
  const ElfSym &esym = file.elfSyms[index];
  SymbolClaim c{};
  c.binding = esym.getBinding();
  c.type = esym.getType();
  c.visibility = esym.getVisibility();
  c.file = &file;
  c.value = esym.st_value;
  c.size = esym.st_size;
  c.commonAlign = 1;
  uint32_t shndx =
      esym.st_shndx == SHN_XINDEX ? file.symbolSectionIndex(index) : (uint32_t)esym.st_shndx;
  if (shndx == SHN_UNDEF) {
    c.kind = SymbolKind::Undefined;
  } else if (shndx == SHN_COMMON) {
    c.kind = SymbolKind::Common;
    c.commonAlign = esym.st_value ? esym.st_value : 1;
    c.value = 0;
  } else if (shndx == SHN_ABS) {
    c.kind = SymbolKind::Defined;
    c.isAbsolute = true;
  } else if (shndx >= SHN_LORESERVE && esym.st_shndx != SHN_XINDEX) {
    Fatal(ctx) << file.displayName() << ": unsupported section index " << toHex(shndx)
               << " for symbol";
  } else {
    if (shndx >= file.sections.size())
      Fatal(ctx) << file.displayName() << ": invalid section index " << shndx << " for symbol";
    c.section = file.sections[shndx];
    // A definition in a discarded COMDAT member acts as a reference: the
    // group that won defines the name.
    c.kind = c.section ? SymbolKind::Defined : SymbolKind::Undefined;
  }
  return c;
}

// Local symbols concern only this file, so they are read with its sections.
void ObjectFile::parseLocalSymbols(Context &ctx) {
  const std::string &name = displayName();
  symbols.resize(elfSyms.size());
  localSymbols.resize(firstGlobal);

  for (uint32_t i = 0; i < firstGlobal; i++) {
    const ElfSym &esym = elfSyms[i];
    Symbol &sym = localSymbols[i];
    symbols[i] = &sym;
    sym.file = this;
    sym.isLocal = true;
    sym.binding = STB_LOCAL;
    if (i == 0)
      continue;
    sym.name = check(ctx, esym.getName(strtab), name);
    SymbolClaim c = makeClaim(ctx, *this, i);
    assignClaim(sym, c);
    sym.visibility = c.visibility;
    uint16_t shndx = esym.st_shndx;
    sym.inDroppedSection =
        shndx != SHN_UNDEF && (shndx < SHN_LORESERVE || shndx == SHN_XINDEX) && !c.section;
  }
}

void ObjectFile::resolveGlobalSymbols(Context &ctx) {
  const std::string &name = displayName();
  for (uint32_t i = firstGlobal; i < elfSyms.size(); i++) {
    std::string_view symName = globalNames[i - firstGlobal];
    Symbol *sym = ctx.symtab.intern(symName, globalHashes[i - firstGlobal]);
    symbols[i] = sym;
    SymbolClaim c = makeClaim(ctx, *this, i);
    if (c.binding == STB_LOCAL)
      Fatal(ctx) << name << ": local symbol '" << symName
                 << "' found in the global part of the symbol table";
    bool won = ctx.symtab.resolve(*sym, c, ctx.config.allowMultipleDefinition);
    if (sym->traced)
      std::cout << name << ": "
                << (c.kind == SymbolKind::Undefined ? "reference to "
                    : c.kind == SymbolKind::Common  ? "common definition of "
                                                    : "definition of ")
                << symName
                << (c.kind != SymbolKind::Undefined && !won
                        ? " (ignored: an earlier definition wins)"
                        : "")
                << "\n";
  }
}

} // namespace mld
