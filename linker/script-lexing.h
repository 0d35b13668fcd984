// What the two small script languages mld reads (linker scripts and version
// scripts / dynamic lists) share at the character level.
#pragma once

#include <cctype>
#include <string>
#include <string_view>

namespace mld {

// Skips white space, /* */ comments and, when `hashComments`, # comments to
// the end of the line, counting lines. False (with `error` set to
// "line N: unterminated comment") on a comment that never ends.
inline bool skipBlanksAndComments(std::string_view text, size_t &pos, int &line, bool hashComments,
                                  std::string &error) {
  while (pos < text.size()) {
    char c = text[pos];
    if (c == '\n') {
      ++line;
      ++pos;
    } else if (std::isspace(static_cast<unsigned char>(c))) {
      ++pos;
    } else if (hashComments && c == '#') {
      size_t end = text.find('\n', pos);
      pos = end == std::string_view::npos ? text.size() : end;
    } else if (text.substr(pos, 2) == "/*") {
      size_t end = text.find("*/", pos + 2);
      if (end == std::string_view::npos) {
        error = "line " + std::to_string(line) + ": unterminated comment";
        return false;
      }
      for (size_t i = pos; i < end; ++i)
        line += text[i] == '\n';
      pos = end + 2;
    } else {
      break;
    }
  }
  return true;
}

} // namespace mld
