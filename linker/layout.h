// Layout passes: from resolved input sections to output sections with final
// addresses. See layout.cpp for what each pass leaves behind.
#pragma once

#include <string_view>
#include <vector>

#include "llvm/ADT/ArrayRef.h"

namespace mld {
struct Context;
struct InputSection;

void convertCommonSymbols(Context &ctx);
// Applies -s/-S to debug sections and lists the live sections that
// pruneEhFrames and splitMergeableSections work on, in link order.
struct SectionsToPrepare {
  std::vector<InputSection *> ehFrames;
  std::vector<InputSection *> mergeable;
};
SectionsToPrepare findSectionsToPrepare(Context &ctx);
void binSections(Context &ctx);
void finalizeChunks(Context &ctx);
void createSegments(Context &ctx);
void assignAddresses(Context &ctx);
// The file offsets of the sections that are not loaded and of the section
// header table, from ctx.loadedEnd on (assignAddresses calls it; again
// after --compress-debug-sections changes their sizes).
void placeUnloadedChunks(Context &ctx);

// ".text.foo" -> ".text" and the other GNU ld section-name rules.
std::string_view outputSectionName(std::string_view name, uint64_t flags);
} // namespace mld
