// x86-64 relocation semantics: one switch that classifies each type, one
// that writes it, the instruction rewrites the psABI permits, and the PLT
// templates. References are to the x86-64 psABI (1.0), section 4.4
// ("Relocation") and appendix B ("Linker Optimization").
#include "arch-x86-64.h"

#include "context.h"
#include "diag.h"
#include "reloc-log.h"
#include "symbol.h"
#include "synthetic.h"

#include "llvm/Object/ELF.h"
#include "llvm/Support/Endian.h"

namespace mld {

using namespace llvm::ELF;
using llvm::support::endian::read32le;
using llvm::support::endian::write16le;
using llvm::support::endian::write32le;
using llvm::support::endian::write64le;

RelInfo classifyReloc(uint32_t type) {
  using C = RelInfo::Check;
  switch (type) {
  case R_X86_64_NONE:            return {RelExpr::None, 0, C::NoCheck};
  case R_X86_64_64:              return {RelExpr::Abs, 8, C::NoCheck};
  case R_X86_64_32:              return {RelExpr::Abs, 4, C::Unsigned};
  case R_X86_64_32S:             return {RelExpr::Abs, 4, C::Signed};
  case R_X86_64_16:              return {RelExpr::Abs, 2, C::Either};
  case R_X86_64_8:               return {RelExpr::Abs, 1, C::Either};
  case R_X86_64_PC64:            return {RelExpr::Pc, 8, C::NoCheck};
  case R_X86_64_PC32:            return {RelExpr::Pc, 4, C::Signed};
  case R_X86_64_PC16:            return {RelExpr::Pc, 2, C::Signed};
  case R_X86_64_PC8:             return {RelExpr::Pc, 1, C::Signed};
  case R_X86_64_PLT32:           return {RelExpr::Plt, 4, C::Signed};
  case R_X86_64_GOTPCREL:        return {RelExpr::GotPc, 4, C::Signed};
  case R_X86_64_GOTPCRELX:
  case R_X86_64_REX_GOTPCRELX:   return {RelExpr::GotPcRelax, 4, C::Signed};
  case R_X86_64_GOTPCREL64:      return {RelExpr::GotPc, 8, C::NoCheck};
  case R_X86_64_GOT32:           return {RelExpr::GotRel, 4, C::Signed};
  case R_X86_64_GOT64:           return {RelExpr::GotRel, 8, C::NoCheck};
  case R_X86_64_GOTOFF64:        return {RelExpr::GotOff, 8, C::NoCheck};
  case R_X86_64_GOTPC32:         return {RelExpr::GotBasePc, 4, C::Signed};
  case R_X86_64_GOTPC64:         return {RelExpr::GotBasePc, 8, C::NoCheck};
  case R_X86_64_PLTOFF64:        return {RelExpr::PltOff, 8, C::NoCheck};
  case R_X86_64_SIZE32:          return {RelExpr::Size, 4, C::Signed};
  case R_X86_64_SIZE64:          return {RelExpr::Size, 8, C::NoCheck};
  case R_X86_64_TPOFF32:         return {RelExpr::TpOff, 4, C::Signed};
  case R_X86_64_TPOFF64:         return {RelExpr::TpOff, 8, C::NoCheck};
  case R_X86_64_GOTTPOFF:        return {RelExpr::GotTpPc, 4, C::Signed};
  case R_X86_64_TLSGD:           return {RelExpr::TlsGdPc, 4, C::Signed};
  case R_X86_64_TLSLD:           return {RelExpr::TlsLdPc, 4, C::Signed};
  case R_X86_64_DTPOFF32:        return {RelExpr::DtpOff, 4, C::Signed};
  case R_X86_64_DTPOFF64:        return {RelExpr::DtpOff, 8, C::NoCheck};
  case R_X86_64_GOTPC32_TLSDESC: return {RelExpr::TlsDescPc, 4, C::Signed};
  case R_X86_64_TLSDESC_CALL:    return {RelExpr::TlsDescCall, 0, C::NoCheck};
  default:                       return {RelExpr::Unsupported, 0, C::NoCheck};
  }
}

std::string relocTypeName(uint32_t type) {
  llvm::StringRef name = llvm::object::getELFRelocationTypeName(EM_X86_64, type);
  if (name == "Unknown")
    return "unknown relocation (" + std::to_string(type) + ")";
  return name.str();
}

bool checkRange(uint64_t v, RelInfo info, std::string &why) {
  unsigned bits = info.size * 8;
  if (bits == 64 || info.check == RelInfo::NoCheck)
    return true;
  int64_t sv = (int64_t)v;
  int64_t smin = -(int64_t(1) << (bits - 1));
  int64_t smax = (int64_t(1) << (bits - 1)) - 1;
  uint64_t umax = (uint64_t(1) << bits) - 1;
  bool fitsSigned = sv >= smin && sv <= smax;
  bool fitsUnsigned = v <= umax;
  switch (info.check) {
  case RelInfo::Signed:
    if (fitsSigned)
      return true;
    break;
  case RelInfo::Unsigned:
    if (fitsUnsigned)
      return true;
    break;
  default:
    if (fitsSigned || fitsUnsigned)
      return true;
  }
  // Only a failing check pays for the message.
  std::string shown = sv < 0 ? std::to_string(sv) : toHex(v);
  std::string lo = info.check == RelInfo::Unsigned ? "0" : std::to_string(smin);
  std::string hi = info.check == RelInfo::Signed ? std::to_string(smax)
                                                 : toHex(umax);
  why = shown + " is not in [" + lo + ", " + hi + "]";
  return false;
}

static void writeValue(uint8_t *loc, uint64_t v, unsigned size) {
  switch (size) {
  case 1: *loc = (uint8_t)v; break;
  case 2: write16le(loc, (uint16_t)v); break;
  case 4: write32le(loc, (uint32_t)v); break;
  case 8: write64le(loc, v); break;
  }
}

// A symbol is preemptible when a dynamic loader may bind it to another
// module's definition; only then do GOT/PLT indirections have to stay.
static bool isPreemptible(const Symbol &sym) { return sym.isPreemptible; }

// psABI B.2: `mov foo@GOTPCREL(%rip), %reg` may become `lea foo(%rip), %reg`,
// and `call/jmp *foo@GOTPCREL(%rip)` a direct call/jmp, when foo is bound
// locally. IFUNCs keep their GOT slot (it holds the resolved address); an
// absolute symbol in a PIC output cannot be reached PC-relatively.
// --no-relax keeps them as written. Like GNU ld's, it does not turn off
// the TLS model transitions (GD/LD/IE/TLSDESC to LE or IE).
bool canRelaxGotPcRelX(Context &ctx, const InputSection &isec,
                       const ElfRela &rel, const Symbol &sym) {
  uint32_t type = rel.getType(false);
  if (!ctx.config.relax)
    return false;
  if (type != R_X86_64_GOTPCRELX && type != R_X86_64_REX_GOTPCRELX)
    return false;
  if (rel.r_offset < 2 || isPreemptible(sym) || sym.isIfunc())
    return false;
  // An absolute or undefined-weak (zero) value may be out of reach of a
  // PC-relative lea; the GOT slot holds it whatever it is.
  if (sym.isUndefined() || sym.isAbsolute)
    return false;
  uint8_t op = isec.contents[rel.r_offset - 2];
  uint8_t modrm = isec.contents[rel.r_offset - 1];
  return op == 0x8b || (op == 0xff && (modrm == 0x15 || modrm == 0x25));
}

// psABI "Initial Exec to Local Exec": `movq foo@gottpoff(%rip), %reg` and
// `addq foo@gottpoff(%rip), %reg` become immediates, in executables.
bool canRelaxGotTpOff(Context &ctx, const InputSection &isec,
                      const ElfRela &rel, const Symbol &sym) {
  if (ctx.config.isShared() || isPreemptible(sym) || rel.r_offset < 3)
    return false;
  uint8_t rex = isec.contents[rel.r_offset - 3];
  uint8_t op = isec.contents[rel.r_offset - 2];
  return (rex == 0x48 || rex == 0x4c) && (op == 0x8b || op == 0x03);
}

bool canRelaxTlsGdLd(Context &ctx, const Symbol &sym) {
  return !ctx.config.isShared() && !isPreemptible(sym);
}

// A general- or local-dynamic sequence: the lea that carries TLSGD/TLSLD
// (at `off`), then the call to __tls_get_addr in one of the forms compilers
// write. `size` is 0 when the bytes match none of them.
//   GD, small model:  66 48 8d 3d <off>  66 66 48 e8 <rel32>   call f@PLT
//                     66 48 8d 3d <off>  66 48 ff 15 <rel32>   call *f@GOTPCREL
//   LD, small model:  48 8d 3d <off>     e8 <rel32>            call f@PLT
//                     48 8d 3d <off>     ff 15 <rel32>         call *f@GOTPCREL
//   GD/LD, large:     48 8d 3d <off>     48 b8 <imm64>         movabs $f@pltoff, %rax
//                                        48 01 xx              add %reg, %rax
//                                        ff d0                 call *%rax
TlsSeq matchTlsSequence(llvm::ArrayRef<uint8_t> c, uint64_t off, bool gd) {
  auto at = [&](uint64_t pos, std::initializer_list<uint8_t> bytes) {
    if (pos + bytes.size() > c.size())
      return false;
    return std::equal(bytes.begin(), bytes.end(), c.begin() + pos);
  };
  if (off < 3 || !at(off - 3, {0x48, 0x8d, 0x3d}))
    return {};
  uint64_t call = off + 4;
  // The large model's add of the GOT base may name any register (REX.W,
  // optionally REX.R), but must add into %rax (ModRM mod=3, rm=0).
  if (at(call, {0x48, 0xb8}) && call + 15 <= c.size() &&
      (c[call + 10] == 0x48 || c[call + 10] == 0x4c) && c[call + 11] == 0x01 &&
      (c[call + 12] & 0xc7) == 0xc0 && at(call + 13, {0xff, 0xd0}))
    return {off - 3, 22};
  if (gd) {
    if (off < 4 || c[off - 4] != 0x66)
      return {};
    if (at(call, {0x66, 0x66, 0x48, 0xe8}) || at(call, {0x66, 0x48, 0xff, 0x15}))
      return {off - 4, 16};
    return {};
  }
  if (at(call, {0xe8}) && call + 5 <= c.size())
    return {off - 3, 12};
  if (at(call, {0xff, 0x15}) && call + 6 <= c.size())
    return {off - 3, 13};
  return {};
}

namespace {

// The relocation being applied, with the psABI's letters.
struct RelocApplier {
  Context &ctx;
  InputSection &isec;
  uint8_t *buf;
  RelocLog *log;

