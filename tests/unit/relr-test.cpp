// Proves the .relr.dyn encoder (gABI SHT_RELR, as GNU ld writes it): every
// place comes back from the words, runs start where a bitmap cannot reach
// (63 words on, or not a whole number of words on), and the word count is
// GNU ld's for the same places.

#include "relr.h"

#include <gtest/gtest.h>

using namespace mld;

namespace {

std::vector<uint64_t> roundTrip(const std::vector<uint64_t> &places) {
  return decodeRelr(encodeRelr(places));
}

TEST(Relr, SinglePlaceIsOneAddressWord) {
  std::vector<uint64_t> words = encodeRelr({0x4000});
  EXPECT_EQ(words, std::vector<uint64_t>({0x4000}));
  EXPECT_EQ(roundTrip({0x4000}), std::vector<uint64_t>({0x4000}));
}

TEST(Relr, NoPlacesIsNoWords) { EXPECT_TRUE(encodeRelr({}).empty()); }

TEST(Relr, ConsecutiveWordsShareOneBitmap) {
  // 0x1000 starts the run; the next 63 words fit in one bitmap, all bits set.
  std::vector<uint64_t> places;
  for (uint64_t i = 0; i < 64; i++)
    places.push_back(0x1000 + i * 8);
  std::vector<uint64_t> words = encodeRelr(places);
  ASSERT_EQ(words.size(), 2u);
  EXPECT_EQ(words[0], 0x1000u);
  EXPECT_EQ(words[1], ~uint64_t(0)); // 63 bits and the marker
  EXPECT_EQ(roundTrip(places), places);
}

TEST(Relr, GapOf63WordsStartsANewRun) {
  // After the address word the bitmap covers base .. base + 62 words, base
  // being the word after the address. A place 63 words past base is out of
  // reach: as in GNU ld, no empty bitmap is written to step over the gap,
  // the place gets an address word of its own.
  uint64_t a = 0x2000, base = a + 8;
  std::vector<uint64_t> places = {a, base + 63 * 8};
  EXPECT_EQ(encodeRelr(places), places);
  EXPECT_EQ(roundTrip(places), places);
  // One word nearer, it is the last bit of the first bitmap.
  std::vector<uint64_t> near = {a, base + 62 * 8};
  EXPECT_EQ(encodeRelr(near), std::vector<uint64_t>({a, uint64_t(1) << 63 | 1}));
}

TEST(Relr, GapsOfExactly63And64WordsRoundTrip) {
  // Gaps of 63*8 and 64*8 bytes between consecutive places, and the last
  // place a bitmap can reach (62 words after base).
  std::vector<uint64_t> places = {0x3000};
  places.push_back(places.back() + 63 * 8);
  places.push_back(places.back() + 64 * 8);
  places.push_back(places.back() + 8);
  places.push_back(places.back() + 63 * 8);
  places.push_back(places.back() + 64 * 8);
  EXPECT_EQ(roundTrip(places), places);
  // Within reach: 0x3000, then 0x3000 + 8 + 62*8 is the last bit of the
  // first bitmap.
  std::vector<uint64_t> edge = {0x3000, 0x3000 + 8 + 62 * 8};
  std::vector<uint64_t> words = encodeRelr(edge);
  ASSERT_EQ(words.size(), 2u);
  EXPECT_EQ(words[1], uint64_t(1) << 63 | 1);
  EXPECT_EQ(roundTrip(edge), edge);
}

TEST(Relr, PlaceNotAWholeWordOnStartsANewRun) {
  // GNU ld packs places 2, 4 or 6 bytes off a word boundary too; they
  // cannot be a bitmap bit, so each takes an address word.
  std::vector<uint64_t> places = {0x5000, 0x5008, 0x5014, 0x501e, 0x503a};
  std::vector<uint64_t> words = encodeRelr(places);
  EXPECT_EQ(words, std::vector<uint64_t>({0x5000, 0x3, 0x5014, 0x501e, 0x503a}));
  EXPECT_EQ(roundTrip(places), places);
}

TEST(Relr, ScatteredPlacesRoundTrip) {
  // Runs, holes and far jumps mixed, as the data of a real program.
  std::vector<uint64_t> places;
  uint64_t p = 0x10000;
  for (int i = 0; i < 2000; i++) {
    p += (i % 7 == 0) ? 8 * (1 + i % 97) : (i % 5 == 0 ? 4096 : 8);
    places.push_back(p);
  }
  EXPECT_EQ(roundTrip(places), places);
  EXPECT_LT(encodeRelr(places).size(), places.size());
}

TEST(Relr, PaddingWordsDecodeToNothing) {
  // The section never shrinks: words past the encoding are 1 (an empty
  // bitmap).
  std::vector<uint64_t> words = encodeRelr({0x6000, 0x6010});
  words.push_back(1);
  words.push_back(1);
  EXPECT_EQ(decodeRelr(words), std::vector<uint64_t>({0x6000, 0x6010}));
}

} // namespace
