// SHF_MERGE sections: splitting inputs into pieces (strings or fixed-size
// constants) and storing each distinct piece once, in first-seen order, as
// GNU ld does.
//
// A batch of sections is merged in three steps so that the costly parts run
// on every core and the result does not depend on the thread count:
//   1. each section is split and its pieces hashed, section by section in
//      parallel;
//   2. pieces are looked up in the section's table, which is split into
//      shards by hash; shards run in parallel, each walking the batch in
//      link order, so the first piece of each content is the one that wins
//      whatever the scheduling;
//   3. winners get their offsets in link order (a cheap serial walk), and
//      their bytes are copied in parallel.
#include "merged-section.h"
#include "stats.h"

#include "context.h"
#include "parallel.h"
#include "layout.h"
#include "synthetic.h"

#include "llvm/Support/Parallel.h"
#include "llvm/Support/xxhash.h"

#include <cstring>

namespace mld {

using namespace llvm::ELF;

// Below this many pieces a batch is merged on the calling thread: the
// shards are then filled in one pass instead of one pass per shard.
static constexpr size_t parallelPieces = 16384;

MergedSection::MergedSection(Context &ctx, std::string_view name, uint64_t flags, uint32_t type,
                             uint64_t entsize) {
  data = &ctx.newData();
  out = ctx.newSection();
  out->name = ctx.saver.save(std::string(name));
  out->flags = flags & ~(uint64_t)(SHF_MERGE | SHF_STRINGS);
  out->type = type;
  out->entsize = entsize;
  out->align = 1;
}

MergedSection::~MergedSection() = default;

static const uint8_t *pieceBytes(const InputSection &isec, const SectionPiece &p) {
  return isec.contents.data() + p.inputOffset;
}

// Splits `isec` into pieces; each piece's outputOffset holds its content's
// hash until offsets are given out.
static void splitSection(InputSection &isec) {
  llvm::ArrayRef<uint8_t> c = isec.contents;
  bool strings = isec.flags & SHF_STRINGS;
  uint64_t entsize = isec.entsize ? isec.entsize : 1;
  isec.pieces.clear();
  for (uint64_t pos = 0; pos < c.size();) {
    uint64_t len;
    if (strings && entsize == 1) {
      // A string ends at its NUL; an unterminated tail is a piece too.
      const void *nul = memchr(c.data() + pos, 0, c.size() - pos);
      len = nul ? (const uint8_t *)nul - (c.data() + pos) + 1 : c.size() - pos;
    } else if (strings) {
      // Wide strings end at an entsize-wide zero character.
      uint64_t end = pos;
      while (end + entsize <= c.size()) {
        bool zero = true;
        for (uint64_t k = 0; k < entsize; k++)
          zero &= c[end + k] == 0;
        end += entsize;
        if (zero)
          break;
      }
      len = end - pos;
      if (len == 0) // a trailing fragment shorter than one character
        len = c.size() - pos;
    } else {
      len = std::min<uint64_t>(entsize, c.size() - pos);
    }
    uint64_t hash = llvm::xxHash64(llvm::ArrayRef<uint8_t>(c.data() + pos, len));
    isec.pieces.push_back({(uint32_t)pos, (uint32_t)len, hash});
    pos += len;
  }
}

// One shard of a MergedSection's table of distinct pieces: open addressing
// on the precomputed hash. It holds the first piece of each content, whose
// outputOffset is the content's place once the batch that added it is done.
struct MergedSection::Shard {
  struct Slot {
    uint64_t hash;
    const uint8_t *bytes; // null: empty slot
    const SectionPiece *piece;
  };
  std::vector<Slot> slots;
  size_t used = 0;

  // The first piece with p's bytes: p itself if the content is new.
  const SectionPiece *insert(uint64_t hash, const uint8_t *bytes, const SectionPiece *p) {
    if ((used + 1) * 2 > slots.size())
      grow();
    size_t mask = slots.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
      Slot &s = slots[i];
      if (!s.bytes) {
        s = {hash, bytes, p};
        used++;
        return p;
      }
      if (s.hash == hash && s.piece->size == p->size && memcmp(s.bytes, bytes, p->size) == 0)
        return s.piece;
    }
  }

  void grow() {
    std::vector<Slot> old = std::move(slots);
    slots.assign(std::max<size_t>(old.size() * 2, 64), Slot{});
    size_t mask = slots.size() - 1;
    for (const Slot &s : old) {
      if (!s.bytes)
        continue;
      size_t i = s.hash & mask;
      while (slots[i].bytes)
        i = (i + 1) & mask;
      slots[i] = s;
    }
  }
};

// The shard of a hash: its top bits, as the table index uses the low ones.
static size_t shardOf(uint64_t hash) { return hash >> (64 - MergedSection::shardBits); }

