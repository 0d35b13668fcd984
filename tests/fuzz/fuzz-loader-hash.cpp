// Fuzz target: mload's symbol lookup through DT_HASH and DT_GNU_HASH. The
// input is a shared object laid out as fuzz-loader-elf does (which checks
// the hash tables, countSymbols()); then every name of .dynsym (the first
// 256) is looked up as data and as a PLT reference, with and without its
// version, plus one name no table holds.
#include <initializer_list>

#include "fuzz-loader-image.h"

#include "hash-lookup.h"

using namespace mload;

static void find(const Module *m, const char *name, const char *version) {
  for (RefKind kind : {RefKind::Data, RefKind::JumpSlot}) {
    Request r{name, version, gnuHash(name), sysvHash(name), kind};
    const Elf64_Sym *s = findInModule(m, r);
    // A found symbol is one of the module's own.
    if (s && (s < m->symtab || s >= m->symtab + m->symCount))
      __builtin_trap();
  }
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fuzz::FuzzImage image;
  if (!image.load(data, size))
    return 0;
  const Module *m = &image.module;
  if (!m->symtab)
    return 0;
  find(m, "fuzz_no_such_symbol", "");
  for (uint64_t i = 1; i < m->symCount && i < 256; ++i) {
    const char *name = symbolName(m, i);
    find(m, name, "");
    find(m, name, referenceVersion(m, static_cast<uint32_t>(i)));
  }
  return 0;
}
