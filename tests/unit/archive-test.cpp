// Archive headers are checked before LLVM reads them: BSD "#1/LEN" member
// names that run past the end of the file are refused by openArchive with
// its own message (LLVM's constructor would read them). The archives are
// heap buffers of their exact size, as in fuzz-archive, where ASan caught
// the over-read in LLVM's memcmp.

#include "input-files.h"
#include "preload.h"
#include "shared-file.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

using namespace mld;

namespace {

std::string field(std::string v, size_t width) { return v + std::string(width - v.size(), ' '); }

std::string header(const std::string &name, uint64_t size) {
  return field(name, 16) + field("0", 12) + field("0", 6) + field("0", 6) + field("644", 8) +
         field(std::to_string(size), 10) + "`\n";
}

// The archive's bytes on the heap, with nothing readable after them.
struct HeapArchive {
  explicit HeapArchive(const std::string &bytes)
      : size(bytes.size()), data(new char[bytes.size()]) {
    bytes.copy(data.get(), size);
  }
  llvm::MemoryBufferRef ref() const {
    return llvm::MemoryBufferRef(llvm::StringRef(data.get(), size), "lib.a");
  }
  size_t size;
  std::unique_ptr<char[]> data;
};

std::string openError(const std::string &bytes) {
  HeapArchive a(bytes);
  auto ar = openArchive(a.ref());
  if (ar)
    return "";
  return llvm::toString(ar.takeError());
}

} // namespace

TEST(ArchiveHeaders, FirstBsdNamePastTheEndIsRefusedBeforeLlvmReadsIt) {
  // The name claims 12 bytes, the file has 6 after the header; the header's
  // size (428) would let LLVM's constructor read all 12.
  EXPECT_EQ(openError("!<arch>\n" + header("#1/12", 428) + "__.SYM"),
            "truncated archive: the name of the member at offset 0x8 (12 bytes) runs past the "
            "end of the file");
}

TEST(ArchiveHeaders, BytesAfterTheLengthDoNotHideIt) {
  std::string h = header("#1/12", 428);
  h[12] = 'c'; // the field ends at its first space, as LLVM reads it
  EXPECT_EQ(openError("!<arch>\n" + h + "__.SYM"),
            "truncated archive: the name of the member at offset 0x8 (12 bytes) runs past the "
            "end of the file");
}

TEST(ArchiveHeaders, LaterMemberNamesAreCheckedToo) {
  std::string first = header("#1/4", 6) + std::string("a.o\0xy", 6);
  EXPECT_EQ(openError("!<arch>\n" + first + header("#1/40", 2) + "b."),
            "truncated archive: the name of the member at offset 0x4a (40 bytes) runs past the "
            "end of the file");
}

TEST(ArchiveHeaders, WellFormedBsdArchiveOpens) {
  std::string member = std::string("a.o\0\0\0\0\0", 8) + "data";
  HeapArchive a("!<arch>\n" + header("#1/8", member.size()) + member);
  auto ar = openArchive(a.ref());
  ASSERT_TRUE(static_cast<bool>(ar)) << llvm::toString(ar.takeError());
  EXPECT_EQ((*ar)->kind(), llvm::object::Archive::K_BSD);
  llvm::Error err = llvm::Error::success();
  std::string names;
  for (const auto &child : (*ar)->children(err)) {
    auto name = memberName(**ar, child);
    ASSERT_TRUE(static_cast<bool>(name));
    names += name->str() + ";";
  }
  EXPECT_FALSE(static_cast<bool>(err));
  EXPECT_EQ(names, "a.o;");
}
