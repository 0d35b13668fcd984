// The output's .note.gnu.property (NT_GNU_PROPERTY_TYPE_0): what the inputs'
// notes say together, by each property's combining rule, plus what the
// command line adds (-z shstk, -z x86-64-v2/v3/v4).
#pragma once

namespace mld {

struct Context;
struct InputSection;

// Drops the inputs' property notes from the link and returns the one note
// that replaces them, or null when no property survives.
InputSection *makeGnuPropertyNote(Context &ctx);

} // namespace mld
