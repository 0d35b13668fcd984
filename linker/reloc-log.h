// The relocation log (--reloc-log=FILE, --reloc-log-format=text|json): one
// record per relocation applied, with the psABI inputs (S, A, P, and G, GOT,
// L, Z, TP where the formula uses them), the formula, the value written, and
// any instruction rewrite; plus one record per GOT/PLT slot and dynamic
// relocation the linker creates. Format: docs/reloc-log.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "input-section.h"

namespace mld {

struct Context;
struct Symbol;

struct RelocValues {
  uint64_t S = 0;
  int64_t A = 0;
  uint64_t P = 0;
  std::optional<uint64_t> G, GOT, L, Z, TP;
  // Which entry the value goes through, for the JSON fields "plt" (the
  // entry's label, "PLT1") and "got" (the .got slot index).
  std::string plt;
  std::optional<uint64_t> got;
};

// The psABI's names, used by both logs (mload's too, docs/loader-log.md):
// PLT0 is the common stub and PLTn (n >= 1) the entry for .rela.plt[n-1];
// GOT.PLT[n] is word n of .got.plt (0-2 reserved, 3+i for .rela.plt[i]);
// GOT[n] is slot n of .got.
std::string pltLabel(uint64_t relaPltIndex);
std::string gotPltLabel(uint64_t word);
std::string gotLabel(uint64_t slot);

// The labels a created slot or entry carries in the JSON form of the log:
// "plt" (PLTn), "got_plt" (.got.plt word index), "got" (.got slot index).
struct SlotLabels {
  std::string plt;
  std::optional<uint64_t> gotPlt, got;
};

class RelocLog {
public:
  explicit RelocLog(bool json) : json(json) {}
  // A relocation applied to section contents.
  void add(Context &ctx, const InputSection &isec, const ElfRela &rel, const Symbol &sym,
           const RelocValues &v, const std::string &formula, uint64_t value,
           const std::string &note);
  // -r / --emit-relocs: what input relocation `rel` became in the output's
  // `relaSection` (offset, type, symbol name, addend); `note` says why it
  // changed, when it did.
  void addRewritten(const InputSection &isec, const ElfRela &rel, const Symbol &sym,
                    const std::string &relaSection, uint64_t offset, uint32_t type,
                    const std::string &symbol, int64_t addend, const std::string &note);
  // A slot or dynamic relocation the linker created ("why": the reason).
  // `value` is what the slot or entry initially holds (for a PLT entry, the
  // address of its .got.plt slot).
  void addSynthetic(const std::string &what, const std::string &section, uint64_t offset,
                    uint64_t address, const std::string &type, std::string_view symbol,
                    uint64_t value, const std::string &why, const SlotLabels &labels = {});
  // Writes the log to `path` ("-": standard output). False on I/O error.
  bool writeTo(const std::string &path, std::string &error) const;

private:
  bool json;
  std::string out;
};

} // namespace mld
