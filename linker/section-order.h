// Member order inside output sections, GNU ld's default-script rules (see
// section-order.cpp).
#pragma once

#include <string_view>

namespace mld {
struct Context;
class OutputSection;

// GNU ld's default script puts the old constructor and destructor tables
// (.ctors, .ctors.NNNNN, .dtors, ...) into .init_array and .fini_array:
// the output section for such a name, or "" for any other name. (The
// script excludes crtbegin.o's and crtend.o's, which have none with gcc 12.)
std::string_view arrayOfOldTable(std::string_view name);

// Sorts an output section's members (init/fini arrays by priority, with the
// old tables' entries reversed; .text by hot/unlikely group), where GNU
// ld's default script does. Called once binning has placed every member.
void orderMembers(Context &ctx, OutputSection &osec);
} // namespace mld