void MergedSection::addSplit(Context &ctx, llvm::ArrayRef<InputSection *> inputs) {
  if (!shards)
    shards.reset(new Shard[numShards]);
  // Each piece's index in the batch, and the first piece of its content.
  std::vector<size_t> base(inputs.size() + 1, 0);
  for (size_t i = 0; i < inputs.size(); i++)
    base[i + 1] = base[i] + inputs[i]->pieces.size();
  std::vector<const SectionPiece *> first(base.back());

  // Task t of n fills the shards s with s % n == t.
  size_t tasks = 1;
  if (base.back() >= parallelPieces)
    tasks = std::min<size_t>(numShards, llvm::parallel::strategy.compute_thread_count());
  auto fill = [&](size_t task) {
    for (size_t i = 0; i < inputs.size(); i++) {
      InputSection &isec = *inputs[i];
      for (size_t j = 0; j < isec.pieces.size(); j++) {
        const SectionPiece &p = isec.pieces[j];
        size_t s = shardOf(p.outputOffset);
        if (s % tasks != task)
          continue;
        first[base[i] + j] = shards[s].insert(p.outputOffset, pieceBytes(isec, p), &p);
      }
    }
  };
  llvm::parallelForEachN(0, tasks, fill);

  // Offsets in link order: a new content goes at the end, aligned as its
  // section asks (so .rodata.cst16 constants stay 16-byte aligned). A
  // section's pieces share one alignment, so its new contents lie at fixed
  // distances from the first one's (aligned) place: those distances are
  // found per section in parallel, and only the sections' places in one
  // serial walk. Then new pieces move there, and the others take the
  // place of the first piece with their content.
  bool parallel = base.back() >= parallelPieces;
  auto forEachInput = [&](auto fn) {
    if (parallel)
      parallelForIndices(inputs.size(), 16, fn);
    else
      for (size_t i = 0; i < inputs.size(); i++)
        fn(i);
  };
  auto alignOf = [](const InputSection &isec) { return std::max<uint64_t>(isec.align, 1); };
  std::vector<uint64_t> start(inputs.size()), extent(inputs.size());
  forEachInput([&](size_t i) {
    InputSection &isec = *inputs[i];
    uint64_t pieceAlign = alignOf(isec);
    uint64_t end = 0;
    for (size_t j = 0; j < isec.pieces.size(); j++) {
      SectionPiece &p = isec.pieces[j];
      if (first[base[i] + j] == &p) {
        p.outputOffset = (end + pieceAlign - 1) & ~(pieceAlign - 1);
        end = p.outputOffset + p.size;
      }
    }
    extent[i] = end; // (pieces are never empty: 0 means no new piece)
  });
  uint64_t size = data->size();
  for (size_t i = 0; i < inputs.size(); i++) {
    if (!extent[i])
      continue;
    uint64_t pieceAlign = alignOf(*inputs[i]);
    start[i] = (size + pieceAlign - 1) & ~(pieceAlign - 1);
    size = start[i] + extent[i];
  }
  forEachInput([&](size_t i) {
    InputSection &isec = *inputs[i];
    for (size_t j = 0; j < isec.pieces.size(); j++)
      if (first[base[i] + j] == &isec.pieces[j])
        isec.pieces[j].outputOffset += start[i];
  });
  // Padding between pieces stays zero.
  data->resize(size);
  forEachInput([&](size_t i) {
    InputSection &isec = *inputs[i];
    for (size_t j = 0; j < isec.pieces.size(); j++) {
      SectionPiece &p = isec.pieces[j];
      const SectionPiece *f = first[base[i] + j];
      if (f == &p)
        memcpy(data->data() + p.outputOffset, pieceBytes(isec, p), p.size);
      else
        p.outputOffset = f->outputOffset;
    }
  });

  for (InputSection *isec : inputs) {
    isec->merged = this;
    isec->isAlive = false; // its bytes live in `out` now
  }
  out->contents = llvm::ArrayRef<uint8_t>(data->data(), data->size());
  out->size = data->size();
}

void MergedSection::add(Context &ctx, InputSection &isec) {
  out->align = std::max(out->align, isec.align);
  splitSection(isec);
  InputSection *one = &isec;
  addSplit(ctx, one);
}

// Groups the SHF_MERGE sections (then the linker's own `extra` ones) by
// (output name, flags, entsize), splits them all in parallel, then
// deduplicates each group.
void splitMergeableSections(Context &ctx, llvm::ArrayRef<InputSection *> sections,
                            llvm::ArrayRef<InputSection *> extra) {
  ScopedTimer timer(ctx, "splitMergeableSections");
  std::vector<std::pair<MergedSection *, std::vector<InputSection *>>> groups;
  std::vector<InputSection *> all;
  // Consecutive sections usually share a group: remember the last one.
  const InputSection *last = nullptr;
  size_t lastGroup = 0;
  auto place = [&](InputSection *isec) {
    if (!last || isec->name != last->name || isec->flags != last->flags ||
        isec->entsize != last->entsize) {
      std::string outName(outputSectionName(isec->name, isec->flags));
      uint64_t flags = isec->flags & ~(uint64_t)SHF_GROUP;
      auto key = std::make_tuple(outName, flags, isec->entsize);
      MergedSection *&ms = ctx.mergedSections[key];
      if (!ms) {
        ms = new MergedSection(ctx, outName, flags, isec->type, isec->entsize);
        ctx.mergedStorage.emplace_back(ms);
      }
      lastGroup = groups.size();
      for (size_t g = 0; g < groups.size(); g++)
        if (groups[g].first == ms)
          lastGroup = g;
      if (lastGroup == groups.size())
        groups.push_back({ms, {}});
      last = isec;
    }
    MergedSection *ms = groups[lastGroup].first;
    ms->out->align = std::max(ms->out->align, isec->align);
    groups[lastGroup].second.push_back(isec);
    all.push_back(isec);
  };
  for (InputSection *isec : sections)
    place(isec);
  for (InputSection *isec : extra)
    place(isec);

  parallelForIndices(all.size(), 16, [&](size_t i) { splitSection(*all[i]); });
  for (auto &[ms, inputs] : groups)
    ms->addSplit(ctx, inputs);
}

} // namespace mld
