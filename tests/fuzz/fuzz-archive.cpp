// Fuzz target: an archive, read the way the walk reads one: LLVM's header
// parse, mld's checked index (GNU, GNU64, BSD), every member's bounds, and
// each member that is an object read as a pulled member would be.
#include "fuzz-common.h"
#include "input-files.h"
#include "preload.h"

#include "llvm/Object/Archive.h"

using namespace mld;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  Context ctx(fuzz::fuzzConfig());
  llvm::MemoryBufferRef mb = fuzz::bufferOf(data, size, "libfuzz.a");
  auto arOrErr = openArchive(mb);
  if (!arOrErr) {
    llvm::consumeError(arOrErr.takeError());
    return 0;
  }
  llvm::object::Archive &ar = **arOrErr;
  // Thin members are other files: only the index and headers are read.
  std::vector<ArchiveIndexEntry> index;
  // As the walk does: the format and member headers are checked first.
  if (!fuzz::runQuietly([&] {
        checkArchiveFormat(ctx, ar, "libfuzz.a");
        readArchiveIndex(ctx, ar, "libfuzz.a", index);
      }))
    return 0;
  llvm::Error err = llvm::Error::success();
  for (const auto &child : ar.children(err)) {
    auto name = memberName(ar, child);
    if (!name) {
      llvm::consumeError(name.takeError());
      continue;
    }
    if (ar.isThin())
      continue;
    auto buf = memberBuffer(ar, child);
    if (!buf) {
      llvm::consumeError(buf.takeError());
      continue;
    }
    ObjectFile member(llvm::MemoryBufferRef(buf->getBuffer(), *name), "libfuzz.a");
    fuzz::runQuietly([&] { member.readSections(ctx); });
  }
  llvm::consumeError(std::move(err));
  return 0;
}
