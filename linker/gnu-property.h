// .note.gnu.property: the inputs' GNU property notes become one, as GNU ld
// combines them (x86-64 psABI, "Program Property"; binutils'
// elf-properties.c and elfxx-x86.c): an AND-property (IBT, SHSTK) holds
// only if every input has it, an OR-property (ISA needed) if any does, and
// an x86 OR_AND one (ISA used) is the OR when every input has it.
#pragma once

namespace mld {
struct Context;
// Replaces the input .note.gnu.property sections by one: the first keeps
// the combined note (or all go when no property survives). Before binning.
void mergeGnuPropertyNotes(Context &ctx);
} // namespace mld
