// Unit tests for loader/lookup.cpp: the global-scope rules on hand-built
// symbol tables (SysV and GNU hash, Bloom filter, versions, weak, canonical
// PLT entries). Each would fail if the rule it names were dropped.
#include "lookup.h"
#include "hash-lookup.h"

#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <vector>

namespace mload {
uint64_t builtinAddress(const char *) { return 0; } // no mload builtins here
} // namespace mload

using namespace mload;

namespace {

// One synthetic module: symbols (index 0 is the null symbol), versions and
// either a SysV (nbucket 1) or a GNU (1 bucket, 1 Bloom word) hash table.
struct FakeModule {
  Module m;
  std::string strtab{'\0'};
  std::vector<Elf64_Sym> syms{Elf64_Sym{}};
  std::vector<uint16_t> versym{0};
  std::vector<const char *> versions{nullptr, nullptr};
  std::vector<uint32_t> hash;
  Elf64_Phdr everything{};

  uint32_t add(const char *name, uint64_t value, unsigned bind, uint16_t shndx, uint16_t ver = 1) {
    Elf64_Sym s{};
    s.st_name = static_cast<uint32_t>(strtab.size());
    strtab += name;
    strtab += '\0';
    s.st_info = ELF64_ST_INFO(bind, STT_FUNC);
    s.st_shndx = shndx;
    s.st_value = value;
    syms.push_back(s);
    versym.push_back(ver);
    return static_cast<uint32_t>(syms.size() - 1);
  }

  void finish(bool gnu, const char *path) {
    uint32_t n = static_cast<uint32_t>(syms.size());
    if (gnu) {
      // [nbuckets=1, symoffset=1, bloomSize=1, bloomShift=6], one 64-bit
      // Bloom word, bucket[0] = 1, then one chain word per symbol.
      hash = {1, 1, 1, 6, 0, 0, 1};
      uint64_t bloom = 0;
      for (uint32_t i = 1; i < n; ++i) {
        uint32_t h = gnuHash(strtab.data() + syms[i].st_name);
        bloom |= (1ull << (h % 64)) | (1ull << ((h >> 6) % 64));
        hash.push_back((h & ~1u) | (i == n - 1 ? 1u : 0u));
      }
      std::memcpy(&hash[4], &bloom, 8);
      m.gnuHash = hash.data();
    } else {
      hash = {1, n, n - 1}; // chain from the last symbol down to 0
      for (uint32_t i = 0; i < n; ++i)
        hash.push_back(i == 0 ? 0 : i - 1);
      m.sysvHash = hash.data();
    }
    m.symtab = syms.data();
    m.strtab = strtab.data();
    m.symCount = syms.size();
    m.versymCount = m.hashedEnd = syms.size(); // (what checkTables sets)
    m.strSize = strtab.size();
    // The tables live on the heap: one readable segment covering all memory.
    everything.p_type = PT_LOAD;
    everything.p_flags = PF_R;
    everything.p_vaddr = 0 - m.base;
    everything.p_memsz = ~0ull;
    m.phdr = &everything;
    m.phnum = 1;
    m.mapEnd = ~0ull;
    m.versym = versym.data();
    m.versionNames = versions.data();
    m.versionCount = static_cast<uint32_t>(versions.size());
    m.path = path;
  }
};

class Lookup : public ::testing::Test {
protected:
  FakeModule exe, lib1, lib2;
  Loader L;
  uint32_t refFoo, refBar, refWhichV1, refWhich, refNewOnly, refMissingWeak, refBaz, refAbsent;

