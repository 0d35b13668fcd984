// Symbol addresses: S, and the addresses of the symbol's GOT and PLT slots.
#include "symbol.h"

#include "context.h"
#include "input-section.h"
#include "synthetic.h"

namespace mld {

uint64_t Symbol::getVA(Context &ctx, int64_t addend) const {
  // A canonical PLT entry is the address of an imported function in a non-PIC
  // executable; a static IFUNC's address is its .iplt entry.
  if (ipltIndex >= 0)
    return ctx.plt->ipltEntryVA(ipltIndex) + addend;
  if ((needs & NeedsCanonicalPlt) && pltIndex >= 0)
    return ctx.plt->entryVA(pltIndex) + addend;
  if (needs & NeedsCopy)
    return getCopyVA(ctx) + addend;
  return getDefinitionVA() + addend;
}

uint64_t Symbol::getDefinitionVA() const { return section ? section->getVA(value) : value; }

uint64_t Symbol::getGotVA(Context &ctx) const {
  return ctx.got->shdr.sh_addr + (uint64_t)gotIndex * 8;
}
uint64_t Symbol::getGotTpVA(Context &ctx) const {
  return ctx.got->shdr.sh_addr + (uint64_t)gotTpIndex * 8;
}
uint64_t Symbol::getTlsGdVA(Context &ctx) const {
  return ctx.got->shdr.sh_addr + (uint64_t)tlsGdIndex * 8;
}
uint64_t Symbol::getTlsDescVA(Context &ctx) const {
  return ctx.got->shdr.sh_addr + (uint64_t)tlsDescIndex * 8;
}
uint64_t Symbol::getPltVA(Context &ctx) const {
  if (pltIndex >= 0)
    return ctx.plt->entryVA(pltIndex);
  return ctx.plt->ipltEntryVA(ipltIndex);
}

bool Symbol::isInDiscardedSection() const {
  if (section)
    return !section->isAlive && !section->isMergeable();
  // A local symbol (a section symbol, usually) whose section was not kept.
  return inDroppedSection;
}

uint16_t Symbol::getOutputShndx() const {
  using namespace llvm::ELF;
  if (isAbsolute)
    return SHN_ABS;
  if (section) {
    const InputSection *s = section->merged ? section->merged->out : section;
    return s->osec ? s->osec->shndx : (uint32_t)SHN_UNDEF;
  }
  if (chunk)
    return chunk->shndx;
  return isDefined() ? SHN_ABS : SHN_UNDEF;
}

} // namespace mld

namespace mld {
uint64_t Symbol::getCopyVA(Context &ctx) const {
  return copySection(ctx)->shdr.sh_addr + copyOffset;
}

CopyRelSection *Symbol::copySection(Context &ctx) const {
  return copyInRelro ? ctx.copyRelRo : ctx.copyRel;
}
std::string_view messageName(const Symbol &sym) {
  if (sym.type == llvm::ELF::STT_SECTION && sym.name.empty() && sym.section)
    return sym.section->name;
  return sym.name;
}

} // namespace mld
