// Proves GNU ld's resolution table (strong/weak/common/shared/undefined, both
// orders), duplicates, weak-only references and visibility merging.

#include "symbol-table.h"

#include "unit-helpers.h"

#include <gtest/gtest.h>

using namespace mld;
using namespace llvm::ELF;
using mld::test::fakeObject;

namespace {

class SymbolResolution : public testing::Test {
protected:
  void SetUp() override {
    a = fakeObject("a.o");
    b = fakeObject("b.o");
    c = fakeObject("c.o");
    text[0].file = a.get();
    text[1].file = b.get();
    text[2].file = c.get();
    for (InputSection &s : text)
      s.name = ".text";
  }

  // A definition in x.o's .text at `value`.
  SymbolClaim strong(int fileIndex, uint64_t value = 0) {
    return {SymbolKind::Defined, STB_GLOBAL, STT_FUNC, STV_DEFAULT, fileOf(fileIndex),
            &text[fileIndex],    value,      4,        false,       1};
  }
  SymbolClaim weak(int fileIndex, uint64_t value = 0) {
    SymbolClaim cl = strong(fileIndex, value);
    cl.binding = STB_WEAK;
    return cl;
  }
  SymbolClaim common(int fileIndex, uint64_t size, uint64_t align) {
    return {SymbolKind::Common,
            STB_GLOBAL,
            STT_OBJECT,
            STV_DEFAULT,
            fileOf(fileIndex),
            nullptr,
            0,
            size,
            false,
            align};
  }
  SymbolClaim undef(int fileIndex, uint8_t binding = STB_GLOBAL, uint8_t type = STT_NOTYPE) {
    return {SymbolKind::Undefined,
            binding,
            type,
            STV_DEFAULT,
            fileOf(fileIndex),
            nullptr,
            0,
            0,
            false,
            1};
  }
  // A shared library's definition (the file pointer is irrelevant here).
  SymbolClaim shared(uint8_t visibility = STV_DEFAULT) {
    return {SymbolKind::Shared,
            STB_GLOBAL,
            STT_FUNC,
            visibility,
            nullptr,
            nullptr,
            0x1234,
            8,
            false,
            1};
  }
  SymbolClaim withVisibility(SymbolClaim cl, uint8_t v) {
    cl.visibility = v;
    return cl;
  }

  InputFile *fileOf(int i) { return i == 0 ? (InputFile *)a.get() : i == 1 ? b.get() : c.get(); }

  bool resolve(const SymbolClaim &cl, bool allowMultiple = false) {
    return table.resolve(*sym, cl, allowMultiple);
  }