  void SetUp() override {
    // exe: references, and a canonical PLT entry for bar (undefined, value != 0).
    exe.versions.push_back("V1"); // verneed index 2 = V1
    refFoo = exe.add("foo", 0, STB_GLOBAL, SHN_UNDEF);
    refBar = exe.add("bar", 0x2000, STB_GLOBAL, SHN_UNDEF);
    refWhichV1 = exe.add("which", 0, STB_GLOBAL, SHN_UNDEF, 2);
    refWhich = exe.add("which", 0, STB_GLOBAL, SHN_UNDEF);
    refNewOnly = exe.add("newonly", 0, STB_GLOBAL, SHN_UNDEF);
    refMissingWeak = exe.add("nothere", 0, STB_WEAK, SHN_UNDEF);
    refBaz = exe.add("baz", 0, STB_GLOBAL, SHN_UNDEF);
    refAbsent = exe.add("absent", 0, STB_GLOBAL, SHN_UNDEF);
    exe.m.base = 0x10000;
    exe.finish(false, "exe");

    // lib1 (SysV hash): which@V1 (hidden, non-default), which@@V2, foo,
    // bar, and newonly, which exists only as newonly@@V2.
    lib1.versions.push_back("V1");
    lib1.versions.push_back("V2");
    lib1.add("foo", 0x100, STB_WEAK, 1);
    lib1.add("bar", 0x200, STB_GLOBAL, 1);
    lib1.add("which", 0x300, STB_GLOBAL, 1, 0x8000 | 2);
    lib1.add("which", 0x400, STB_GLOBAL, 1, 3);
    lib1.add("newonly", 0x500, STB_GLOBAL, 1, 3);
    lib1.m.base = 0x100000;
    lib1.finish(false, "lib1");

    // lib2 (GNU hash): another foo (must lose to lib1's) and baz.
    lib2.add("foo", 0x900, STB_GLOBAL, 1);
    lib2.add("baz", 0x910, STB_GLOBAL, 1);
    lib2.m.base = 0x200000;
    lib2.finish(true, "lib2");

    exe.m.next = &lib1.m;
    lib1.m.next = &lib2.m;
    L.head = &exe.m;
    L.tail = &lib2.m;
  }

  Definition resolve(uint32_t index, RefKind kind = RefKind::Data) {
    return resolveSymbol(L, &exe.m, index, kind);
  }
};

TEST_F(Lookup, FirstDefinitionInLoadOrderWinsEvenIfWeak) {
  Definition d = resolve(refFoo);
  ASSERT_TRUE(d.found);
  EXPECT_EQ(d.module, &lib1.m);
  EXPECT_EQ(d.address, 0x100000u + 0x100);
}

TEST_F(Lookup, DataReferenceAcceptsCanonicalPltEntry) {
  Definition d = resolve(refBar, RefKind::Data);
  EXPECT_EQ(d.module, &exe.m);
  EXPECT_EQ(d.address, 0x10000u + 0x2000);
}

TEST_F(Lookup, JumpSlotSkipsCanonicalPltEntry) {
  Definition d = resolve(refBar, RefKind::JumpSlot);
  EXPECT_EQ(d.module, &lib1.m);
  EXPECT_EQ(d.address, 0x100000u + 0x200);
}

TEST_F(Lookup, VersionedReferenceBindsThatVersion) {
  EXPECT_EQ(referenceVersion(&exe.m, refWhichV1), std::string("V1"));
  Definition d = resolve(refWhichV1);
  EXPECT_EQ(d.address, 0x100000u + 0x300);
}

// glibc's rule for references from objects linked without version info:
// the oldest version (index 2) wins, hidden or not...
TEST_F(Lookup, UnversionedReferenceTakesOldestVersion) {
  Definition d = resolve(refWhich);
  EXPECT_EQ(d.address, 0x100000u + 0x300);
}

// ...and a symbol that only exists in a later version is still found when
// there is exactly one non-hidden candidate.
TEST_F(Lookup, UnversionedReferenceFallsBackToOnlyVersion) {
  Definition d = resolve(refNewOnly);
  ASSERT_TRUE(d.found);
  EXPECT_EQ(d.address, 0x100000u + 0x500);
}

TEST_F(Lookup, GnuHashFindsSymbolPastBloomFilter) {
  Definition d = resolve(refBaz);
  ASSERT_TRUE(d.found);
  EXPECT_EQ(d.module, &lib2.m);
  EXPECT_EQ(d.address, 0x200000u + 0x910);
}

TEST_F(Lookup, MissingSymbolIsNotFound) {
  EXPECT_FALSE(resolve(refAbsent).found);
  Definition weak = resolve(refMissingWeak);
  EXPECT_FALSE(weak.found);
  EXPECT_EQ(weak.address, 0u);
}

TEST_F(Lookup, BloomFilterRejectsWithoutTouchingBuckets) {
  // A GNU table whose bucket points at a symbol that would match: if the
  // Bloom word says "absent", the lookup must not get that far.
  lib2.hash[4] = lib2.hash[5] = 0; // empty Bloom filter
  EXPECT_FALSE(resolve(refBaz).found);
}

TEST(ElfHash, KnownValues) {
  EXPECT_EQ(gnuHash(""), 5381u);
  EXPECT_EQ(gnuHash("printf"), 0x156b2bb8u);
  EXPECT_EQ(sysvHash(""), 0u);
  EXPECT_EQ(sysvHash("printf"), 0x077905a6u);
}

} // namespace
