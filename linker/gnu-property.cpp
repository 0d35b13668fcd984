// Combining the inputs' GNU property notes (see gnu-property.h).
#include "gnu-property.h"

#include "context.h"
#include "diag.h"

#include "llvm/Support/Endian.h"

#include <cstring>
#include <map>

using llvm::support::endian::read32le;
using llvm::support::endian::write32le;
using namespace llvm::ELF;

static uint64_t alignTo(uint64_t v, uint64_t a) { return (v + a - 1) & ~(a - 1); }

namespace mld {

// GNU_PROPERTY_X86_FEATURE_1_AND and its IBT and SHSTK bits.
constexpr uint32_t kX86Feature1And = 0xc0000002, kFeatureIbt = 1, kFeatureShstk = 2;

// The combining rule of a property type, by the ranges the x86-64 psABI and
// the generic GNU ABI reserve (binutils' elf-properties.c, elfxx-x86.c).
enum class PropRule { And, Or, OrAnd, Unknown };

static PropRule propRule(uint32_t type) {
  for (uint32_t base : {0xb0000000u, 0xc0000000u}) {
    if (type >= base && type < base + 0x8000)
      return PropRule::And;
    if (type >= base + 0x8000 && type < base + 0x10000)
      return PropRule::Or;
    if (base == 0xc0000000u && type >= base + 0x10000 && type < base + 0x18000)
      return PropRule::OrAnd;
  }
  return PropRule::Unknown;
}

// The 4-byte properties of a file's NT_GNU_PROPERTY_TYPE_0 notes.
static std::map<uint32_t, uint32_t> readProperties(Context &ctx, ObjectFile &file) {
  std::map<uint32_t, uint32_t> props;
  for (InputSection *isec : file.sections) {
    // (mergeGnuPropertyNotes has already set them all aside.)
    if (!isec || isec->type != SHT_NOTE || isec->name != ".note.gnu.property")
      continue;
    llvm::ArrayRef<uint8_t> d = isec->contents;
    for (uint64_t off = 0; off + 12 <= d.size();) {
      uint32_t namesz = read32le(&d[off]), descsz = read32le(&d[off + 4]);
      uint32_t type = read32le(&d[off + 8]);
      uint64_t desc = off + 12 + alignTo(namesz, 4);
      uint64_t next = desc + alignTo(descsz, 8);
      if (desc + descsz > d.size()) {
        Error(ctx) << isec->describe() << ": truncated note";
        break;
      }
      if (type == NT_GNU_PROPERTY_TYPE_0 && namesz == 4 && memcmp(&d[off + 12], "GNU", 4) == 0) {
        for (uint64_t p = desc; p + 8 <= desc + descsz;) {
          uint32_t prType = read32le(&d[p]), size = read32le(&d[p + 4]);
          if (size == 4 && p + 12 <= desc + descsz)
            props[prType] = read32le(&d[p + 8]);
          p += 8 + alignTo(size, 8);
        }
      }
      off = next;
    }
  }
  return props;
}

static InputSection *combineGnuProperties(Context &ctx) {
  std::vector<std::map<uint32_t, uint32_t>> perFile;
  std::map<uint32_t, uint32_t> all; // type -> number of files having it
  for (ObjectFile *file : ctx.objs) {
    perFile.push_back(readProperties(ctx, *file));
    for (auto [type, v] : perFile.back())
      all[type]++;
  }
  std::vector<std::pair<uint32_t, uint32_t>> out;
  for (auto [type, count] : all) {
    PropRule rule = propRule(type);
    bool everyFile = count == perFile.size();
    if (rule == PropRule::Unknown ||
        ((rule == PropRule::And || rule == PropRule::OrAnd) && !everyFile))
      continue;
    uint32_t v = rule == PropRule::And ? ~0u : 0;
    for (auto &props : perFile)
      if (auto it = props.find(type); it != props.end())
        v = rule == PropRule::And ? v & it->second : v | it->second;
    if (rule == PropRule::And && v == 0)
      continue;
    out.push_back({type, v});
  }
  if (out.empty())
    return nullptr;
  std::vector<uint8_t> &data = ctx.newData();
  data.resize(16 + out.size() * 16);
  write32le(&data[0], 4);
  write32le(&data[4], out.size() * 16);
  write32le(&data[8], NT_GNU_PROPERTY_TYPE_0);
  memcpy(&data[12], "GNU", 4);
  for (size_t i = 0; i < out.size(); i++) {
    write32le(&data[16 + i * 16], out[i].first);
    write32le(&data[20 + i * 16], 4);
    write32le(&data[24 + i * 16], out[i].second);
  }
  InputSection *isec = ctx.newSection();
  isec->contents = data;
  isec->size = data.size();
  return isec;
}

// The properties of a note combineGnuProperties (or the options) wrote:
// one 16-byte record (type, size 4, value, padding) after the header.
static std::map<uint32_t, uint32_t> combinedProperties(const InputSection *note) {
  std::map<uint32_t, uint32_t> props;
  if (note)
    for (size_t off = 16; off + 12 <= note->contents.size(); off += 16)
      props[read32le(&note->contents[off])] = read32le(&note->contents[off + 8]);
  return props;
}

// -z shstk and -z ibt mark the output shadow-stack or IBT compatible
// whatever the inputs say; -z x86-64-vN adds that level to the ISA levels
// needed (as GNU ld does).
static void addOptionProperties(Context &ctx, InputSection *&note) {
  const Config &cfg = ctx.config;
  if (!cfg.zShstk && !cfg.zIbt && !cfg.isaLevelNeeded)
    return;
  std::map<uint32_t, uint32_t> props = combinedProperties(note);
  if (cfg.zShstk)
    props[kX86Feature1And] |= kFeatureShstk;
  if (cfg.zIbt)
    props[kX86Feature1And] |= kFeatureIbt;
  if (cfg.isaLevelNeeded)
    props[0xc0008002] |= cfg.isaLevelNeeded; // GNU_PROPERTY_X86_ISA_1_NEEDED
  std::vector<uint8_t> &data = ctx.newData();
  data.assign(16 + props.size() * 16, 0);
  write32le(&data[0], 4);
  write32le(&data[4], props.size() * 16);
  write32le(&data[8], NT_GNU_PROPERTY_TYPE_0);
  memcpy(&data[12], "GNU", 4);
  size_t off = 16;
  for (auto [type, value] : props) {
    write32le(&data[off], type);
    write32le(&data[off + 4], 4);
    write32le(&data[off + 8], value);
    off += 16;
  }
  if (!note) {
    note = ctx.newSection();
    note->name = ".note.gnu.property";
    note->type = SHT_NOTE;
    note->flags = SHF_ALLOC;
  }
  note->contents = data;
  note->size = data.size();
  note->align = 8;
}

// -z cet-report: each input without the IBT or SHSTK property is named
// (GNU ld's wording), except for a feature -z ibt / -z shstk forces.
static void reportMissingCet(Context &ctx) {
  const Config &cfg = ctx.config;
  if (cfg.cetReport == Config::CetReport::None)
    return;
  for (ObjectFile *file : ctx.objs) {
    uint32_t f = 0;
    if (auto props = readProperties(ctx, *file); props.count(kX86Feature1And))
      f = props[kX86Feature1And];
    bool noIbt = !(f & kFeatureIbt) && !cfg.zIbt, noShstk = !(f & kFeatureShstk) && !cfg.zShstk;
    if (!noIbt && !noShstk)
      continue;
    std::string what = noIbt && noShstk ? "IBT and SHSTK properties"
                       : noIbt          ? "IBT property"
                                        : "SHSTK property";
    if (cfg.cetReport == Config::CetReport::Error)
      Error(ctx) << file->displayName() << ": missing " << what;
    else
      Warn(ctx) << file->displayName() << ": missing " << what;
  }
}

// The IBT-enabled PLT is used when the output is marked IBT compatible
// (every input is, or -z ibt) or -z ibtplt asks for it, as GNU ld decides.
static void chooseIbtPlt(Context &ctx, const InputSection *note) {
  std::map<uint32_t, uint32_t> props = combinedProperties(note);
  ctx.ibtPlt = ctx.config.zIbt || ctx.config.zIbtPlt ||
               (props[kX86Feature1And] & kFeatureIbt); // (createSyntheticSections splits the PLT)
}

void mergeGnuPropertyNotes(Context &ctx) {
  reportMissingCet(ctx);
  InputSection *first = nullptr;
  for (ObjectFile *file : ctx.objs)
    for (InputSection *isec : file->sections)
      if (isec && isec->isAlive && isec->type == SHT_NOTE && isec->name == ".note.gnu.property") {
        if (!first)
          first = isec;
        isec->isAlive = false;
      }
  InputSection *combined = first ? combineGnuProperties(ctx) : nullptr;
  if (!ctx.config.relocatable) {
    addOptionProperties(ctx, combined);
    chooseIbtPlt(ctx, combined);
  }
  if (!combined)
    return;
  if (!first) {
    // Only the command line asked for a note: binSections places it.
    ctx.gnuPropertyNote = combined;
    return;
  }
  // The first note's section carries the result, so it is placed where
  // that note was.
  first->isAlive = true;
  first->contents = combined->contents;
  first->size = combined->size;
  first->align = 8;
  first->relas = {};
}

} // namespace mld
