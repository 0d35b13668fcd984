// Layout passes: from resolved input sections to output sections with final
// addresses. See layout.cpp for what each pass leaves behind.
#pragma once

#include <string_view>

namespace mld {
struct Context;

void convertCommonSymbols(Context &ctx);
void stripDebugSections(Context &ctx);
void splitMergeableSections(Context &ctx);
void binSections(Context &ctx);
void finalizeChunks(Context &ctx);
void createSegments(Context &ctx);
void assignAddresses(Context &ctx);

// ".text.foo" -> ".text" and the other GNU ld section-name rules.
std::string_view outputSectionName(std::string_view name, uint64_t flags);
} // namespace mld
