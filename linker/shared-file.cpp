// Reading a shared library we link against: its SONAME (what DT_NEEDED will
// say), its dynamic symbols with their versions, and the names it expects
// someone else to define (an executable must export those).
#include "shared-file.h"

#include "context.h"
#include "diag.h"

#include "llvm/Support/Path.h"

#include <iostream>

namespace mld {

using namespace llvm::ELF;
using llvm::object::ELFFile;

void SharedFile::parse(Context &ctx) {
  read(ctx);
  resolveSymbols(ctx);
}

// Everything that concerns only this file (and may run on a worker thread):
// headers, SONAME, versions, and the names of the symbols with their hashes.
bool SharedFile::isWritableAtRunTime(const ElfShdr &sh) const {
  return (sh.sh_flags & SHF_WRITE) && !(sh.sh_addr >= relroStart && sh.sh_addr < relroEnd);
}

void SharedFile::read(Context &ctx) {
  std::string name = displayName();
  elf = openElf(ctx, mb, name);
  auto shdrs = check(ctx, elf->sections(), name);

  const ElfShdr *dynsymSec = nullptr, *versymSec = nullptr, *verdefSec = nullptr;
  for (const ElfShdr &sh : shdrs) {
    switch (sh.sh_type) {
    case SHT_DYNSYM:
      dynsymSec = &sh;
      break;
    case SHT_GNU_versym:
      versymSec = &sh;
      break;
    case SHT_GNU_verdef:
      verdefSec = &sh;
      break;
    }
  }
  auto phdrs = elf->program_headers();
  if (!phdrs) {
    llvm::consumeError(phdrs.takeError()); // (no RELRO known: all writable)
  } else {
    for (const auto &ph : *phdrs) {
      if (ph.p_type == PT_GNU_RELRO) {
        relroStart = ph.p_vaddr;
        relroEnd = ph.p_vaddr + ph.p_memsz;
      }
    }
  }
  // DT_SONAME; without one the reader records the name the user gave.
  soname = llvm::sys::path::filename(name).str();
  hasSoname = false;
  if (!dynsymSec)
    return; // a library with no dynamic symbols defines nothing for us
  llvm::ArrayRef<ElfSym> syms = check(ctx, elf->symbols(dynsymSec), name);
  llvm::StringRef strtab = check(ctx, elf->getStringTableForSymtab(*dynsymSec, shdrs), name);
  // DT_SONAME, read through the SHT_DYNAMIC section header (whose bounds
  // LLVM checks) rather than PT_DYNAMIC (which LLVM 14 trusts blindly).
  for (const ElfShdr &sh : shdrs) {
    if (sh.sh_type != SHT_DYNAMIC)
      continue;
    auto dyns = check(ctx, elf->template getSectionContentsAsArray<ELFT::Dyn>(sh), name);
    if (sh.sh_link >= shdrs.size())
      Fatal(ctx) << name << ": invalid sh_link in .dynamic";
    llvm::StringRef dynstr = check(ctx, elf->getStringTable(shdrs[sh.sh_link]), name);
    for (const ELFT::Dyn &d : dyns) {
      if (d.d_tag != DT_SONAME && d.d_tag != DT_GNU_AUDIT)
        continue;
      if (d.getVal() >= dynstr.size())
        Fatal(ctx) << name << ": invalid " << (d.d_tag == DT_SONAME ? "DT_SONAME" : "DT_AUDIT")
                   << " offset";
      if (d.d_tag == DT_GNU_AUDIT) {
        audit = dynstr.data() + d.getVal();
        continue;
      }
      soname = dynstr.data() + d.getVal();
      hasSoname = true;
    }
  }

  if (versymSec) {
    auto vs = check(
        ctx, elf->template getSectionContentsAsArray<llvm::support::ulittle16_t>(*versymSec), name);
    if (vs.size() != syms.size())
      Fatal(ctx) << name << ": .gnu.version has " << vs.size() << " entries for " << syms.size()
                 << " dynamic symbols";
    versyms.assign(vs.begin(), vs.end());
  }
  if (verdefSec) {
    // Walk the Elf64_Verdef chain: each names one version (its first aux).
    llvm::ArrayRef<uint8_t> data = check(ctx, elf->getSectionContents(*verdefSec), name);
    if (verdefSec->sh_link >= shdrs.size())
      Fatal(ctx) << name << ": invalid sh_link in .gnu.version_d";
    llvm::StringRef linkStr = check(ctx, elf->getStringTable(shdrs[verdefSec->sh_link]), name);
    uint64_t off = 0;
    for (uint32_t i = 0; i < verdefSec->sh_info; i++) {
      if (off + sizeof(ELFT::Verdef) > data.size())
        Fatal(ctx) << name << ": truncated .gnu.version_d";
      auto *vd = reinterpret_cast<const ELFT::Verdef *>(data.data() + off);
      uint64_t auxOff = off + vd->vd_aux;
      if (auxOff + sizeof(ELFT::Verdaux) > data.size())
        Fatal(ctx) << name << ": truncated .gnu.version_d";
      auto *va = reinterpret_cast<const ELFT::Verdaux *>(data.data() + auxOff);
      if (va->vda_name >= linkStr.size())
        Fatal(ctx) << name << ": invalid version name offset";
      uint16_t idx = vd->vd_ndx;
      if (verdefNames.size() <= idx)
        verdefNames.resize(idx + 1);
      verdefNames[idx] = linkStr.data() + va->vda_name;
      if (!vd->vd_next)
        break;
      off += vd->vd_next;
    }
  }

  elfSyms = syms;
  names.assign(syms.size(), {});
  hashes.assign(syms.size(), 0);
  for (uint32_t i = 1; i < syms.size(); i++) {
    if (syms[i].getBinding() == STB_LOCAL)
      continue;
    names[i] = check(ctx, syms[i].getName(strtab), name);
    hashes[i] = SymbolTable::hashName(names[i]);
  }
}

bool SharedFile::claimDefinition(Context &ctx, Symbol &sym, uint32_t i,
                                 llvm::ArrayRef<ElfShdr> shdrs) {
  const ElfSym &esym = elfSyms[i];
  SymbolClaim c{};
  c.kind = SymbolKind::Shared;
  c.binding = esym.getBinding();
  c.type = esym.getType();
  c.visibility = STV_DEFAULT;
  c.file = this;
  c.value = esym.st_value;
  c.size = esym.st_size;
  c.commonAlign = 1;
  if (!ctx.symtab.resolve(sym, c, false))
    return false;
  sym.sharedVersion = versyms.empty() ? (uint16_t)VER_NDX_GLOBAL : versyms[i];
  if (esym.st_shndx < shdrs.size())
    sym.writable = isWritableAtRunTime(shdrs[esym.st_shndx]);
  return true;
}

// In command-line order: each name against what came before.
void SharedFile::resolveSymbols(Context &ctx) {
  const std::string &name = displayName();
  auto shdrs = check(ctx, elf->sections(), name);
  llvm::ArrayRef<ElfSym> syms = elfSyms;
  dynSymbols.assign(syms.size(), nullptr);
  for (uint32_t i = 1; i < syms.size(); i++) {
    const ElfSym &esym = syms[i];
    if (esym.getBinding() == STB_LOCAL)
      continue;
    std::string_view symName = names[i];
    uint32_t hash = hashes[i];
    uint16_t ver = versyms.empty() ? (uint16_t)VER_NDX_GLOBAL : versyms[i];
    // A hidden (non-default) version, e.g. memcpy@GLIBC_2.2.5 beside
    // memcpy@@GLIBC_2.14, never satisfies an unversioned reference: it is
    // known as NAME@VERSION, which only a reference naming that version
    // (`.symver f, memcpy@GLIBC_2.2.5`) finds. Other libraries' references
    // are matched by name alone, so the plain name notes that a library
    // defines it (for --no-allow-shlib-undefined).
    if (ver & VERSYM_HIDDEN) {
      uint16_t v = ver & ~VERSYM_HIDDEN;
      if (esym.st_shndx == SHN_UNDEF || v >= verdefNames.size() || verdefNames[v].empty())
        continue;
      ctx.symtab.intern(symName, hash)->hiddenDsoVersion = true;
      symName = ctx.saver.save(std::string(symName) + "@" + verdefNames[v]);
      hash = SymbolTable::hashName(symName);
    }
    Symbol *sym = ctx.symtab.intern(symName, hash);
    dynSymbols[i] = sym;
    if (esym.st_shndx == SHN_UNDEF) {
      sym->referencedByDso = true;
      if (esym.getBinding() != STB_WEAK && !sym->strongDsoRef)
        sym->strongDsoRef = this;
      continue;
    }
    claimDefinition(ctx, *sym, i, shdrs);
    // If an object file defines this name too, that definition must be
    // exported, so the loader binds the library's references to ours
    // (interposition); computeImportExport reads this flag.
    sym->referencedByDso = true;
    if (sym->traced)
      std::cout << name << ": shared definition of " << symName << "\n";
  }
}

void settleAsNeededLibraries(Context &ctx) {
  bool any = false;
  for (SharedFile *so : ctx.dsos)
    any |= so->asNeeded;
  if (!any)
    return;
  for (Symbol *sym : ctx.symtab.symbols)
    if (sym->isShared() && sym->isUsedInRegularObj && !sym->isWeakRefOnly)
      static_cast<SharedFile *>(sym->file)->isNeeded = true;
  for (Symbol *sym : ctx.symtab.symbols) {
    if (!sym->isShared() || !sym->isUsedInRegularObj)
      continue;
    auto *so = static_cast<SharedFile *>(sym->file);
    if (!so->asNeeded || so->isNeeded)
      continue;
    sym->kind = SymbolKind::Undefined;
    sym->binding = STB_WEAK;
    sym->type = STT_NOTYPE;
    sym->file = nullptr;
    sym->value = 0;
    sym->size = 0;
    sym->sharedVersion = 0;
    sym->writable = false;
  }
}

// The first library, in command-line order, whose default definition of
// `name` has version `version`: its .dynsym index, or 0.
static uint32_t findDefaultVersion(const SharedFile &so, std::string_view name,
                                   std::string_view version) {
  for (uint32_t i = 1; i < so.names.size(); i++) {
    if (so.names[i] != name || so.elfSyms[i].st_shndx == SHN_UNDEF || so.versyms.size() <= i)
      continue;
    uint16_t v = so.versyms[i];
    if (!(v & VERSYM_HIDDEN) && v > VER_NDX_GLOBAL && v < so.verdefNames.size() &&
        so.verdefNames[v] == version)
      return i;
  }
  return 0;
}

void bindVersionedReferences(Context &ctx) {
  bool any = false;
  for (ObjectFile *file : ctx.objs)
    any |= file->hasVersionedNames;
  if (!any)
    return;
  for (Symbol *sym : ctx.symtab.symbols) {
    size_t at = sym->name.find('@');
    if (!sym->isUndefined() || at == std::string_view::npos || sym->name[at + 1] == '@')
      continue;
    // (Few references name a version: a walk over the libraries' symbols
    // for each costs less than indexing every default definition.)
    for (SharedFile *so : ctx.dsos) {
      uint32_t i = findDefaultVersion(*so, sym->name.substr(0, at), sym->name.substr(at + 1));
      if (!i)
        continue;
      so->claimDefinition(ctx, *sym, i, check(ctx, so->elf->sections(), so->displayName()));
      break;
    }
  }
}

} // namespace mld
