// --build-id: a note whose descriptor identifies this exact output, computed
// over the finished file (with the descriptor still zero) so that identical
// inputs give identical ids. And --package-metadata's note.
#include "build-id.h"

#include "context.h"
#include "dynamic.h"

#include "llvm/Support/Endian.h"
#include "llvm/Support/MD5.h"
#include "llvm/Support/Parallel.h"
#include "llvm/Support/RandomNumberGenerator.h"
#include "llvm/Support/SHA1.h"
#include "llvm/Support/xxhash.h"

namespace mld {

using llvm::support::endian::write32le;
using llvm::support::endian::write64le;

static uint32_t idSize(const Config &cfg) {
  switch (cfg.buildId) {
  case BuildId::Fast:
    return 8;
  case BuildId::Md5:
    return 16;
  case BuildId::Uuid:
    return 16;
  case BuildId::Hex:
    return cfg.buildIdHex.size();
  default:
    return 20;
  }
}

void BuildIdSection::computeSize(Context &ctx) {
  hashSize = idSize(ctx.config);
  shdr.sh_size = 16 + hashSize;
}

void BuildIdSection::writeTo(Context &ctx, uint8_t *buf) {
  write32le(buf, 4);                              // namesz
  write32le(buf + 4, hashSize);                   // descsz
  write32le(buf + 8, llvm::ELF::NT_GNU_BUILD_ID); // type
  memcpy(buf + 12, "GNU", 4);
}

void BuildIdSection::finish(Context &ctx, uint8_t *out, uint64_t size) {
  uint8_t *desc = out + shdr.sh_offset + 16;
  llvm::ArrayRef<uint8_t> file(out, size);
  switch (ctx.config.buildId) {
  case BuildId::Fast: {
    // xxHash64 of the xxHash64s of 1 MiB pieces, hashed in parallel.
    constexpr size_t piece = 1 << 20;
    size_t n = (file.size() + piece - 1) / piece;
    std::vector<uint64_t> hashes(n);
    llvm::parallelForEachN(0, n, [&](size_t i) {
      hashes[i] = llvm::xxHash64(
          llvm::toStringRef(file.slice(i * piece, std::min(piece, file.size() - i * piece))));
    });
    write64le(desc, llvm::xxHash64(llvm::StringRef(reinterpret_cast<const char *>(hashes.data()),
                                                   hashes.size() * 8)));
    break;
  }
  case BuildId::Md5: {
    llvm::MD5 h;
    h.update(file);
    llvm::MD5::MD5Result r;
    h.final(r);
    memcpy(desc, r.Bytes.data(), 16);
    break;
  }
  case BuildId::Uuid:
    if (llvm::getRandomBytes(desc, 16))
      memset(desc, 0, 16);
    break;
  case BuildId::Hex:
    memcpy(desc, ctx.config.buildIdHex.data(), hashSize);
    break;
  default: {
    // SHA-1 of the SHA-1s of 1 MiB pieces, hashed in parallel: as unique as
    // a whole-file digest, and deterministic, which is all a build id needs.
    constexpr size_t piece = 1 << 20;
    size_t n = (file.size() + piece - 1) / piece;
    std::vector<uint8_t> digests(n * 20);
    llvm::parallelForEachN(0, n, [&](size_t i) {
      auto d = llvm::SHA1::hash(file.slice(i * piece, std::min(piece, file.size() - i * piece)));
      memcpy(digests.data() + i * 20, d.data(), 20);
    });
    auto digest = llvm::SHA1::hash(digests);
    memcpy(desc, digest.data(), 20);
    break;
  }
  }
}

InputSection *makePackageNote(Context &ctx) {
  const std::string &json = ctx.config.packageMetadata;
  if (json.empty())
    return nullptr;
  constexpr uint32_t kNtFdoPackagingMetadata = 0xcafe1a7e;
  // The descriptor is the JSON text with its NUL, padded to 4 bytes and
  // counted with the padding, as GNU ld 2.40 writes it (the text as given,
  // with no decoding).
  uint32_t descSize = (json.size() + 1 + 3) & ~3u;
  std::string data(16 + descSize, '\0');
  auto *p = reinterpret_cast<uint8_t *>(data.data());
  write32le(p, 4);
  write32le(p + 4, descSize);
  write32le(p + 8, kNtFdoPackagingMetadata);
  memcpy(p + 12, "FDO", 4);
  memcpy(p + 16, json.data(), json.size());
  llvm::StringRef saved = ctx.saver.save(data);
  InputSection *note = ctx.newSection();
  note->name = ".note.package";
  note->type = llvm::ELF::SHT_NOTE;
  note->flags = llvm::ELF::SHF_ALLOC;
  note->align = 4;
  note->contents = llvm::ArrayRef<uint8_t>(saved.bytes_begin(), saved.size());
  note->size = saved.size();
  return note;
}

} // namespace mld