  std::unique_ptr<ObjectFile> a, b, c;
  InputSection text[3];
  SymbolTable table;
  Symbol *sym = table.intern("foo");
};

TEST_F(SymbolResolution, InternReturnsTheSameSymbolForTheSameName) {
  EXPECT_EQ(table.intern("foo"), sym);
  Symbol *bar = table.intern("bar");
  EXPECT_NE(bar, sym);
  EXPECT_EQ(table.find("bar"), bar);
  EXPECT_EQ(table.find("baz"), nullptr);
  ASSERT_EQ(table.symbols.size(), 2u);
  EXPECT_EQ(table.symbols[0], sym);
  EXPECT_EQ(table.symbols[1], bar);
  EXPECT_EQ(sym->name, "foo");
  EXPECT_TRUE(sym->isUndefined());
}

TEST_F(SymbolResolution, InternKeepsSymbolsStableAcrossManyBlocks) {
  // Symbols live in fixed blocks: pointers handed out earlier stay valid.
  std::vector<std::string> names;
  for (int i = 0; i < 10000; i++)
    names.push_back("s" + std::to_string(i));
  std::vector<Symbol *> ptrs;
  for (const std::string &n : names)
    ptrs.push_back(table.intern(n));
  for (size_t i = 0; i < names.size(); i++) {
    EXPECT_EQ(table.find(names[i]), ptrs[i]);
    EXPECT_EQ(ptrs[i]->name, names[i]);
  }
}

TEST_F(SymbolResolution, DefinitionReplacesUndefined) {
  EXPECT_FALSE(resolve(undef(0)));
  EXPECT_EQ(sym->file, a.get()); // the first referrer, for messages
  EXPECT_TRUE(resolve(strong(1, 0x10)));
  EXPECT_TRUE(sym->isDefined());
  EXPECT_EQ(sym->file, b.get());
  EXPECT_EQ(sym->section, &text[1]);
  EXPECT_EQ(sym->value, 0x10u);
  EXPECT_EQ(sym->type, STT_FUNC);
  EXPECT_FALSE(sym->isWeakRefOnly);
}

TEST_F(SymbolResolution, StrongDefinitionReplacesWeak) {
  EXPECT_TRUE(resolve(weak(0)));
  EXPECT_TRUE(resolve(strong(1, 8)));
  EXPECT_EQ(sym->file, b.get());
  EXPECT_EQ(sym->binding, STB_GLOBAL);
  EXPECT_EQ(sym->value, 8u);
  EXPECT_TRUE(table.duplicates.empty());
}

TEST_F(SymbolResolution, WeakDefinitionDoesNotReplaceStrong) {
  EXPECT_TRUE(resolve(strong(0, 4)));
  EXPECT_FALSE(resolve(weak(1, 8)));
  EXPECT_EQ(sym->file, a.get());
  EXPECT_EQ(sym->binding, STB_GLOBAL);
  EXPECT_EQ(sym->value, 4u);
  EXPECT_TRUE(table.duplicates.empty());
}

TEST_F(SymbolResolution, SecondWeakDefinitionKeepsTheFirst) {
  EXPECT_TRUE(resolve(weak(0, 4)));
  EXPECT_FALSE(resolve(weak(1, 8)));
  EXPECT_EQ(sym->file, a.get());
  EXPECT_EQ(sym->value, 4u);
  EXPECT_EQ(sym->binding, STB_WEAK);
  EXPECT_TRUE(table.duplicates.empty());
}

TEST_F(SymbolResolution, TwoStrongDefinitionsRecordDuplicateWithBothLocations) {
  EXPECT_TRUE(resolve(strong(0, 0)));
  EXPECT_FALSE(resolve(strong(1, 0x1c)));
  ASSERT_EQ(table.duplicates.size(), 1u);
  const DuplicateDef &d = table.duplicates[0];
  EXPECT_EQ(d.sym, sym);
  EXPECT_EQ(d.first, "a.o:(.text+0x0)");
  EXPECT_EQ(d.second, "b.o:(.text+0x1c)");
  // The first definition stays in place.
  EXPECT_EQ(sym->file, a.get());
  EXPECT_EQ(sym->section, &text[0]);
}

TEST_F(SymbolResolution, DuplicateOfAbsoluteDefinitionNamesTheFile) {
  SymbolClaim abs = strong(1, 0x1000);
  abs.section = nullptr;
  abs.isAbsolute = true;
  EXPECT_TRUE(resolve(strong(0, 4)));
  EXPECT_FALSE(resolve(abs));
  ASSERT_EQ(table.duplicates.size(), 1u);
  EXPECT_EQ(table.duplicates[0].first, "a.o:(.text+0x4)");
  EXPECT_EQ(table.duplicates[0].second, "b.o");
}

TEST_F(SymbolResolution, AllowMultipleDefinitionKeepsTheFirstSilently) {
  EXPECT_TRUE(resolve(strong(0, 4), true));
  EXPECT_FALSE(resolve(strong(1, 8), true));
  EXPECT_TRUE(table.duplicates.empty());
  EXPECT_EQ(sym->file, a.get());
  EXPECT_EQ(sym->value, 4u);
}

TEST_F(SymbolResolution, CommonsMergeToLargestSizeAndLargestAlignment) {
  EXPECT_TRUE(resolve(common(0, 4, 4)));
  EXPECT_FALSE(resolve(common(1, 16, 8)));
  EXPECT_FALSE(resolve(common(2, 8, 32)));
  EXPECT_EQ(sym->kind, SymbolKind::Common);
  EXPECT_EQ(sym->size, 16u);
  EXPECT_EQ(sym->commonAlign, 32u);
  // The file with the largest one is named as the definer.
  EXPECT_EQ(sym->file, b.get());
  EXPECT_TRUE(table.duplicates.empty());
}

TEST_F(SymbolResolution, CommonsOfEqualSizeKeepTheFirstFile) {
  EXPECT_TRUE(resolve(common(0, 8, 8)));
  EXPECT_FALSE(resolve(common(1, 8, 4)));
  EXPECT_EQ(sym->file, a.get());
  EXPECT_EQ(sym->commonAlign, 8u);
}

TEST_F(SymbolResolution, StrongDefinitionReplacesCommon) {
  EXPECT_TRUE(resolve(common(0, 64, 16)));
  EXPECT_TRUE(resolve(strong(1, 4)));
  EXPECT_TRUE(sym->isDefined());
  EXPECT_EQ(sym->file, b.get());
  EXPECT_EQ(sym->size, 4u);
  EXPECT_TRUE(table.duplicates.empty());
}

TEST_F(SymbolResolution, CommonDoesNotReplaceStrongDefinition) {
  EXPECT_TRUE(resolve(strong(0, 4)));
  EXPECT_FALSE(resolve(common(1, 64, 16)));
  EXPECT_TRUE(sym->isDefined());
  EXPECT_EQ(sym->file, a.get());
  EXPECT_TRUE(table.duplicates.empty());
}

TEST_F(SymbolResolution, CommonReplacesWeakDefinition) {
  EXPECT_TRUE(resolve(weak(0)));
  EXPECT_TRUE(resolve(common(1, 16, 8)));
  EXPECT_EQ(sym->kind, SymbolKind::Common);
  EXPECT_EQ(sym->file, b.get());
  EXPECT_EQ(sym->size, 16u);
  EXPECT_EQ(sym->commonAlign, 8u);
}

TEST_F(SymbolResolution, WeakDefinitionDoesNotReplaceCommon) {
  EXPECT_TRUE(resolve(common(0, 16, 8)));
  EXPECT_FALSE(resolve(weak(1)));
  EXPECT_EQ(sym->kind, SymbolKind::Common);
  EXPECT_EQ(sym->file, a.get());
}

TEST_F(SymbolResolution, DefinitionReplacesShared) {
  EXPECT_TRUE(resolve(shared()));
  EXPECT_TRUE(sym->isShared());
  EXPECT_TRUE(resolve(weak(0, 4)));
  EXPECT_TRUE(sym->isDefined());
  EXPECT_EQ(sym->file, a.get());
  EXPECT_EQ(sym->value, 4u);
}

TEST_F(SymbolResolution, SharedDoesNotReplaceDefinitionOrCommon) {
  EXPECT_TRUE(resolve(strong(0, 4)));
  EXPECT_FALSE(resolve(shared()));
  EXPECT_TRUE(sym->isDefined());
  EXPECT_EQ(sym->value, 4u);

  Symbol *bar = table.intern("bar");
  EXPECT_TRUE(table.resolve(*bar, common(1, 8, 8), false));
  EXPECT_FALSE(table.resolve(*bar, shared(), false));
  EXPECT_EQ(bar->kind, SymbolKind::Common);
}

TEST_F(SymbolResolution, SharedReplacesUndefinedAndKeepsTheFirstShared) {
  EXPECT_FALSE(resolve(undef(0)));
  EXPECT_TRUE(resolve(shared()));
  EXPECT_TRUE(sym->isShared());
  EXPECT_EQ(sym->value, 0x1234u);
  SymbolClaim second = shared();
  second.value = 0x9999;
  EXPECT_FALSE(resolve(second));
  EXPECT_EQ(sym->value, 0x1234u);
}

TEST_F(SymbolResolution, UndefinedAfterDefinitionKeepsTheDefinition) {
  EXPECT_TRUE(resolve(strong(0, 4)));
  EXPECT_FALSE(resolve(undef(1)));
  EXPECT_TRUE(sym->isDefined());
  EXPECT_EQ(sym->file, a.get());
  EXPECT_EQ(sym->value, 4u);
  EXPECT_EQ(sym->binding, STB_GLOBAL);
}

TEST_F(SymbolResolution, WeakReferencesOnlyLeaveWeakRefOnlySet) {
  EXPECT_FALSE(resolve(undef(0, STB_WEAK)));
  EXPECT_FALSE(resolve(undef(1, STB_WEAK)));
  EXPECT_TRUE(sym->isWeakRefOnly);
  EXPECT_TRUE(sym->isUndefWeak());
  EXPECT_EQ(sym->binding, STB_WEAK);
  EXPECT_EQ(sym->file, a.get());
}

TEST_F(SymbolResolution, StrongReferenceClearsWeakRefOnly) {
  EXPECT_FALSE(resolve(undef(0, STB_WEAK)));
  EXPECT_FALSE(resolve(undef(1, STB_GLOBAL)));
  EXPECT_FALSE(sym->isWeakRefOnly);
  EXPECT_FALSE(sym->isUndefWeak());
  EXPECT_EQ(sym->binding, STB_GLOBAL);
  // A later weak reference does not make it weak again.
  EXPECT_FALSE(resolve(undef(2, STB_WEAK)));
  EXPECT_FALSE(sym->isWeakRefOnly);
  EXPECT_EQ(sym->binding, STB_GLOBAL);
}

TEST_F(SymbolResolution, UndefinedKeepsTheTypeItsReferencesGive) {
  EXPECT_FALSE(resolve(undef(0, STB_WEAK, STT_FUNC)));
  EXPECT_FALSE(resolve(undef(1, STB_WEAK, STT_OBJECT)));
  EXPECT_EQ(sym->type, STT_FUNC);
}

TEST_F(SymbolResolution, SharedClaimDoesNotCountAsRegularObjectUse) {
  EXPECT_TRUE(resolve(shared()));
  EXPECT_FALSE(sym->isUsedInRegularObj);
  EXPECT_FALSE(resolve(undef(0)));
  EXPECT_TRUE(sym->isUsedInRegularObj);
}

TEST_F(SymbolResolution, HiddenBeatsProtectedBeatsDefault) {
  EXPECT_FALSE(resolve(withVisibility(undef(0), STV_PROTECTED)));
  EXPECT_EQ(sym->visibility, STV_PROTECTED);
  EXPECT_TRUE(resolve(withVisibility(strong(1), STV_DEFAULT)));
  EXPECT_EQ(sym->visibility, STV_PROTECTED);
  EXPECT_FALSE(resolve(withVisibility(undef(2), STV_HIDDEN)));
  EXPECT_EQ(sym->visibility, STV_HIDDEN);
  EXPECT_FALSE(resolve(withVisibility(undef(0), STV_PROTECTED)));
  EXPECT_EQ(sym->visibility, STV_HIDDEN);
}

TEST_F(SymbolResolution, InternalBeatsHidden) {
  EXPECT_TRUE(resolve(withVisibility(strong(0), STV_HIDDEN)));
  EXPECT_FALSE(resolve(withVisibility(undef(1), STV_INTERNAL)));
  EXPECT_EQ(sym->visibility, STV_INTERNAL);
}

TEST_F(SymbolResolution, SharedLibraryVisibilityDoesNotConstrain) {
  EXPECT_TRUE(resolve(shared(STV_PROTECTED)));
  EXPECT_EQ(sym->visibility, STV_DEFAULT);
  EXPECT_TRUE(resolve(withVisibility(strong(0), STV_DEFAULT)));
  EXPECT_EQ(sym->visibility, STV_DEFAULT);
}

TEST_F(SymbolResolution, VisibilityOfALosingClaimStillApplies) {
  // A weak definition loses to the strong one but its visibility counts.
  EXPECT_TRUE(resolve(strong(0)));
  EXPECT_FALSE(resolve(withVisibility(weak(1), STV_HIDDEN)));
  EXPECT_EQ(sym->file, a.get());
  EXPECT_EQ(sym->visibility, STV_HIDDEN);
}

TEST(SymbolTable, DescribeDefinitionUsesSectionThenFileThenInternal) {
  auto a = fakeObject("a.o");
  InputSection sec;
  sec.file = a.get();
  sec.name = ".data";
  Symbol s;
  s.section = &sec;
  s.value = 0x2a;
  EXPECT_EQ(describeDefinition(s), "a.o:(.data+0x2a)");
  s.section = nullptr;
  s.file = a.get();
  EXPECT_EQ(describeDefinition(s), "a.o");
  s.file = nullptr;
  EXPECT_EQ(describeDefinition(s), "<internal>");
}

TEST(SymbolTable, ArchiveMemberIsNamedWithItsArchive) {
  ObjectFile member(llvm::MemoryBufferRef(llvm::StringRef(), "b.o"), "libx.a");
  InputSection sec;
  sec.file = &member;
  sec.name = ".text";
  Symbol s;
  s.section = &sec;
  EXPECT_EQ(describeDefinition(s), "libx.a(b.o):(.text+0x0)");
}

} // namespace
