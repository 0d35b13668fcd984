// The order of members inside an output section where GNU ld's default
// script sorts them: the init/fini arrays (with the old .ctors/.dtors
// tables folded in) and .text's hot/unlikely groups. Binning (layout.cpp)
// leaves members in link order; orderMembers then applies these rules.
#include "section-order.h"

#include "chunks.h"
#include "context.h"
#include "input-section.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstring>

namespace mld {

using namespace llvm::ELF;

std::string_view arrayOfOldTable(std::string_view name) {
  auto is = [&](std::string_view table) {
    return name.starts_with(table) && (name.size() == table.size() || name[table.size()] == '.');
  };
  if (is(".ctors"))
    return ".init_array";
  if (is(".dtors"))
    return ".fini_array";
  return {};
}

// The priority in ".init_array.00101" (SORT_BY_INIT_PRIORITY): the number,
// or 65535 minus it for ".ctors.NNNNN"/".dtors.NNNNN", whose numbers count
// the other way. Sections without one sort after all prioritized ones.
static constexpr uint64_t kNoPriority = 65536;
static uint64_t initPriority(std::string_view name) {
  size_t dot = name.rfind('.');
  if (dot == 0 || dot == std::string_view::npos)
    return kNoPriority;
  uint64_t v = kNoPriority;
  auto r = std::from_chars(name.data() + dot + 1, name.data() + name.size(), v);
  if (r.ec != std::errc() || r.ptr != name.data() + name.size())
    return kNoPriority;
  if (!arrayOfOldTable(name).empty())
    return v <= 65535 ? 65535 - v : kNoPriority;
  return v;
}

// GNU ld's order of .init_array/.fini_array members: prioritized sections
// by priority, equal priorities by section name (so .ctors.65435 comes
// before .init_array.00100), then the others in link order.
static bool initArrayBefore(const InputSection *a, const InputSection *b) {
  uint64_t pa = initPriority(a->name), pb = initPriority(b->name);
  if (pa != pb)
    return pa < pb;
  return pa != kNoPriority && a->name < b->name;
}

// GNU ld copies a .ctors or .dtors section into .init_array/.fini_array
// with its 8-byte words reversed: the old tables were run from their end
// (.ctors) and from their start (.dtors), the new ones the other way, so
// this keeps the order one file's entries run in. The relocations move
// with their words (and stay sorted by offset).
static void reverseWords(Context &ctx, InputSection &isec) {
  uint64_t size = isec.size;
  if (size % 8 || isec.contents.size() != size)
    return;
  uint8_t *buf = ctx.alloc.Allocate<uint8_t>(size);
  for (uint64_t off = 0; off < size; off += 8)
    memcpy(buf + size - 8 - off, isec.contents.data() + off, 8);
  isec.contents = llvm::ArrayRef<uint8_t>(buf, size);
  size_t n = isec.relas.size();
  ElfRela *relas = ctx.alloc.Allocate<ElfRela>(n);
  for (size_t i = 0; i < n; i++) {
    ElfRela r = isec.relas[n - 1 - i];
    uint64_t off = r.r_offset;
    if (off < size)
      r.r_offset = size - 8 - (off & ~7ull) + (off & 7);
    relas[i] = r;
  }
  isec.relas = llvm::ArrayRef<ElfRela>(relas, n);
}

// Which line of GNU ld's default script for .text takes an input section:
// .text.unlikely (and .text.*_unlikely), .text.exit, .text.startup,
// .text.hot, .text.sorted.* (by name), then everything else. Members are
// ordered by it, link order kept within a line.
static int textGroup(std::string_view name) {
  auto is = [&](std::string_view kind) {
    return name.starts_with(kind) && (name.size() == kind.size() || name[kind.size()] == '.');
  };
  if (!name.starts_with(".text."))
    return 5;
  if (is(".text.unlikely") || name.ends_with("_unlikely"))
    return 0;
  if (is(".text.exit"))
    return 1;
  if (is(".text.startup"))
    return 2;
  if (is(".text.hot"))
    return 3;
  if (name.starts_with(".text.sorted."))
    return 4;
  return 5;
}

// One pass puts each member in its group's bucket (a link can have 10^5
// .text members: no comparison sort over all of them), then only the
// .text.sorted.* bucket is sorted by name.
static void sortTextMembers(OutputSection &osec) {
  auto &m = osec.members;
  std::vector<uint8_t> group(m.size());
  std::array<size_t, 6> count{};
  for (size_t i = 0; i < m.size(); i++)
    count[group[i] = textGroup(m[i]->name)]++;
  if (count[5] == m.size())
    return;
  std::array<std::vector<InputSection *>, 6> buckets;
  for (int g = 0; g < 6; g++)
    buckets[g].reserve(count[g]);
  for (size_t i = 0; i < m.size(); i++)
    buckets[group[i]].push_back(m[i]);
  std::stable_sort(buckets[4].begin(), buckets[4].end(),
                   [](InputSection *a, InputSection *b) { return a->name < b->name; });
  m.clear();
  for (auto &b : buckets)
    m.insert(m.end(), b.begin(), b.end());
}

void orderMembers(Context &ctx, OutputSection &osec) {
  std::string_view n = osec.name;
  if (n == ".init_array" || n == ".fini_array" || n == ".preinit_array") {
    std::stable_sort(osec.members.begin(), osec.members.end(), initArrayBefore);
    // (A .ctors-only output is still an init array, for DT_INIT_ARRAY.)
    osec.shdr.sh_type = n == ".init_array"   ? SHT_INIT_ARRAY
                        : n == ".fini_array" ? SHT_FINI_ARRAY
                                             : SHT_PREINIT_ARRAY;
    for (InputSection *isec : osec.members)
      if (isec->file && !arrayOfOldTable(isec->name).empty())
        reverseWords(ctx, *isec);
  }
  if (n == ".text")
    sortTextMembers(osec);
}

} // namespace mld
