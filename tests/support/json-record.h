// One record of a JSON Lines log (mld's --reloc-log-format=json): a JSON
// object whose members are scalars. Parsed by LLVM's JSON reader in a file
// of its own (json-record.cpp), built as C++17: LLVM 14's JSON.h does not
// compile as C++20 under clang 14 with libstdc++ 12 (std::vector of the
// still incomplete json::Value in constexpr members).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace mld::test {

struct JsonField {
  bool isString = false;          // a JSON string (its text, unescaped, is `text`)
  std::optional<int64_t> integer; // a JSON number that is an integer
  std::string text;               // strings; other scalars as written
};
using JsonRecord = std::map<std::string, JsonField>;

// The members of the object on `line`; nullopt with `error` set if the
// line is not JSON or not an object. Nested values are kept as "" text.
std::optional<JsonRecord> parseJsonRecord(const std::string &line, std::string &error);

} // namespace mld::test
