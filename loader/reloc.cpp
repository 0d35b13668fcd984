// reloc.cpp: relocateModule(), the generic dynamic-relocation switch (as in
// musl's do_relocs): RELATIVE is B + A, 64/GLOB_DAT/JUMP_SLOT are S + A,
// COPY copies st_size bytes, TLS relocations use the static TLS layout that
// tls.cpp fixed beforehand. Relocation order across modules is run()'s job.
#include "reloc.h"
#include "diag.h"
#include "fixup.h"
#include "log.h"
#include "lookup.h"

namespace mload {

extern "C" void _dl_tlsdesc_return(); // runtime/dl-trampoline.S

static void reportMissing(Loader &L, const Module *m, const char *name) {
  ++L.errorCount;
  Text t = errorText(m->path);
  t.str("symbol not found: ").str(name).finish("\n");
  t.writeTo(2);
}

// The TLS block a TLS relocation refers to: the defining module's, or our
// own for a local (symbol index 0) reference.
static const Module *tlsModule(const Module *m, uint32_t symIndex, const Definition &d) {
  return symIndex ? d.module : m;
}

// Will [P, P+8) be read-only after applyRelro (init.cpp rounds the same way)?
static bool inRelro(const Loader &L, const Module *m, uint64_t P) {
  return P >= alignDown(m->relroStart, L.pageSize) && P < alignDown(m->relroEnd, L.pageSize);
}

// Apply one relocation; `index` is its position in its table (for
// DT_JMPREL, the PLT entry number n that PLTn pushes), `table` that
// table's tag name, for the log.
static void applyOne(Loader &L, Module *m, const Elf64_Rela &r, uint64_t index, bool lazy,
                     const char *table) {
  uint32_t type = ELF64_R_TYPE(r.r_info), symIndex = ELF64_R_SYM(r.r_info);
  uint64_t B = m->base, P = B + r.r_offset;
  int64_t A = r.r_addend;
  auto *where = reinterpret_cast<uint64_t *>(P);
  if (type == R_X86_64_NONE)
    return;
  if (symIndex >= m->symCount)
    fatal(errorText(m->path)
              .str("relocation at ")
              .hex(r.r_offset)
              .str(" refers to symbol ")
              .dec(symIndex)
              .str(", past the end of .dynsym"));
  // The bytes written: a COPY writes the object's size (a 4-byte int is
  // common), a TLS descriptor two words, everything else one word.
  uint64_t size = type == R_X86_64_COPY      ? m->symtab[symIndex].st_size
                  : type == R_X86_64_TLSDESC ? 16
                                             : 8;
  uint64_t writableEnd = segmentEnd(m, P, PF_W);
  if (!writableEnd || writableEnd - P < size)
    fatal(errorText(m->path)
              .str("relocation at ")
              .hex(r.r_offset)
              .str(" lies outside the writable segments"));
  const char *name = symIndex ? symbolName(m, symIndex) : "";
  // A slot in PT_GNU_RELRO (a `-z now` layout whose BIND_NOW flag is gone)
  // will be read-only at the first call: it is bound now instead.
  // The slot's link-time value must be code of the module (its PLT entry's
  // push); anything else is bound now rather than jumped to.
  if (type == R_X86_64_JUMP_SLOT && lazy && !inRelro(L, m, P) && isCode(m, *where + B)) {
    // The linker left a link-time address in the slot (PLTn+6, the "push
    // n-1", in the classic layout); it only needs the load bias. The first
    // call then runs push n-1; jmp PLT0, which pushes GOT.PLT[1] and jumps
    // to GOT.PLT[2] = _dl_runtime_resolve.
    uint64_t old = *where;
    *where = old + B;
    logLazySlot(L, m, name, index, P, old, *where);
    return;
  }

  Definition d;
  if (symIndex) {
    RefKind kind = type == R_X86_64_JUMP_SLOT ? RefKind::JumpSlot
                   : type == R_X86_64_COPY    ? RefKind::Copy
                                              : RefKind::Data;
    d = resolveSymbol(L, m, symIndex, kind);
    bool weak = ELF64_ST_BIND(m->symtab[symIndex].st_info) == STB_WEAK;
    if (!d.found && (!weak || type == R_X86_64_COPY)) {
      reportMissing(L, m, name);
      return;
    }
  }
  uint64_t S = d.address, value;
  switch (type) {
  case R_X86_64_RELATIVE:
    value = B + A;
    break;
  case R_X86_64_64:
  case R_X86_64_GLOB_DAT:
  case R_X86_64_JUMP_SLOT:
    value = S + A;
    break;
  case R_X86_64_COPY:
    // The program owns the variable now; the library's initial value is
    // copied once, from the library that is already relocated. The source
    // must lie in the defining module too (st_size is the program's word).
    if (d.module && !inImage(d.module, reinterpret_cast<const void *>(S), size))
      fatal(errorText(m->path)
                .str("COPY relocation of ")
                .str(name)
                .str(" (")
                .dec(size)
                .str(" bytes) reads past the end of ")
                .str(d.module->path));
    memcpy(where, reinterpret_cast<const void *>(S), size);
    value = S;
    break;
  case R_X86_64_TPOFF64: {
    const Module *t = tlsModule(m, symIndex, d);
    value = t ? S + A - t->tlsOffset : 0;
    break;
  }
  case R_X86_64_DTPMOD64: {
    const Module *t = tlsModule(m, symIndex, d);
    value = t ? t->tlsModid : 0;
    break;
  }
  case R_X86_64_DTPOFF64:
    value = S + A;
    break;
  case R_X86_64_TLSDESC: {
    // Every block is static here: the descriptor's function just returns
    // its argument, the offset from the thread pointer.
    const Module *t = tlsModule(m, symIndex, d);
    where[1] = t ? S + A - t->tlsOffset : 0;
    value = reinterpret_cast<uint64_t>(&_dl_tlsdesc_return);
    break;
  }
  case R_X86_64_IRELATIVE:
    value = reinterpret_cast<uint64_t (*)()>(B + A)();
    break;
  default:
    fatal(errorText(m->path)
              .str("unsupported relocation type ")
              .dec(type)
              .str(" at ")
              .hex(r.r_offset));
  }
  if (type != R_X86_64_COPY)
    *where = value;
  logReloc(L, m, type, P, name, value, table);
  if (symIndex && ELF64_ST_BIND(m->symtab[symIndex].st_info) != STB_LOCAL)
    logBind(L, m, type, name,
            d.module  ? d.module->path
            : d.found ? "mload"
                      : "",
            referenceVersion(m, symIndex), value);
}

static void applyTable(Loader &L, Module *m, unsigned tableTag, unsigned sizeTag, bool lazy) {
  if (!m->has(tableTag))
    return;
  auto *rela = reinterpret_cast<const Elf64_Rela *>(laddr(m, m->dyn[tableTag]));
  uint64_t count = m->dyn[sizeTag] / sizeof(Elf64_Rela);
  const char *table = tableTag == DT_JMPREL ? "DT_JMPREL" : "DT_RELA";
  for (uint64_t i = 0; i < count; ++i)
    applyOne(L, m, rela[i], i, lazy, table);
}

// DT_RELR (-z pack-relative-relocs): RELATIVE relocations without addends,
// as a list of words. An even word is an address to relocate (and the
// start of a run); an odd word is a bitmap of the 63 words after the run's
// start (bit i set: relocate start + i words). The addend is in place.
static void applyRelr(Loader &L, Module *m) {
  if (!m->has(DT_RELR))
    return;
  auto *w = reinterpret_cast<const uint64_t *>(laddr(m, m->dyn[DT_RELR]));
  uint64_t count = m->dyn[DT_RELRSZ] / 8, B = m->base;
  uint64_t *where = nullptr;
  auto relocate = [&](uint64_t *p) {
    uint64_t end = segmentEnd(m, reinterpret_cast<uint64_t>(p), PF_W);
    if (!end || end - reinterpret_cast<uint64_t>(p) < 8)
      fatal(m->path, "DT_RELR entry lies outside the writable segments");
    *p += B;
    logReloc(L, m, R_X86_64_RELATIVE, reinterpret_cast<uint64_t>(p), "", *p, "DT_RELR");
  };
  for (uint64_t i = 0; i < count; ++i) {
    if ((w[i] & 1) == 0) {
      where = reinterpret_cast<uint64_t *>(B + w[i]);
      relocate(where++);
    } else if (where) {
      for (uint64_t bits = w[i] >> 1, k = 0; bits; bits >>= 1, ++k)
        if (bits & 1)
          relocate(where + k);
      where += 63;
    }
  }
}

// Lazy binding relies on the PLT/GOT contract (docs/abi.md 1.2): PLT0
// reads GOT.PLT[1] and GOT.PLT[2] at DT_PLTGOT, and .rela.plt[n], a JUMP_SLOT, is
// .got.plt[3+n]. mload never reads PLT code, so a file that breaks this
// (a corrupt DT_PLTGOT, a moved slot) is bound at start-up instead of
// jumping through a GOT.PLT[2] that PLT0 never reads.
static bool followsPltContract(const Module *m) {
  if (!m->has(DT_JMPREL) || !m->has(DT_PLTGOT) || m->dyn[DT_PLTGOT] % 8)
    return false;
  auto *rela = reinterpret_cast<const Elf64_Rela *>(laddr(m, m->dyn[DT_JMPREL]));
  for (uint64_t i = 0; i < m->dyn[DT_PLTRELSZ] / sizeof(Elf64_Rela); ++i)
    if (ELF64_R_TYPE(rela[i].r_info) == R_X86_64_JUMP_SLOT &&
        rela[i].r_offset != m->dyn[DT_PLTGOT] + 24 + 8 * i)
      return false;
  return true;
}

void relocateModule(Loader &L, Module *m, bool lazy) {
  if (!m->dynamic || m->relocated || m->host)
    return;
  m->relocated = true;
  lazy = lazy && !m->bindNow && followsPltContract(m);
  // Set up first: an IFUNC resolver run by an IRELATIVE below may call
  // through a PLT slot that is already lazy (as with ld.so).
  if (lazy && m->has(DT_JMPREL)) {
    // .got.plt: [0] = _DYNAMIC (link-time), [1] = the module handle PLT0
    // pushes, [2] = where PLT0 jumps. Contract: docs (PLT/GOT contract).
    auto *got = reinterpret_cast<uint64_t *>(laddr(m, m->dyn[DT_PLTGOT]));
    uint64_t gotEnd = segmentEnd(m, reinterpret_cast<uint64_t>(got), PF_W);
    if (!gotEnd || gotEnd - reinterpret_cast<uint64_t>(got) < 24)
      fatal(m->path, "DT_PLTGOT lies outside the writable segments");
    got[1] = reinterpret_cast<uint64_t>(m);
    got[2] = resolverEntry(L);
    logLazySetup(L, m, reinterpret_cast<uint64_t>(got), got[2]);
  }
  applyRelr(L, m);
  applyTable(L, m, DT_RELA, DT_RELASZ, false);
  applyTable(L, m, DT_JMPREL, DT_PLTRELSZ, lazy);
}

} // namespace mload
