// Layout passes: from resolved input sections to output sections with final
// addresses. See layout.cpp for what each pass leaves behind.
#pragma once

#include <string_view>

#include "llvm/ADT/ArrayRef.h"

namespace mld {
struct Context;
struct InputSection;

void convertCommonSymbols(Context &ctx);
void stripDebugSections(Context &ctx);
// Splits every live SHF_MERGE section, then the linker-made `extra` ones,
// into pieces, deduplicated in one MergedSection per (output name, flags,
// entsize) (merged-section.cpp).
void splitMergeableSections(Context &ctx,
                            llvm::ArrayRef<InputSection *> extra = {});
void binSections(Context &ctx);
void finalizeChunks(Context &ctx);
void createSegments(Context &ctx);
void assignAddresses(Context &ctx);

// ".text.foo" -> ".text" and the other GNU ld section-name rules.
std::string_view outputSectionName(std::string_view name, uint64_t flags);
} // namespace mld