  void apply(const ElfRela &rel, bool &skipNext);
  void report(const ElfRela &rel, const std::string &msg);
};

} // namespace

void RelocApplier::report(const ElfRela &rel, const std::string &msg) {
  Error(ctx) << isec.describe(rel.r_offset) << ": " << msg;
}

// The value S for a relocation against `sym` with addend `A`. A section
// symbol of a mergeable section points at a piece, chosen by S+A, so the
// addend is folded into the symbol's value there.
static uint64_t symbolValue(Context &ctx, const Symbol &sym, int64_t &A) {
  if (sym.type == STT_SECTION && sym.section && sym.section->isMergeable()) {
    uint64_t va = sym.section->getVA(sym.value + A);
    A = 0;
    return va;
  }
  return sym.getVA(ctx);
}

void RelocApplier::apply(const ElfRela &rel, bool &skipNext) {
  uint32_t type = rel.getType(false);
  RelInfo info = classifyReloc(type);
  if (info.expr == RelExpr::None)
    return;
  if (info.expr == RelExpr::Unsupported) {
    report(rel, "unsupported relocation type " + relocTypeName(type));
    return;
  }
  if (rel.r_offset + info.size > isec.size) {
    report(rel, "relocation " + relocTypeName(type) +
                    " extends past the end of the section");
    return;
  }
  Symbol &sym = *isec.file->symbols[rel.getSymbol(false)];
  uint8_t *loc = buf + rel.r_offset;
  int64_t A = rel.r_addend;
  uint64_t P = isec.getVA(rel.r_offset);
  bool alloc = isec.isAlloc();

  // References from non-allocated sections (debug info) to discarded code
  // get a tombstone instead of an address; .debug_ranges and .debug_loc
  // use 1 because 0 would end their lists early.
  if (sym.isInDiscardedSection()) {
    if (alloc && isec.name != ".eh_frame" && isec.name != ".gcc_except_table") {
      report(rel, "relocation refers to a symbol in a discarded section: " +
                      std::string(messageName(sym)));
      return;
    }
    uint64_t tomb = (isec.name == ".debug_ranges" || isec.name == ".debug_loc")
                        ? 1 : 0;
    writeValue(loc, tomb, info.size);
    if (log)
      log->add(ctx, isec, rel, sym, {}, "tombstone", tomb, "target section discarded");
    return;
  }

  uint64_t S = symbolValue(ctx, sym, A);
  uint64_t GOT = ctx.gotPlt ? ctx.gotPlt->shdr.sh_addr : 0;
  RelocValues vals;
  vals.S = S;
  vals.A = A;
  vals.P = P;
  const char *formula = "";
  std::string note; // built only when the log is on
  uint64_t value = 0;
  // G + GOT + A - P: the PC-relative address of a GOT slot.
  auto viaGotSlot = [&](uint64_t slot, int32_t index, const char *what) {
    vals.G = slot - GOT;
    vals.GOT = GOT;
    value = slot + A - P;
    formula = "G + GOT + A - P";
    if (log)
      note = "got " + std::to_string(index) + what;
  };

  switch (info.expr) {
  case RelExpr::Abs:
    value = S + A;
    formula = "S + A";
    break;
  case RelExpr::Pc:
    value = S + A - P;
    formula = "S + A - P";
    break;
  case RelExpr::Plt:
    if (sym.pltIndex >= 0 || sym.ipltIndex >= 0) {
      uint64_t L = sym.getPltVA(ctx);
      vals.L = L;
      value = L + A - P;
      formula = "L + A - P";
      if (log)
        note = sym.pltIndex >= 0 ? "plt " + std::to_string(sym.pltIndex)
                               : "iplt " + std::to_string(sym.ipltIndex);
    } else {
      value = S + A - P;
      formula = "S + A - P";
    }
    break;
  case RelExpr::GotPcRelax:
    if (canRelaxGotPcRelX(ctx, isec, rel, sym)) {
      uint8_t &op = loc[-2], &modrm = loc[-1];
      if (op == 0x8b) {
        op = 0x8d; // mov foo@GOTPCREL(%rip), %reg -> lea foo(%rip), %reg
        value = S + A - P;
        note = "relaxed: mov *GOT -> lea";
      } else if (modrm == 0x15) {
        op = 0x67; // call *foo@GOTPCREL(%rip) -> addr32 call foo
        modrm = 0xe8;
        value = S + A - P;
        note = "relaxed: call *GOT -> addr32 call";
      } else {
        // jmp *foo@GOTPCREL(%rip) -> jmp foo; nop. The rel32 now starts one
        // byte earlier, so the displacement grows by one.
        op = 0xe9;
        write32le(loc - 1, (uint32_t)(S + A - P + 1));
        loc[3] = 0x90;
        formula = "S + A - P + 1";
        if (log)
          log->add(ctx, isec, rel, sym, vals, formula, S + A - P + 1,
                   "relaxed: jmp *GOT -> jmp; nop");
        std::string why;
        if (!checkRange(S + A - P + 1, info, why))
          report(rel, "relocation " + relocTypeName(type) + " against '" +
                          std::string(messageName(sym)) + "' out of range: " + why);
        return;
      }
      formula = "S + A - P";
      break;
    }
    [[fallthrough]];
  case RelExpr::GotPc: {
    viaGotSlot(sym.getGotVA(ctx), sym.gotIndex, "");
    break;
  }
  case RelExpr::GotRel: {
    uint64_t slot = sym.getGotVA(ctx);
    vals.G = slot - GOT;
    vals.GOT = GOT;
    value = slot - GOT + A;
    formula = "G + A";
    break;
  }
  case RelExpr::GotOff:
    vals.GOT = GOT;
    value = S + A - GOT;
    formula = "S + A - GOT";
    break;
  case RelExpr::GotBasePc:
    vals.GOT = GOT;
    value = GOT + A - P;
    formula = "GOT + A - P";
    break;
  case RelExpr::PltOff:
    // The large code model's call: movabs $f@pltoff, %rax; add GOT, %rax.
    vals.GOT = GOT;
    if (sym.pltIndex >= 0 || sym.ipltIndex >= 0) {
      uint64_t L = sym.getPltVA(ctx);
      vals.L = L;
      value = L + A - GOT;
      formula = "L + A - GOT";
    } else {
      value = S + A - GOT;
      formula = "S + A - GOT";
    }
    break;
  case RelExpr::Size:
    vals.Z = sym.size;
    value = sym.size + A;
    formula = "Z + A";
    break;
  case RelExpr::TpOff:
    vals.TP = ctx.tpAddr;
    value = S + A - ctx.tpAddr;
    formula = "S + A - TP";
    break;
  case RelExpr::GotTpPc:
    if (canRelaxGotTpOff(ctx, isec, rel, sym)) {
      // movq foo@gottpoff(%rip), %reg -> movq $tpoff, %reg (c7 /0)
      // addq foo@gottpoff(%rip), %reg -> addq $tpoff, %reg (81 /0)
      // The register moves from ModRM.reg to ModRM.rm, so REX.R -> REX.B.
      uint8_t &rex = loc[-3], &op = loc[-2], &modrm = loc[-1];
      uint8_t reg = (modrm >> 3) & 7;
      if (rex == 0x4c)
        rex = 0x49;
      note = op == 0x8b ? "relaxed: IE mov -> LE mov $imm"
                        : "relaxed: IE add -> LE add $imm";
      op = op == 0x8b ? 0xc7 : 0x81;
      modrm = 0xc0 | reg;
      vals.TP = ctx.tpAddr;
      value = S - ctx.tpAddr;
      formula = "S - TP";
      break;
    } else {
      viaGotSlot(sym.getGotTpVA(ctx), sym.gotTpIndex, " (tp offset)");
    }
    break;
  case RelExpr::TlsGdPc:
    if (canRelaxTlsGdLd(ctx, sym)) {
      // psABI "General Dynamic to Local Exec": the whole sequence becomes
      //   64 48 8b 04 25 00 00 00 00   mov %fs:0, %rax
      //   48 8d 80 <x@tpoff>           lea x@tpoff(%rax), %rax
      // followed by a nop over what the large model's call leaves.
      TlsSeq seq = matchTlsSequence(isec.contents, rel.r_offset, true);
      if (!seq.size) {
        report(rel, "unsupported TLSGD code sequence (expected data16 lea "
                    "x@tlsgd(%rip), %rdi and a call to __tls_get_addr)");
        return;
      }
      static const uint8_t insn[] = {0x64, 0x48, 0x8b, 0x04, 0x25, 0, 0, 0,
                                     0,    0x48, 0x8d, 0x80, 0,    0, 0, 0};
      static const uint8_t nop6[] = {0x66, 0x0f, 0x1f, 0x44, 0x00, 0x00};
      uint8_t *start = buf + seq.start;
      memcpy(start, insn, sizeof insn);
      if (seq.size == sizeof insn + sizeof nop6)
        memcpy(start + sizeof insn, nop6, sizeof nop6);
      vals.TP = ctx.tpAddr;
      value = S + A + 4 - ctx.tpAddr; // A is -4 for the lea's rel32
      write32le(start + 12, (uint32_t)value);
      skipNext = true;
      if (log)
        log->add(ctx, isec, rel, sym, vals, "S - TP", value,
                 "relaxed: GD -> LE (mov %fs:0,%rax; lea x@tpoff(%rax),%rax)");
      return;
    }
    {
      viaGotSlot(sym.getTlsGdVA(ctx), sym.tlsGdIndex, " (tls gd pair)");
    }
    break;
  case RelExpr::TlsLdPc:
    if (canRelaxTlsGdLd(ctx, sym)) {
      // psABI "Local Dynamic to Local Exec": the sequence becomes
      //   64 48 8b 04 25 00 00 00 00   mov %fs:0, %rax
      // preceded by prefixes (66) or a nop filling its length.
      TlsSeq seq = matchTlsSequence(isec.contents, rel.r_offset, false);
      if (!seq.size) {
        report(rel, "unsupported TLSLD code sequence (expected lea "
                    "x@tlsld(%rip), %rdi and a call to __tls_get_addr)");
        return;
      }
      static const uint8_t movFs[] = {0x64, 0x48, 0x8b, 0x04, 0x25, 0, 0, 0, 0};
      // 66 66 66 66 2e 0f 1f 84 00 00 00 00 00: data16 cs nopw 0(%rax,%rax)
      static const uint8_t nop13[] = {0x66, 0x66, 0x66, 0x66, 0x2e, 0x0f, 0x1f,
                                      0x84, 0x00, 0x00, 0x00, 0x00, 0x00};
      uint8_t *start = buf + seq.start;
      size_t pad = seq.size - sizeof movFs;
      if (pad == sizeof nop13)
        memcpy(start, nop13, pad);
      else
        memset(start, 0x66, pad);
      memcpy(start + pad, movFs, sizeof movFs);
      skipNext = true;
      if (log)
        log->add(ctx, isec, rel, sym, vals, "-", 0,
                 "relaxed: LD -> LE (mov %fs:0,%rax)");
      return;
    }
    {
      viaGotSlot(ctx.got->shdr.sh_addr + ctx.got->tlsLdIndex * 8,
                 ctx.got->tlsLdIndex, " (tls ld pair)");
    }
    break;
  case RelExpr::TlsDescPc:
    if (!ctx.config.isShared()) {
      // psABI "TLS descriptors" relaxations, in an executable:
      //   48 8d 05 <x@tlsdesc>   lea x@tlsdesc(%rip), %rax
      // becomes, for a variable of ours (local exec)
      //   48 c7 c0 <x@tpoff>     mov $x@tpoff, %rax
      // or, for another module's (initial exec)
      //   48 8b 05 <x@gottpoff>  mov x@gottpoff(%rip), %rax
      uint8_t &rex = loc[-3], &op = loc[-2], &modrm = loc[-1];
      if (rel.r_offset < 3 || (rex != 0x48 && rex != 0x4c) || op != 0x8d ||
          (modrm & 0xc7) != 0x05) {
        report(rel, "unsupported TLS descriptor code sequence (expected lea "
                    "x@tlsdesc(%rip), %reg)");
        return;
      }
      uint8_t reg = (modrm >> 3) & 7;
      if (canRelaxTlsGdLd(ctx, sym)) {
        rex = rex == 0x4c ? 0x49 : 0x48;
        op = 0xc7;
        modrm = 0xc0 | reg;
        vals.TP = ctx.tpAddr;
        value = S - ctx.tpAddr;
        formula = "S - TP";
        if (log)
          note = "relaxed: TLSDESC -> LE mov $imm";
      } else {
        op = 0x8b;
        uint64_t slot = sym.getGotTpVA(ctx);
        vals.G = slot - GOT;
        vals.GOT = GOT;
        value = slot + A - P;
        formula = "G + GOT + A - P";
        if (log)
          note = "relaxed: TLSDESC -> IE mov x@gottpoff";
      }
      break;
    }
    {
      viaGotSlot(sym.getTlsDescVA(ctx), sym.tlsDescIndex, " (tls descriptor)");
    }
    break;
  case RelExpr::TlsDescCall:
    // call *x@tlscall(%rax) (ff 10): with the descriptor relaxed away, %rax
    // already holds the TP offset, so the call becomes a two-byte nop.
    if (!ctx.config.isShared()) {
      if (rel.r_offset + 2 > isec.size || loc[0] != 0xff || loc[1] != 0x10) {
        report(rel, "unsupported TLS descriptor call (expected call *(%rax))");
        return;
      }
      loc[0] = 0x66; // xchg %ax, %ax
      loc[1] = 0x90;
      if (log)
        log->add(ctx, isec, rel, sym, vals, "-", 0,
                 "relaxed: call *(%rax) -> xchg %ax,%ax");
    }
    return;
  case RelExpr::DtpOff:
    // In code, after LD->LE relaxation, the module's block is addressed from
    // TP, so the offset becomes a TP offset. Elsewhere (DWARF location
    // expressions) it stays relative to the block, as GNU ld does.
    if (!ctx.config.isShared() && (isec.flags & SHF_EXECINSTR)) {
      vals.TP = ctx.tpAddr;
      value = S + A - ctx.tpAddr;
      formula = "S + A - TP";
    } else {
      value = S + A - ctx.tlsBegin;
      formula = "S + A - TLS";
    }
    break;
  case RelExpr::None:
  case RelExpr::Unsupported:
    return;
  }

  std::string why;
  if (!checkRange(value, info, why)) {
    report(rel, "relocation " + relocTypeName(type) + " against '" +
                    std::string(messageName(sym)) + "' out of range: " + why);
    return;
  }
  writeValue(loc, value, info.size);
  if (log)
    log->add(ctx, isec, rel, sym, vals, formula, value, note);
}

void applyRelocations(Context &ctx, InputSection &isec, uint8_t *buf) {
  RelocApplier applier{ctx, isec, buf, ctx.relocLog.get()};
  bool skipNext = false;
  for (size_t i = 0; i < isec.relas.size(); i++) {
    if (skipNext) {
      // The previous rewrite consumed this relocation's instruction (the
      // call to __tls_get_addr in a relaxed TLS sequence).
      skipNext = false;
      continue;
    }
    applier.apply(isec.relas[i], skipNext);
  }
}

// PLT0:  ff 35 <GOT+8 - next>    push GOT[1]      (module handle)
//        ff 25 <GOT+16 - next>   jmp *GOT[2]      (the lazy resolver)
//        0f 1f 40 00             nop
void writePltHeader(Context &ctx, uint8_t *buf, uint64_t pltVA,
                    uint64_t gotPltVA) {
  static const uint8_t insn[] = {0xff, 0x35, 0, 0, 0, 0, 0xff, 0x25,
                                 0,    0,    0, 0, 0x0f, 0x1f, 0x40, 0x00};
  memcpy(buf, insn, sizeof insn);
  write32le(buf + 2, (uint32_t)(gotPltVA + 8 - (pltVA + 6)));
  write32le(buf + 8, (uint32_t)(gotPltVA + 16 - (pltVA + 12)));
}

// PLTn:  ff 25 <slot - next>     jmp *GOT[3+n]   (first time: to the push)
//        68 <n>                  push n          (.rela.plt index)
//        e9 <PLT0 - next>        jmp PLT0
void writePltEntry(uint8_t *buf, uint64_t entryVA, uint64_t slotVA,
                   uint32_t index, uint64_t pltVA) {
  static const uint8_t insn[] = {0xff, 0x25, 0, 0, 0, 0, 0x68, 0, 0, 0, 0,
                                 0xe9, 0,    0, 0, 0};
  memcpy(buf, insn, sizeof insn);
  write32le(buf + 2, (uint32_t)(slotVA - (entryVA + 6)));
  write32le(buf + 7, index);
  write32le(buf + 12, (uint32_t)(pltVA - (entryVA + 16)));
}

// IPLT entry (static IFUNC):  ff 25 <slot - next>  jmp *slot
//                             66 0f 1f 44 00 00 ... nop padding to 16 bytes
void writeIpltEntry(uint8_t *buf, uint64_t entryVA, uint64_t slotVA) {
  static const uint8_t insn[] = {0xff, 0x25, 0,    0,    0, 0, 0x66, 0x0f,
                                 0x1f, 0x44, 0x00, 0x00, 0x0f, 0x1f, 0x40, 0x00};
  memcpy(buf, insn, sizeof insn);
  write32le(buf + 2, (uint32_t)(slotVA - (entryVA + 6)));
}

} // namespace mld
