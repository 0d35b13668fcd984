// Symbol resolution: GNU ld's rules for which claim on a name wins.
#include "symbol-table.h"

#include "input-files.h"
#include "input-section.h"

#include "llvm/Support/xxhash.h"

#include <algorithm>
#include <new>
#include <type_traits>

namespace mld {

using namespace llvm::ELF;

uint32_t SymbolTable::hashName(std::string_view name) {
  return (uint32_t)llvm::xxHash64(llvm::StringRef(name.data(), name.size()));
}

// Blocks are freed without running destructors.
static_assert(std::is_trivially_destructible_v<Symbol>);

Symbol *SymbolTable::intern(std::string_view name, uint32_t hash) {
  llvm::CachedHashStringRef key(llvm::StringRef(name.data(), name.size()), hash);
  auto [it, inserted] = map.try_emplace(key, nullptr);
  if (!inserted)
    return it->second;
  if (blockUsed == blockSize) {
    blockSize = blocks.empty() ? firstBlockSize : std::min(2 * blockSize, maxBlockSize);
    blocks.emplace_back(static_cast<Symbol *>(::operator new(blockSize * sizeof(Symbol))));
    blockUsed = 0;
  }
  Symbol *sym = new (blocks.back().get() + blockUsed++) Symbol();
  sym->name = name;
  it->second = sym;
  symbols.push_back(sym);
  return sym;
}

Symbol *SymbolTable::find(std::string_view name, uint32_t hash) const {
  llvm::CachedHashStringRef key(llvm::StringRef(name.data(), name.size()), hash);
  auto it = map.find(key);
  return it == map.end() ? nullptr : it->second;
}

// How strongly a claim defines a name. Higher wins; a tie keeps the first
// claim (command-line order), except two strong definitions, which are a
// duplicate, and two commons, which merge.
//
//   existing \ new   Undefined  Shared  WeakDef  Common  StrongDef
//   Undefined        merge ref  take    take     take    take
//   Shared           keep       keep    take     take    take
//   WeakDef          keep       keep    keep     take    take
//   Common           keep       keep    keep     merge   take
//   StrongDef        keep       keep    keep     keep    duplicate
static int rankOf(SymbolKind kind, uint8_t binding) {
  switch (kind) {
  case SymbolKind::Undefined:
    return 0;
  case SymbolKind::Shared:
    return 1;
  case SymbolKind::Common:
    return 3;
  case SymbolKind::Defined:
    return binding == STB_WEAK ? 2 : 4;
  }
  return 0;
}

// The most constraining visibility of all claims applies (gABI 4.19):
// internal > hidden > protected > default. Shared libraries' visibilities
// do not constrain ours.
static uint8_t mergeVisibility(uint8_t a, uint8_t b) {
  if (a == STV_DEFAULT)
    return b;
  if (b == STV_DEFAULT)
    return a;
  return std::min(a, b);
}

void assignClaim(Symbol &sym, const SymbolClaim &c) {
  sym.kind = c.kind;
  sym.file = c.file;
  sym.section = c.section;
  sym.chunk = nullptr;
  sym.value = c.value;
  sym.size = c.size;
  sym.binding = c.binding;
  sym.type = c.type;
  sym.isAbsolute = c.isAbsolute;
  sym.commonAlign = c.commonAlign;
  sym.isLinkerDefined = false;
}

bool SymbolTable::resolve(Symbol &sym, const SymbolClaim &c, bool allowMultipleDefinition) {
  // An IR file's claims (LTO) resolve like any other, but are not uses by a
  // regular object: what the compiled code refers to is seen afterwards.
  bool fromIr = c.file && c.file->fileKind == InputFile::Kind::Ir;
  if (c.kind != SymbolKind::Shared) {
    sym.visibility = mergeVisibility(sym.visibility, c.visibility);
    if (!fromIr) {
      sym.isUsedInRegularObj = true;
      if (c.kind == SymbolKind::Undefined || c.kind == SymbolKind::Common)
        sym.nonIrRef = true;
    }
  }
  if (c.kind == SymbolKind::Undefined) {
    if (c.binding != STB_WEAK)
      sym.isWeakRefOnly = false;
    if (sym.isUndefined()) {
      if (!sym.file)
        sym.file = c.file;
      // An undefined symbol keeps the type the references give it, so a weak
      // undefined function is still STT_FUNC in .dynsym.
      if (sym.type == STT_NOTYPE)
        sym.type = c.type;
      sym.binding = sym.isWeakRefOnly ? STB_WEAK : STB_GLOBAL;
    }
    return false;
  }

  // After LTO the compiled objects define what the IR did: their
  // definitions take the IR placeholders' place whatever the ranks.
  if (irDefinitionsYield && !fromIr && sym.file && sym.file->fileKind == InputFile::Kind::Ir) {
    assignClaim(sym, c);
    return true;
  }

  int oldRank = rankOf(sym.kind, sym.binding);
  int newRank = rankOf(c.kind, c.binding);

  if (c.kind == SymbolKind::Common && sym.kind == SymbolKind::Common) {
    // Two tentative definitions merge: the largest size and alignment win
    // (the larger one's file is named as the definer).
    if (c.size > sym.size) {
      sym.size = c.size;
      sym.file = c.file;
    }
    sym.commonAlign = std::max(sym.commonAlign, c.commonAlign);
    return false;
  }
  if (newRank == 4 && oldRank == 4) {
    if (!allowMultipleDefinition) {
      Symbol other;
      other.name = sym.name;
      assignClaim(other, c);
      duplicates.push_back({&sym, describeDefinition(sym), describeDefinition(other)});
    }
    return false;
  }
  if (newRank <= oldRank)
    return false;

  assignClaim(sym, c);
  return true;
}

std::string describeDefinition(const Symbol &sym) {
  if (sym.section)
    return sym.section->describe(sym.value);
  if (sym.file)
    return sym.file->displayName();
  return "<internal>";
}

} // namespace mld
