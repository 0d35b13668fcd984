// Parser for input-listing linker scripts (GROUP, INPUT, AS_NEEDED,
// OUTPUT_FORMAT, OUTPUT_ARCH, SEARCH_DIR, ENTRY, VERSION). It only reads text: finding
// the named files, sysroot prefixes and group semantics belong to the caller.

#include "linker-script.h"
#include "script-lexing.h"

#include <algorithm>
#include <cctype>

namespace mld {

namespace {

struct Token {
  enum class Kind { Word, LParen, RParen, Comma, Semicolon, End };
  Kind kind;
  std::string text;
  int line;
};

// Splits the script into words and punctuation. File names may hold almost
// any character ("=/usr/lib/libc.so.6", "libstdc++.so.6"), so a word ends only
// at whitespace, a parenthesis, a comma, a semicolon or a comment.
class Lexer {
public:
  explicit Lexer(std::string_view text) : text(text) {}

  // Returns false, with error set, on an unterminated comment or string.
  bool next(Token &tok, std::string &error) {
    if (!skipSpaceAndComments(error))
      return false;
    tok.line = line;
    tok.text.clear();
    if (pos == text.size()) {
      tok.kind = Token::Kind::End;
      return true;
    }
    char c = text[pos];
    if (c == '(' || c == ')' || c == ',' || c == ';') {
      tok.kind = c == '('   ? Token::Kind::LParen
                 : c == ')' ? Token::Kind::RParen
                 : c == ',' ? Token::Kind::Comma
                            : Token::Kind::Semicolon;
      tok.text = c;
      ++pos;
      return true;
    }
    tok.kind = Token::Kind::Word;
    if (c == '"') {
      size_t end = text.find('"', pos + 1);
      if (end == std::string_view::npos ||
          text.substr(pos, end - pos).find('\n') != std::string_view::npos) {
        error = "line " + std::to_string(line) + ": unterminated string";
        return false;
      }
      tok.text = text.substr(pos + 1, end - pos - 1);
      pos = end + 1;
      return true;
    }
    while (pos < text.size() && !isDelimiter(pos))
      tok.text += text[pos++];
    return true;
  }

  // VERSION { ... }: the text between the braces, and the line it starts
  // on. Braces nest; comments and quoted names may hold braces. False, with
  // error set, when the block is not closed.
  bool takeBraced(std::string &body, int &startLine, std::string &error) {
    if (!skipSpaceAndComments(error))
      return false;
    if (pos == text.size() || text[pos] != '{') {
      error = "line " + std::to_string(line) + ": expected '{'";
      return false;
    }
    startLine = line;
    size_t start = ++pos;
    int depth = 1;
    while (pos < text.size()) {
      char c = text[pos];
      if (c == '"') {
        size_t end = text.find('"', pos + 1);
        if (end == std::string_view::npos)
          break;
        pos = end + 1;
        continue;
      }
      if (c != '{' && c != '}' && c != '\n' && text.substr(pos, 2) != "/*") {
        ++pos;
        continue;
      }
      if (c == '{' || c == '}' || c == '\n') {
        depth += c == '{' ? 1 : c == '}' ? -1 : 0;
        line += c == '\n';
        if (depth == 0) {
          body = text.substr(start, pos - start);
          ++pos;
          return true;
        }
        ++pos;
        continue;
      }
      if (!skipSpaceAndComments(error))
        return false;
    }
    error = "line " + std::to_string(startLine) + ": VERSION block has no closing '}'";
    return false;
  }

private:
  bool isDelimiter(size_t i) const {
    char c = text[i];
    return std::isspace(static_cast<unsigned char>(c)) || c == '(' || c == ')' || c == ',' ||
           c == ';' || text.substr(i, 2) == "/*";
  }

  bool skipSpaceAndComments(std::string &error) {
    return skipBlanksAndComments(text, pos, line, /*hashComments=*/false, error);
  }

  std::string_view text;
  size_t pos = 0;
  int line = 1;
};

class Parser {
public:
  explicit Parser(std::string_view text) : lexer(text) {}

  std::optional<LinkerScript> parse(std::string &err) {
    if (!advance())
      return fail(err);
    while (tok.kind != Token::Kind::End) {
      if (tok.kind == Token::Kind::Semicolon) {
        if (!advance())
          return fail(err);
        continue;
      }
      if (!parseCommand())
        return fail(err);
    }
    return std::move(script);
  }

private:
  std::optional<LinkerScript> fail(std::string &err) {
    err = error;
    return std::nullopt;
  }

  bool advance() { return lexer.next(tok, error); }

  bool syntaxError(const std::string &msg) {
    error = "line " + std::to_string(tok.line) + ": " + msg;
    return false;
  }

  bool expect(Token::Kind kind, const char *spelling) {
    if (tok.kind != kind)
      return syntaxError(std::string("expected '") + spelling + "'");
    return advance();
  }

