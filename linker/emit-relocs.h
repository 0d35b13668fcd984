// --emit-relocs / -q: the linked output keeps its relocations, in one
// .rela<name> section per output section that had any, against the final
// addresses and the output's .symtab (as GNU ld writes them).
#pragma once

namespace mld {
struct Context;
// After binning: the .rela sections and the section symbols they refer to.
void createEmitRelocSections(Context &ctx);
// Once addresses are final: the relocations themselves.
void fillEmitRelocSections(Context &ctx);
} // namespace mld
