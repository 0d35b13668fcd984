// SHF_MERGE sections: pieces deduplicated across inputs. See merged-section.cpp.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "llvm/ADT/ArrayRef.h"

#include "input-section.h"

namespace mld {

struct Context;

// One SHF_MERGE kind (output name, flags, entsize): identical strings or
// constants from every input are stored once. Its data is a linker-made
// InputSection placed in the output section like any other member, so merged
// strings sit inside .rodata as with GNU ld.
class MergedSection {
public:
  MergedSection(Context &ctx, std::string_view name, uint64_t flags, uint32_t type,
                uint64_t entsize);
  ~MergedSection();
  // Splits `isec` into pieces and gives each piece its place here.
  void add(Context &ctx, InputSection &isec);
  // The same for sections already split (splitMergeableSections), in order.
  void addSplit(Context &ctx, llvm::ArrayRef<InputSection *> inputs);

  InputSection *out; // the deduplicated data

  static constexpr unsigned shardBits = 4;
  static constexpr size_t numShards = size_t(1) << shardBits;

private:
  struct Shard;
  std::unique_ptr<Shard[]> shards; // the distinct pieces, by hash
  std::vector<uint8_t> *data;
};

// Splits the SHF_MERGE `sections`, then the linker-made `extra` ones, into
// pieces, deduplicated in one MergedSection per (output name, flags,
// entsize).
void splitMergeableSections(Context &ctx, llvm::ArrayRef<InputSection *> sections,
                            llvm::ArrayRef<InputSection *> extra = {});

} // namespace mld
