// Everything that depends on the x86-64 relocation types: what each type
// computes (classifyReloc), how it is written and range-checked
// (applyRelocations), the instruction rewrites the psABI allows (relax*),
// and the PLT byte templates. Deciding what a relocation *needs* (GOT, PLT,
// dynamic relocation) is relocations.cpp's job.
#pragma once

#include <cstdint>
#include <string>

#include "input-section.h"

namespace mld {

struct Context;
struct Symbol;

// What a relocation computes, in the psABI's letters (psABI 4.4.1):
// S symbol value, A addend, P place, G offset of the symbol's GOT slot,
// GOT address of the GOT, L PLT entry, Z symbol size, TP thread pointer.
enum class RelExpr : uint8_t {
  None,        // no-op (R_X86_64_NONE)
  Abs,         // S + A
  Pc,          // S + A - P
  Plt,         // L + A - P (S + A - P when no PLT entry is needed)
  GotPc,       // G + GOT + A - P  (the slot's address, PC-relative)
  GotPcRelax,  // GotPc, or S + A - P after rewriting the instruction
  GotRel,      // G + A (offset of the slot from GOT)
  GotOff,      // S + A - GOT
  GotBasePc,   // GOT + A - P
  PltOff,      // L + A - GOT (S + A - GOT when no PLT entry is needed)
  Size,        // Z + A
  TpOff,       // S + A - TP (local exec)
  GotTpPc,     // G(tp slot) + GOT + A - P (initial exec), or relaxed to TpOff
  TlsGdPc,     // general dynamic: GD slot pair, or relaxed to local exec
  TlsLdPc,     // local dynamic: LD slot pair, or relaxed to local exec
  TlsDescPc,   // TLS descriptor (-mtls-dialect=gnu2): descriptor pair, or relaxed
  TlsDescCall, // the call through the descriptor: kept, or rewritten to a nop
  DtpOff,      // S + A - start of the TLS block (offset in module)
  Unsupported,
};

struct RelInfo {
  RelExpr expr;
  uint8_t size; // bytes written: 1, 2, 4 or 8
  // How the value is range-checked: Signed, Unsigned, or Either (16/8-bit
  // absolute types accept both readings, as GNU ld does).
  enum Check : uint8_t { NoCheck, Signed, Unsigned, Either } check;
};

RelInfo classifyReloc(uint32_t type);
std::string relocTypeName(uint32_t type);

// Whether a GOTPCRELX/REX_GOTPCRELX at `off` in `isec` can be rewritten to
// address `sym` directly (mov->lea, call/jmp *GOT -> direct). Scan and apply
// both ask, so the answer depends only on the instruction and the symbol.
bool canRelaxGotPcRelX(Context &ctx, const InputSection &isec, const ElfRela &rel,
                       const Symbol &sym);
// Whether an initial-exec GOTTPOFF at `off` can become local exec.
bool canRelaxGotTpOff(Context &ctx, const InputSection &isec, const ElfRela &rel,
                      const Symbol &sym);
// Whether TLSGD/TLSLD code sequences can become local exec (executables).
bool canRelaxTlsGdLd(Context &ctx, const Symbol &sym);

// Where a TLSGD/TLSLD sequence whose lea is relocated at `off` starts and
// how many bytes it spans (0: not a form the linker knows how to rewrite).
struct TlsSeq {
  uint64_t start = 0;
  uint64_t size = 0;
};
TlsSeq matchTlsSequence(llvm::ArrayRef<uint8_t> contents, uint64_t off, bool gd);

// Copies relocated values into `buf`, which holds the section's bytes at
// their place in the output. Errors (overflow, discarded target) are
// reported with their location and counted; the link stops afterwards.
void applyRelocations(Context &ctx, InputSection &isec, uint8_t *buf);

// PLT templates (see synthetic.h for what the runtime does with them).
void writePltHeader(Context &ctx, uint8_t *buf, uint64_t pltVA, uint64_t gotPltVA);
void writePltEntry(uint8_t *buf, uint64_t entryVA, uint64_t slotVA, uint32_t index, uint64_t pltVA);
void writeIpltEntry(uint8_t *buf, uint64_t entryVA, uint64_t slotVA, bool ibt);
// The IBT-enabled PLT's two halves (see PltSection).
void writeIbtPltEntry(uint8_t *buf, uint64_t entryVA, uint32_t index, uint64_t pltVA);
void writePltSecEntry(uint8_t *buf, uint64_t entryVA, uint64_t slotVA);

// Range-checking writers, exposed for unit tests: they return false (and
// fill `why`) when `v` does not fit.
bool checkRange(uint64_t v, RelInfo info, std::string &why);

} // namespace mld