  // A command that takes exactly one word: ENTRY(sym), SEARCH_DIR(dir), ...
  bool parseOneWord(std::string &out) {
    if (!expect(Token::Kind::LParen, "("))
      return false;
    if (tok.kind != Token::Kind::Word)
      return syntaxError("expected a name");
    out = tok.text;
    return advance() && expect(Token::Kind::RParen, ")");
  }

  bool parseCommand() {
    if (tok.kind != Token::Kind::Word)
      return syntaxError("unexpected '" + tok.text + "'");
    std::string command = tok.text;
    int commandLine = tok.line;
    // The version script inside VERSION { } has a syntax of its own: its
    // text is taken raw, for the version-script parser.
    if (command == "VERSION") {
      std::string body;
      int bodyLine = 1;
      if (!lexer.takeBraced(body, bodyLine, error))
        return false;
      // Blank lines up to the block keep the version-script parser's line
      // numbers the script's own.
      size_t lines = std::count(script.versionText.begin(), script.versionText.end(), '\n');
      if (size_t(bodyLine - 1) > lines)
        script.versionText.append(bodyLine - 1 - lines, '\n');
      script.versionText += " " + body;
      return advance();
    }
    if (!advance())
      return false;
    if (command == "GROUP" || command == "INPUT")
      return expect(Token::Kind::LParen, "(") && parseInputList(command == "GROUP", false);
    if (command == "OUTPUT_FORMAT")
      return parseOutputFormat();
    if (command == "OUTPUT_ARCH")
      return parseOneWord(script.outputArch);
    if (command == "ENTRY")
      return parseOneWord(script.entry);
    if (command == "SEARCH_DIR") {
      script.searchDirs.emplace_back();
      return parseOneWord(script.searchDirs.back());
    }
    error = "line " + std::to_string(commandLine) + ": unsupported linker script command " +
            command.substr(0, command.find('='));
    return false;
  }

  // OUTPUT_FORMAT(default) or OUTPUT_FORMAT(default, big, little): only the
  // default matters on a little-endian-only target.
  bool parseOutputFormat() {
    if (!expect(Token::Kind::LParen, "("))
      return false;
    bool first = true;
    while (tok.kind == Token::Kind::Word) {
      if (first)
        script.outputFormat = tok.text;
      first = false;
      if (!advance())
        return false;
      if (tok.kind != Token::Kind::Comma)
        break;
      if (!advance())
        return false;
    }
    if (first)
      return syntaxError("expected a name");
    return expect(Token::Kind::RParen, ")");
  }

  // The list after GROUP( or INPUT( or AS_NEEDED(, up to and including ')'.
  // Names are separated by spaces or commas.
  bool parseInputList(bool inGroup, bool asNeeded) {
    for (;;) {
      switch (tok.kind) {
      case Token::Kind::RParen:
        return advance();
      case Token::Kind::Comma:
        if (!advance())
          return false;
        break;
      case Token::Kind::Word:
        if (tok.text == "AS_NEEDED") {
          if (!advance() || !expect(Token::Kind::LParen, "(") || !parseInputList(inGroup, true))
            return false;
          break;
        }
        addInput(tok.text, inGroup, asNeeded);
        if (!advance())
          return false;
        break;
      case Token::Kind::End:
        return syntaxError("expected ')'");
      default:
        return syntaxError("unexpected '" + tok.text + "'");
      }
    }
  }

  void addInput(const std::string &word, bool inGroup, bool asNeeded) {
    ScriptInput in;
    in.isLibrary = word.size() > 2 && word.compare(0, 2, "-l") == 0;
    in.path = in.isLibrary ? word.substr(2) : word;
    in.asNeeded = asNeeded;
    in.inGroup = inGroup;
    script.inputs.push_back(std::move(in));
  }

  Lexer lexer;
  Token tok{Token::Kind::End, "", 1};
  std::string error;
  LinkerScript script;
};

} // namespace

bool looksLikeLinkerScript(std::string_view text) {
  if (text.empty() || text.substr(0, 4096).find('\0') != std::string_view::npos)
    return false;
  size_t pos = 0;
  while (pos < text.size()) {
    if (std::isspace(static_cast<unsigned char>(text[pos]))) {
      ++pos;
    } else if (text.substr(pos, 2) == "/*") {
      size_t end = text.find("*/", pos + 2);
      if (end == std::string_view::npos)
        return true; // the parser reports the unterminated comment
      pos = end + 2;
    } else {
      unsigned char c = text[pos];
      return std::isalpha(c) || c == '_';
    }
  }
  return true; // only comments: an empty script
}

std::optional<LinkerScript> parseLinkerScript(std::string_view text, std::string &error) {
  return Parser(text).parse(error);
}

} // namespace mld
