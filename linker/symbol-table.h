// The global symbol table and its resolution rules (GNU ld's): which of two
// definitions of a name wins, when a duplicate is an error, how common
// symbols merge. Archive extraction asks it which names are still undefined.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "llvm/ADT/CachedHashString.h"
#include "llvm/ADT/DenseMap.h"
#include <vector>

#include "symbol.h"

namespace mld {

class ObjectFile;

// What a file says about a name: the facts resolve() compares.
struct SymbolClaim {
  SymbolKind kind; // Undefined, Defined, Common or Shared
  uint8_t binding; // STB_GLOBAL / STB_WEAK
  uint8_t type;
  uint8_t visibility;
  InputFile *file;
  InputSection *section; // Defined in a section
  uint64_t value;
  uint64_t size;
  bool isAbsolute;
  uint64_t commonAlign;
};

// Makes `sym` what the claim says (kind, file, section, value, ...).
void assignClaim(Symbol &sym, const SymbolClaim &claim);

// A duplicate definition, reported after resolution.
struct DuplicateDef {
  Symbol *sym;
  std::string first; // "a.o:(.text+0x0)"
  std::string second;
};

class SymbolTable {
public:
  Symbol *intern(std::string_view name) { return intern(name, hashName(name)); }
  // With the name's hash computed beforehand (on a worker thread).
  Symbol *intern(std::string_view name, uint32_t hash);
  static uint32_t hashName(std::string_view name);
  Symbol *find(std::string_view name) const { return find(name, hashName(name)); }
  Symbol *find(std::string_view name, uint32_t hash) const;

  // Applies `claim` to `sym` by the rules in symbol-table.cpp. Returns true
  // when the claim became the symbol's definition.
  bool resolve(Symbol &sym, const SymbolClaim &claim, bool allowMultipleDefinition);

  std::vector<Symbol *> symbols; // in order of first appearance
  // Set once the LTO plugin has compiled the IR: a definition from a real
  // file then replaces an IR file's placeholder definition (GNU ld's rule).
  bool irDefinitionsYield = false;
  std::vector<DuplicateDef> duplicates;

private:
  // Symbols never move (everything points at them), so they live in blocks.
  // A block's slots are constructed only when used, and the blocks double
  // from 256 to 16384 slots: a small link (a test, a fuzz input) touches a
  // few KB instead of zeroing a fixed 4096-slot block (570 KB), which cost
  // three quarters of a small link's time; a big one still allocates
  // rarely.
  struct FreeBlock {
    void operator()(Symbol *p) const { ::operator delete(p); }
  };
  llvm::DenseMap<llvm::CachedHashStringRef, Symbol *> map;
  std::vector<std::unique_ptr<Symbol, FreeBlock>> blocks;
  size_t blockUsed = 0, blockSize = 0;
  static constexpr size_t firstBlockSize = 256, maxBlockSize = 16384;
};

// Where a symbol definition is, for messages: "a.o:(.text+0x10)".
std::string describeDefinition(const Symbol &sym);

} // namespace mld
