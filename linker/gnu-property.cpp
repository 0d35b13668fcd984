// GNU property notes in a final link. The inputs' notes are combined as for
// -r (combineGnuProperties: an AND property such as the x86 IBT/SHSTK
// feature bits survives only if every input has it; an OR property such as
// the ISA level needed is the union), then -z options add their bits, as GNU
// ld does: -z shstk marks the output shadow-stack compatible whatever the
// inputs say, -z x86-64-vN adds that ISA level to the levels needed.
#include "gnu-property.h"

#include "context.h"
#include "relocatable.h"

#include "llvm/Support/Endian.h"

#include <map>

namespace mld {

using namespace llvm::ELF;
using llvm::support::endian::read32le;
using llvm::support::endian::write32le;

namespace {
constexpr uint32_t kX86Feature1And = 0xc0000002; // GNU_PROPERTY_X86_FEATURE_1_AND
constexpr uint32_t kX86IsaNeeded = 0xc0008002;   // GNU_PROPERTY_X86_ISA_1_NEEDED
constexpr uint32_t kFeatureShstk = 2;            // GNU_PROPERTY_X86_FEATURE_1_SHSTK
} // namespace

// The (type, 4-byte value) pairs of a note combineGnuProperties wrote: one
// NT_GNU_PROPERTY_TYPE_0 header, then 16-byte properties.
static std::map<uint32_t, uint32_t> decode(const InputSection *note) {
  std::map<uint32_t, uint32_t> props;
  if (!note)
    return props;
  llvm::ArrayRef<uint8_t> d = note->contents;
  for (size_t off = 16; off + 12 <= d.size(); off += 16)
    props[read32le(&d[off])] = read32le(&d[off + 8]);
  return props;
}

InputSection *makeGnuPropertyNote(Context &ctx) {
  const Config &cfg = ctx.config;
  InputSection *combined = combineGnuProperties(ctx);
  for (ObjectFile *file : ctx.objs)
    for (InputSection *isec : file->sections)
      if (isec && isec->type == SHT_NOTE && isec->name == ".note.gnu.property")
        isec->isAlive = false;
  if (combined && !ctx.objs.empty())
    combined->file = ctx.objs.front(); // something to name in messages
  if (!cfg.zShstk && !cfg.isaLevelNeeded)
    return combined;

  std::map<uint32_t, uint32_t> props = decode(combined);
  if (cfg.zShstk)
    props[kX86Feature1And] |= kFeatureShstk;
  if (cfg.isaLevelNeeded)
    props[kX86IsaNeeded] |= cfg.isaLevelNeeded;

  std::vector<uint8_t> &data = ctx.newData();
  data.assign(16 + props.size() * 16, 0);
  write32le(&data[0], 4);                 // namesz: "GNU\0"
  write32le(&data[4], props.size() * 16); // descsz
  write32le(&data[8], NT_GNU_PROPERTY_TYPE_0);
  memcpy(&data[12], "GNU", 4);
  size_t off = 16;
  for (auto [type, value] : props) {
    write32le(&data[off], type);
    write32le(&data[off + 4], 4);
    write32le(&data[off + 8], value); // then 4 bytes of padding to 8
    off += 16;
  }
  InputSection *isec = ctx.newSection();
  isec->file = ctx.objs.empty() ? nullptr : ctx.objs.front();
  isec->name = ".note.gnu.property";
  isec->type = SHT_NOTE;
  isec->flags = SHF_ALLOC;
  isec->align = 8;
  isec->contents = data;
  isec->size = data.size();
  return isec;
}

} // namespace mld
