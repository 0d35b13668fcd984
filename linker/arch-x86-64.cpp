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

#include <optional>
#include <utility>

namespace mld {

using namespace llvm::ELF;
using llvm::support::endian::read32le;
using llvm::support::endian::write16le;
using llvm::support::endian::write32le;
using llvm::support::endian::write64le;

RelInfo classifyReloc(uint32_t type) {
  using C = RelInfo::Check;
  switch (type) {
  case R_X86_64_NONE:
    return {RelExpr::None, 0, C::NoCheck};
  case R_X86_64_64:
    return {RelExpr::Abs, 8, C::NoCheck};
  case R_X86_64_32:
    return {RelExpr::Abs, 4, C::Unsigned};
  case R_X86_64_32S:
    return {RelExpr::Abs, 4, C::Signed};
  case R_X86_64_16:
    return {RelExpr::Abs, 2, C::Either};
  case R_X86_64_8:
    return {RelExpr::Abs, 1, C::Either};
  case R_X86_64_PC64:
    return {RelExpr::Pc, 8, C::NoCheck};
  case R_X86_64_PC32:
    return {RelExpr::Pc, 4, C::Signed};
  case R_X86_64_PC16:
    return {RelExpr::Pc, 2, C::Signed};
  case R_X86_64_PC8:
    return {RelExpr::Pc, 1, C::Signed};
  case R_X86_64_PLT32:
    return {RelExpr::Plt, 4, C::Signed};
  case R_X86_64_GOTPCREL:
    return {RelExpr::GotPc, 4, C::Signed};
  case R_X86_64_GOTPCRELX:
  case R_X86_64_REX_GOTPCRELX:
    return {RelExpr::GotPcRelax, 4, C::Signed};
  case R_X86_64_GOTPCREL64:
    return {RelExpr::GotPc, 8, C::NoCheck};
  case R_X86_64_GOT32:
    return {RelExpr::GotRel, 4, C::Signed};
  case R_X86_64_GOT64:
    return {RelExpr::GotRel, 8, C::NoCheck};
  case R_X86_64_GOTOFF64:
    return {RelExpr::GotOff, 8, C::NoCheck};
  case R_X86_64_GOTPC32:
    return {RelExpr::GotBasePc, 4, C::Signed};
  case R_X86_64_GOTPC64:
    return {RelExpr::GotBasePc, 8, C::NoCheck};
  case R_X86_64_PLTOFF64:
    return {RelExpr::PltOff, 8, C::NoCheck};
  case R_X86_64_SIZE32:
    return {RelExpr::Size, 4, C::Signed};
  case R_X86_64_SIZE64:
    return {RelExpr::Size, 8, C::NoCheck};
  case R_X86_64_TPOFF32:
    return {RelExpr::TpOff, 4, C::Signed};
  case R_X86_64_TPOFF64:
    return {RelExpr::TpOff, 8, C::NoCheck};
  case R_X86_64_GOTTPOFF:
    return {RelExpr::GotTpPc, 4, C::Signed};
  case R_X86_64_TLSGD:
    return {RelExpr::TlsGdPc, 4, C::Signed};
  case R_X86_64_TLSLD:
    return {RelExpr::TlsLdPc, 4, C::Signed};
  case R_X86_64_DTPOFF32:
    return {RelExpr::DtpOff, 4, C::Signed};
  case R_X86_64_DTPOFF64:
    return {RelExpr::DtpOff, 8, C::NoCheck};
  case R_X86_64_GOTPC32_TLSDESC:
    return {RelExpr::TlsDescPc, 4, C::Signed};
  case R_X86_64_TLSDESC_CALL:
    return {RelExpr::TlsDescCall, 0, C::NoCheck};
  default:
    return {RelExpr::Unsupported, 0, C::NoCheck};
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
  std::string hi = info.check == RelInfo::Signed ? std::to_string(smax) : toHex(umax);
  why = shown + " is not in [" + lo + ", " + hi + "]";
  return false;
}

static void writeValue(uint8_t *loc, uint64_t v, unsigned size) {
  switch (size) {
  case 1:
    *loc = (uint8_t)v;
    break;
  case 2:
    write16le(loc, (uint16_t)v);
    break;
  case 4:
    write32le(loc, (uint32_t)v);
    break;
  case 8:
    write64le(loc, v);
    break;
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
bool canRelaxGotPcRelX(Context &ctx, const InputSection &isec, const ElfRela &rel,
                       const Symbol &sym) {
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
bool canRelaxGotTpOff(Context &ctx, const InputSection &isec, const ElfRela &rel,
                      const Symbol &sym) {
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

// How a relocation's value was computed, as the relocation log names it.
enum class Formula : uint8_t {
  None,
  SA,
  SAP,
  SAP1,
  LAP,
  GGotAP,
  GA,
  SAGot,
  GotAP,
  LAGot,
  ZA,
  SATP,
  STP,
  SATls,
};
const char *const formulaText[] = {
    "-",      "S + A",       "S + A - P",   "S + A - P + 1", "L + A - P", "G + GOT + A - P",
    "G + A",  "S + A - GOT", "GOT + A - P", "L + A - GOT",   "Z + A",     "S + A - TP",
    "S - TP", "S + A - TLS",
};

struct Value {
  uint64_t value;
  Formula formula;
};
using Result = std::optional<Value>; // nullopt: an error was reported

// One relocation being applied, in the psABI's letters: S the symbol's
// value, A the addend, P the place, GOT the address of .got.plt. apply()
// checks the input, compute() says what the value is (one line per kind;
// the instruction rewrites are the relax* helpers), and apply() then does
// the one range check, the one write and the one log record.
struct RelocApplier {
  RelocApplier(Context &ctx, InputSection &isec, uint8_t *buf)
      : ctx(ctx), isec(isec), buf(buf), log(ctx.relocLog.get()) {}

  Context &ctx;
  InputSection &isec;
  uint8_t *buf;
  RelocLog *log;

  // The relocation at hand (set by apply()).
  const ElfRela *rel = nullptr;
  Symbol *sym = nullptr;
  RelInfo info{};
  uint8_t *loc = nullptr;
  uint64_t S = 0, P = 0, GOT = 0;
  int64_t A = 0;
  uint8_t *dest = nullptr; // where the value goes; null: nothing to write
  bool logged = true;
  bool skipNext = false; // a rewrite consumed the next relocation's code
  RelocValues vals;      // what the log shows besides S, A and P
  std::string note;      // built only when the log is on

  void apply(const ElfRela &r);
  Result compute();
  void report(const std::string &msg);
  void writeTombstone();

  // The letters a formula uses beyond S, A and P, recorded for the log.
  uint64_t gotBase() { return *(vals.GOT = GOT); }
  uint64_t gotSlot(uint64_t slot) {
    vals.G = slot - gotBase();
    return slot;
  }
  uint64_t tp() { return *(vals.TP = ctx.tpAddr); }
  uint64_t symSize() { return *(vals.Z = sym->size); }
  bool hasPlt() const { return sym->pltIndex >= 0 || sym->ipltIndex >= 0; }
  uint64_t plt() {
    if (log)
      note = sym->pltIndex >= 0 ? (vals.plt = pltLabel(sym->pltIndex))
                                : "iplt " + std::to_string(sym->ipltIndex);
    return *(vals.L = sym->getPltVA(ctx));
  }
  void say(const char *text) {
    if (log)
      note = text;
  }
  Value viaGotSlot(uint64_t slot, int32_t index, const char *what) {
    if (log)
      note = gotLabel(*(vals.got = index)) + what;
    return {gotSlot(slot) + A - P, Formula::GGotAP};
  }
  Value nothingWritten() {
    dest = nullptr;
    return {0, Formula::None};
  }

  Result relaxGotPcRelX();
  Result relaxIeToLe();
  Result relaxGdToLe();
  Result relaxLdToLe();
  Result relaxTlsDesc();
  Result relaxTlsDescCall();
};

} // namespace

void RelocApplier::report(const std::string &msg) {
  Error(ctx) << isec.describe(rel->r_offset) << ": " << msg;
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

// References from non-allocated sections (debug info) to discarded code
// get a tombstone instead of an address; .debug_ranges and .debug_loc use 1
// because 0 would end their lists early.
void RelocApplier::writeTombstone() {
  if (isec.isAlloc() && isec.name != ".eh_frame" && isec.name != ".gcc_except_table") {
    report("relocation refers to a symbol in a discarded section: " +
           std::string(messageName(*sym)));
    return;
  }
  bool listEnds = isec.name == ".debug_ranges" || isec.name == ".debug_loc";
  uint64_t tomb = listEnds ? 1 : 0;
  writeValue(loc, tomb, info.size);
  if (log)
    log->add(ctx, isec, *rel, *sym, {}, "tombstone", tomb, "target section discarded");
}

void RelocApplier::apply(const ElfRela &r) {
  rel = &r;
  uint32_t type = r.getType(false);
  info = classifyReloc(type);
  if (info.expr == RelExpr::None)
    return;
  if (info.expr == RelExpr::Unsupported)
    return report("unsupported relocation type " + relocTypeName(type));
  if (r.r_offset + info.size > isec.size)
    return report("relocation " + relocTypeName(type) + " extends past the end of the section");
  sym = isec.file->symbols[r.getSymbol(false)];
  loc = buf + r.r_offset;
  if (sym->isInDiscardedSection())
    return writeTombstone();

  A = r.r_addend;
  S = symbolValue(ctx, *sym, A);
  P = isec.getVA(r.r_offset);
  GOT = ctx.gotPlt ? ctx.gotPlt->shdr.sh_addr : 0;
  vals = RelocValues();
  vals.S = S, vals.A = A, vals.P = P;
  note.clear();
  dest = loc;
  logged = true;

  Result v = compute();
  if (!v)
    return;
  std::string why;
  if (dest && !checkRange(v->value, info, why))
    return report("relocation " + relocTypeName(type) + " against '" +
                  std::string(messageName(*sym)) + "' out of range: " + why);
  if (dest)
    writeValue(dest, v->value, info.size);
  if (log && logged)
    log->add(ctx, isec, r, *sym, vals, formulaText[(int)v->formula], v->value, note);
}

Result RelocApplier::compute() {
  using F = Formula;
  bool exe = !ctx.config.isShared();
  switch (info.expr) {
  case RelExpr::Abs:
    return Value{S + A, F::SA};
  case RelExpr::Pc:
    return Value{S + A - P, F::SAP};
  case RelExpr::Plt:
    return hasPlt() ? Value{plt() + A - P, F::LAP} : Value{S + A - P, F::SAP};
  case RelExpr::GotPcRelax:
    if (canRelaxGotPcRelX(ctx, isec, *rel, *sym))
      return relaxGotPcRelX();
    [[fallthrough]];
  case RelExpr::GotPc:
    return viaGotSlot(sym->getGotVA(ctx), sym->gotIndex, "");
  case RelExpr::GotRel:
    return Value{gotSlot(sym->getGotVA(ctx)) - GOT + A, F::GA};
  case RelExpr::GotOff:
    return Value{S + A - gotBase(), F::SAGot};
  case RelExpr::GotBasePc:
    return Value{gotBase() + A - P, F::GotAP};
  case RelExpr::PltOff:
    return hasPlt() ? Value{plt() + A - gotBase(), F::LAGot} : Value{S + A - gotBase(), F::SAGot};
  case RelExpr::Size:
    return Value{symSize() + A, F::ZA};
  case RelExpr::TpOff:
    return Value{S + A - tp(), F::SATP};
  case RelExpr::GotTpPc:
    if (canRelaxGotTpOff(ctx, isec, *rel, *sym))
      return relaxIeToLe();
    return viaGotSlot(sym->getGotTpVA(ctx), sym->gotTpIndex, " (tp offset)");
  case RelExpr::TlsGdPc:
    if (canRelaxTlsGdLd(ctx, *sym))
      return relaxGdToLe();
    return viaGotSlot(sym->getTlsGdVA(ctx), sym->tlsGdIndex, " (tls gd pair)");
  case RelExpr::TlsLdPc:
    if (canRelaxTlsGdLd(ctx, *sym))
      return relaxLdToLe();
    return viaGotSlot(ctx.got->shdr.sh_addr + ctx.got->tlsLdIndex * 8, ctx.got->tlsLdIndex,
                      " (tls ld pair)");
  case RelExpr::TlsDescPc:
    if (exe)
      return relaxTlsDesc();
    return viaGotSlot(sym->getTlsDescVA(ctx), sym->tlsDescIndex, " (tls descriptor)");
  case RelExpr::TlsDescCall:
    if (exe)
      return relaxTlsDescCall();
    logged = false;
    return nothingWritten();
  // In code, after LD->LE relaxation, the module's block is addressed from
  // TP, so the offset becomes a TP offset. Elsewhere (DWARF location
  // expressions) it stays relative to the block, as GNU ld does.
  case RelExpr::DtpOff:
    if (exe && (isec.flags & SHF_EXECINSTR))
      return Value{S + A - tp(), F::SATP};
    return Value{S + A - ctx.tlsBegin, F::SATls};
  case RelExpr::None:
  case RelExpr::Unsupported:
    break;
  }
  return nothingWritten();
}

// psABI B.2, for a symbol bound locally:
//   mov foo@GOTPCREL(%rip), %reg  ->  lea foo(%rip), %reg
//   call *foo@GOTPCREL(%rip)      ->  addr32 call foo
//   jmp *foo@GOTPCREL(%rip)       ->  jmp foo; nop
Result RelocApplier::relaxGotPcRelX() {
  uint8_t &op = loc[-2], &modrm = loc[-1];
  if (op == 0x8b) {
    op = 0x8d;
    say("relaxed: mov *GOT -> lea");
  } else if (modrm == 0x15) {
    op = 0x67;
    modrm = 0xe8;
    say("relaxed: call *GOT -> addr32 call");
  } else {
    // The jmp's rel32 starts one byte earlier, so the displacement grows by one.
    op = 0xe9;
    loc[3] = 0x90;
    dest = loc - 1;
    say("relaxed: jmp *GOT -> jmp; nop");
    return Value{S + A - P + 1, Formula::SAP1};
  }
  return Value{S + A - P, Formula::SAP};
}

// psABI "Initial Exec to Local Exec":
//   movq foo@gottpoff(%rip), %reg  ->  movq $tpoff, %reg  (c7 /0)
//   addq foo@gottpoff(%rip), %reg  ->  addq $tpoff, %reg  (81 /0)
// The register moves from ModRM.reg to ModRM.rm, so REX.R becomes REX.B.
Result RelocApplier::relaxIeToLe() {
  uint8_t &rex = loc[-3], &op = loc[-2], &modrm = loc[-1];
  uint8_t reg = (modrm >> 3) & 7;
  if (rex == 0x4c)
    rex = 0x49;
  say(op == 0x8b ? "relaxed: IE mov -> LE mov $imm" : "relaxed: IE add -> LE add $imm");
  op = op == 0x8b ? 0xc7 : 0x81;
  modrm = 0xc0 | reg;
  return Value{S - tp(), Formula::STP};
}

// psABI "General Dynamic to Local Exec": the whole sequence becomes
//   64 48 8b 04 25 00 00 00 00   mov %fs:0, %rax
//   48 8d 80 <x@tpoff>           lea x@tpoff(%rax), %rax
// followed by a nop over what the large model's call leaves.
Result RelocApplier::relaxGdToLe() {
  TlsSeq seq = matchTlsSequence(isec.contents, rel->r_offset, true);
  if (!seq.size) {
    report("unsupported TLSGD code sequence (expected data16 lea "
           "x@tlsgd(%rip), %rdi and a call to __tls_get_addr)");
    return {};
  }
  static const uint8_t insn[] = {0x64, 0x48, 0x8b, 0x04, 0x25, 0, 0, 0,
                                 0,    0x48, 0x8d, 0x80, 0,    0, 0, 0};
  static const uint8_t nop6[] = {0x66, 0x0f, 0x1f, 0x44, 0x00, 0x00};
  uint8_t *start = buf + seq.start;
  memcpy(start, insn, sizeof insn);
  if (seq.size == sizeof insn + sizeof nop6)
    memcpy(start + sizeof insn, nop6, sizeof nop6);
  dest = start + 12;
  skipNext = true;
  say("relaxed: GD -> LE (mov %fs:0,%rax; lea x@tpoff(%rax),%rax)");
  return Value{S + A + 4 - tp(), Formula::STP}; // A is -4 for the lea's rel32
}

// psABI "Local Dynamic to Local Exec": the sequence becomes
//   64 48 8b 04 25 00 00 00 00   mov %fs:0, %rax
// preceded by prefixes (66) or a nop filling its length.
Result RelocApplier::relaxLdToLe() {
  TlsSeq seq = matchTlsSequence(isec.contents, rel->r_offset, false);
  if (!seq.size) {
    report("unsupported TLSLD code sequence (expected lea "
           "x@tlsld(%rip), %rdi and a call to __tls_get_addr)");
    return {};
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
  say("relaxed: LD -> LE (mov %fs:0,%rax)");
  return nothingWritten();
}

// psABI "TLS descriptors" relaxations, in an executable:
//   48 8d 05 <x@tlsdesc>   lea x@tlsdesc(%rip), %rax
// becomes, for a variable of ours (local exec)
//   48 c7 c0 <x@tpoff>     mov $x@tpoff, %rax
// or, for another module's (initial exec)
//   48 8b 05 <x@gottpoff>  mov x@gottpoff(%rip), %rax
Result RelocApplier::relaxTlsDesc() {
  uint8_t &rex = loc[-3], &op = loc[-2], &modrm = loc[-1];
  if (rel->r_offset < 3 || (rex != 0x48 && rex != 0x4c) || op != 0x8d || (modrm & 0xc7) != 0x05) {
    report("unsupported TLS descriptor code sequence (expected lea "
           "x@tlsdesc(%rip), %reg)");
    return {};
  }
  if (!canRelaxTlsGdLd(ctx, *sym)) {
    op = 0x8b;
    say("relaxed: TLSDESC -> IE mov x@gottpoff");
    return Value{gotSlot(sym->getGotTpVA(ctx)) + A - P, Formula::GGotAP};
  }
  uint8_t reg = (modrm >> 3) & 7;
  rex = rex == 0x4c ? 0x49 : 0x48;
  op = 0xc7;
  modrm = 0xc0 | reg;
  say("relaxed: TLSDESC -> LE mov $imm");
  return Value{S - tp(), Formula::STP};
}

// call *x@tlscall(%rax) (ff 10): with the descriptor relaxed away, %rax
// already holds the TP offset, so the call becomes a two-byte nop.
Result RelocApplier::relaxTlsDescCall() {
  if (rel->r_offset + 2 > isec.size || loc[0] != 0xff || loc[1] != 0x10) {
    report("unsupported TLS descriptor call (expected call *(%rax))");
    return {};
  }
  loc[0] = 0x66; // xchg %ax, %ax
  loc[1] = 0x90;
  say("relaxed: call *(%rax) -> xchg %ax,%ax");
  return nothingWritten();
}

void applyRelocations(Context &ctx, InputSection &isec, uint8_t *buf) {
  RelocApplier applier(ctx, isec, buf);
  for (const ElfRela &rel : isec.relas) {
    // A rewrite may have consumed this relocation's instruction (the call
    // to __tls_get_addr in a relaxed TLS sequence).
    if (std::exchange(applier.skipNext, false))
      continue;
    applier.apply(rel);
  }
}

// PLT0:  ff 35 <GOT+8 - next>    push GOT.PLT[1]  (module handle)
//        ff 25 <GOT+16 - next>   jmp *GOT.PLT[2]  (the lazy resolver)
//        0f 1f 40 00             nop
void writePltHeader(Context &ctx, uint8_t *buf, uint64_t pltVA, uint64_t gotPltVA) {
  static const uint8_t insn[] = {0xff, 0x35, 0, 0, 0,    0,    0xff, 0x25,
                                 0,    0,    0, 0, 0x0f, 0x1f, 0x40, 0x00};
  memcpy(buf, insn, sizeof insn);
  write32le(buf + 2, (uint32_t)(gotPltVA + 8 - (pltVA + 6)));
  write32le(buf + 8, (uint32_t)(gotPltVA + 16 - (pltVA + 12)));
}

// PLTn (n >= 1, for .rela.plt[n-1]; `index` below is n-1):
//        ff 25 <slot - next>     jmp *GOT.PLT[n+2] (first time: to the push)
//        68 <n-1>                push n-1        (.rela.plt index)
//        e9 <PLT0 - next>        jmp PLT0
void writePltEntry(uint8_t *buf, uint64_t entryVA, uint64_t slotVA, uint32_t index,
                   uint64_t pltVA) {
  static const uint8_t insn[] = {0xff, 0x25, 0, 0, 0, 0, 0x68, 0, 0, 0, 0, 0xe9, 0, 0, 0, 0};
  memcpy(buf, insn, sizeof insn);
  write32le(buf + 2, (uint32_t)(slotVA - (entryVA + 6)));
  write32le(buf + 7, index);
  write32le(buf + 12, (uint32_t)(pltVA - (entryVA + 16)));
}

// IPLT entry (static IFUNC):  ff 25 <slot - next>  jmp *slot
//                             66 0f 1f 44 00 00 ... nop padding to 16 bytes
// With IBT it is a .plt.sec entry (below): its address may be a function
// pointer's, so it starts with endbr64.
void writeIpltEntry(uint8_t *buf, uint64_t entryVA, uint64_t slotVA, bool ibt) {
  if (ibt)
    return writePltSecEntry(buf, entryVA, slotVA);
  static const uint8_t insn[] = {0xff, 0x25, 0,    0,    0,    0,    0x66, 0x0f,
                                 0x1f, 0x44, 0x00, 0x00, 0x0f, 0x1f, 0x40, 0x00};
  memcpy(buf, insn, sizeof insn);
  write32le(buf + 2, (uint32_t)(slotVA - (entryVA + 6)));
}

// IBT .plt entry n (reached only through GOT.PLT[n+3], before the first
// call is bound):
//        f3 0f 1e fa             endbr64
//        68 <n-1>                push n-1        (.rela.plt index)
//        e9 <PLT0 - next>        jmp PLT0
//        66 90                   xchg %ax,%ax
void writeIbtPltEntry(uint8_t *buf, uint64_t entryVA, uint32_t index, uint64_t pltVA) {
  static const uint8_t insn[] = {0xf3, 0x0f, 0x1e, 0xfa, 0x68, 0, 0,    0,
                                 0,    0xe9, 0,    0,    0,    0, 0x66, 0x90};
  memcpy(buf, insn, sizeof insn);
  write32le(buf + 5, index);
  write32le(buf + 10, (uint32_t)(pltVA - (entryVA + 14)));
}

// .plt.sec entry n (where calls go):
//        f3 0f 1e fa             endbr64
//        ff 25 <slot - next>     jmp *GOT.PLT[n+2]
//        66 0f 1f 44 00 00       nopw 0x0(%rax,%rax,1)
void writePltSecEntry(uint8_t *buf, uint64_t entryVA, uint64_t slotVA) {
  static const uint8_t insn[] = {0xf3, 0x0f, 0x1e, 0xfa, 0xff, 0x25, 0,    0,
                                 0,    0,    0x66, 0x0f, 0x1f, 0x44, 0x00, 0x00};
  memcpy(buf, insn, sizeof insn);
  write32le(buf + 6, (uint32_t)(slotVA - (entryVA + 10)));
}

} // namespace mld
