#include "compress.h"

#include "arch-x86-64.h"
#include "context.h"
#include "diag.h"
#include "layout.h"

#include "llvm/Support/Endian.h"
#include "llvm/Support/Parallel.h"

#include <cstring>
#include <new>
#include <zlib.h>
#include <zstd.h>

namespace mld {

using namespace llvm::ELF;

// gABI's ch_type for zstd (LLVM 14's headers predate it).
constexpr uint32_t kCompressZstd = 2;

Decompressed decompressSection(llvm::ArrayRef<uint8_t> data, bool gnuStyle) {
  Decompressed out;
  uint32_t type;
  uint64_t size;
  size_t headerSize;
  if (gnuStyle) {
    if (data.size() < 12 || memcmp(data.data(), "ZLIB", 4) != 0) {
      out.error = "not a ZLIB-compressed .zdebug section";
      return out;
    }
    type = ELFCOMPRESS_ZLIB;
    size = llvm::support::endian::read64be(data.data() + 4);
    headerSize = 12;
  } else {
    if (data.size() < sizeof(Elf64_Chdr)) {
      out.error = "SHF_COMPRESSED section too short for its header";
      return out;
    }
    type = llvm::support::endian::read32le(data.data());
    size = llvm::support::endian::read64le(data.data() + 8);
    out.align = llvm::support::endian::read64le(data.data() + 16);
    headerSize = sizeof(Elf64_Chdr);
    if (out.align == 0)
      out.align = 1;
    if (out.align & (out.align - 1)) {
      out.error =
          "compressed section alignment " + std::to_string(out.align) + " is not a power of two";
      return out;
    }
  }
  if (type != ELFCOMPRESS_ZLIB && type != kCompressZstd) {
    out.error =
        "unknown compression type " + std::to_string(type) + " (only zlib and zstd are supported)";
    return out;
  }
  const uint8_t *in = data.data() + headerSize;
  size_t inSize = data.size() - headerSize;
  // The announced size is checked against what the stream can hold before
  // anything is allocated (a damaged header must not ask for terabytes):
  // deflate expands at most 1032:1; a zstd frame names its own size, and
  // without it a block of 3 bytes expands to at most 128 KiB.
  uint64_t limit = (uint64_t)inSize * (type == ELFCOMPRESS_ZLIB ? 1032 : 43691);
  if (type == kCompressZstd) {
    unsigned long long framed = ZSTD_getFrameContentSize(in, inSize);
    if (framed != ZSTD_CONTENTSIZE_UNKNOWN && framed != ZSTD_CONTENTSIZE_ERROR)
      limit = framed;
  }
  if (size > limit) {
    out.error = "uncompressed size " + std::to_string(size) + " is more than its " +
                std::to_string(inSize) + " compressed bytes can hold";
    return out;
  }
  try {
    out.bytes.resize(size);
  } catch (const std::bad_alloc &) {
    out.error = "uncompressed size " + std::to_string(size) + " is too large";
    return out;
  } catch (const std::length_error &) {
    out.error = "uncompressed size " + std::to_string(size) + " is too large";
    return out;
  }
  bool ok;
  if (type == ELFCOMPRESS_ZLIB) {
    uLongf got = size;
    ok = uncompress(out.bytes.data(), &got, in, inSize) == Z_OK && got == size;
  } else {
    size_t got = ZSTD_decompress(out.bytes.data(), size, in, inSize);
    ok = !ZSTD_isError(got) && got == size;
  }
  if (!ok) {
    out.bytes.clear();
    out.error = std::string("corrupt ") + (type == ELFCOMPRESS_ZLIB ? "zlib" : "zstd") +
                " data (or not the " + std::to_string(size) + " bytes its header announces)";
  }
  return out;
}

std::vector<uint8_t> compressSection(DebugCompression kind, llvm::ArrayRef<uint8_t> data,
                                     uint64_t align) {
  std::vector<uint8_t> out;
  Elf64_Chdr hdr{};
  hdr.ch_type = kind == DebugCompression::Zlib ? uint32_t(ELFCOMPRESS_ZLIB) : kCompressZstd;
  hdr.ch_size = data.size();
  hdr.ch_addralign = align;
  if (kind == DebugCompression::Zlib) {
    uLongf cap = compressBound(data.size());
    out.resize(sizeof(hdr) + cap);
    // Level 6, zlib's default, as GNU ld uses it.
    if (compress2(out.data() + sizeof(hdr), &cap, data.data(), data.size(), 6) != Z_OK)
      return {};
    out.resize(sizeof(hdr) + cap);
  } else {
    size_t cap = ZSTD_compressBound(data.size());
    out.resize(sizeof(hdr) + cap);
    size_t got =
        ZSTD_compress(out.data() + sizeof(hdr), cap, data.data(), data.size(), ZSTD_CLEVEL_DEFAULT);
    if (ZSTD_isError(got))
      return {};
    out.resize(sizeof(hdr) + got);
  }
  memcpy(out.data(), &hdr, sizeof(hdr));
  return out;
}

void compressDebugSections(Context &ctx) {
  DebugCompression kind = ctx.config.compressDebug;
  if (kind == DebugCompression::None || ctx.config.relocatable)
    return;
  std::vector<OutputSection *> todo;
  for (Chunk *c : ctx.chunks)
    if (auto *osec = dynamic_cast<OutputSection *>(c))
      if (!osec->isAlloc() && !osec->isNoBits() && osec->shdr.sh_size &&
          llvm::StringRef(osec->name).startswith(".debug"))
        todo.push_back(osec);
  if (todo.empty())
    return;
  auto compressOne = [&](OutputSection *osec) {
    // The section as writeOutput would write it: members, zeroed gaps,
    // relocations applied.
    std::vector<uint8_t> raw(osec->shdr.sh_size);
    osec->writeTo(ctx, raw.data());
    for (InputSection *isec : osec->members)
      if (!isec->relas.empty() && isec->file)
        applyRelocations(ctx, *isec, raw.data() + isec->offset);
    uint64_t align = std::max<uint64_t>(osec->shdr.sh_addralign, 1);
    std::vector<uint8_t> packed = compressSection(kind, raw, align);
    if (packed.empty() || packed.size() >= raw.size())
      return; // GNU ld too keeps a section that would not shrink as it is
    osec->compressed = std::move(packed);
    osec->shdr.sh_size = osec->compressed.size();
    osec->shdr.sh_flags |= SHF_COMPRESSED;
    osec->shdr.sh_addralign = 8; // Elf64_Chdr's alignment
  };
  // The relocation log lists relocations in output order: then serially.
  if (ctx.relocLog)
    std::for_each(todo.begin(), todo.end(), compressOne);
  else
    llvm::parallelForEach(todo.begin(), todo.end(), compressOne);
  checkpoint(ctx);
  placeUnloadedChunks(ctx);
}

} // namespace mld
