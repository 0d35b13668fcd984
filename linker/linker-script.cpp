// Parser for input-listing linker scripts (GROUP, INPUT, AS_NEEDED,
// OUTPUT_FORMAT, OUTPUT_ARCH, SEARCH_DIR, ENTRY, VERSION) and their symbol
// assignments. It only reads text: finding the named files, sysroot
// prefixes, group semantics and defining the symbols belong to the caller.

#include "linker-script.h"
#include "script-lexing.h"

#include <algorithm>
#include <cctype>
#include <charconv>

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
    if (isAssignmentStart(command))
      return parseAssignment(command, commandLine, false, false);
    if ((command == "PROVIDE" || command == "PROVIDE_HIDDEN" || command == "HIDDEN") &&
        tok.kind == Token::Kind::LParen) {
      bool provide = command != "HIDDEN", hidden = command != "PROVIDE";
      if (!advance())
        return false;
      if (tok.kind != Token::Kind::Word)
        return syntaxError("expected an assignment");
      return parseAssignment(tok.text, tok.line, provide, hidden);
    }
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

  // Whether a statement that starts with `first` (and goes on with tok) is
  // an assignment: `=` (or `+=` and the like) inside the first word or at the
  // start of the next.
  bool isAssignmentStart(const std::string &first) const {
    return first.find('=') != std::string::npos ||
           (tok.kind == Token::Kind::Word &&
            tok.text.find_first_not_of("+-*/&|<>") != std::string::npos &&
            tok.text[tok.text.find_first_not_of("+-*/&|<>")] == '=');
  }

  // NAME = EXPR: the words from `first` (already consumed) up to the end of
  // the statement, a ';' or, inside PROVIDE( and the like, a ')'. EXPR is
  // what --defsym takes; the location counter and operators such as `+=`
  // have no meaning outside SECTIONS here, and are refused by name.
  bool parseAssignment(std::string text, int line, bool provide, bool hidden) {
    bool wrapped = provide || hidden;
    if (wrapped && !advance())
      return false;
    while (tok.kind == Token::Kind::Word) {
      text += " " + tok.text;
      if (!advance())
        return false;
    }
    if (tok.kind != (wrapped ? Token::Kind::RParen : Token::Kind::Semicolon))
      return syntaxError(std::string("expected ") + (wrapped ? "')'" : "';'") + " after '" + text +
                         "' (mld takes NAME = SYMBOL, NUMBER or SYMBOL +- NUMBER)");
    auto lineError = [&](const std::string &msg) {
      error = "line " + std::to_string(line) + ": " + msg;
      return false;
    };
    size_t eq = text.find('=');
    if (eq == std::string::npos)
      return lineError("expected '=' in an assignment");
    size_t nameEnd = text.find_last_not_of(" +-*/&|<>", eq == 0 ? 0 : eq - 1);
    std::string name = eq == 0 || nameEnd == std::string::npos ? "" : text.substr(0, nameEnd + 1);
    std::string op = text.substr(name.size(), eq + 1 - name.size());
    op.erase(std::remove(op.begin(), op.end(), ' '), op.end());
    if (name == ".")
      return lineError("assignment to the location counter '.' is not supported outside SECTIONS");
    if (op != "=")
      return lineError("unsupported assignment operator '" + op + "' (mld takes NAME = EXPR)");
    Defsym d;
    if (!parseSymbolAssignment(name + "=" + text.substr(eq + 1), d))
      return lineError("cannot evaluate '" + text +
                       "' (mld takes NAME = SYMBOL, NUMBER or SYMBOL +- NUMBER)");
    d.provide = provide;
    d.hidden = hidden;
    d.line = line;
    script.assignments.push_back(std::move(d));
    return advance();
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
      // A command or a symbol's name; `. = ...` (the location counter) is
      // a script too, one mld refuses with its line.
      unsigned char c = text[pos];
      size_t next = text.find_first_not_of(" \t", pos + 1);
      return std::isalpha(c) || c == '_' ||
             (c == '.' && next != std::string_view::npos && text[next] == '=');
    }
  }
  return true; // only comments: an empty script
}

bool parseScriptNumber(std::string_view s, uint64_t &out) {
  int base = 10;
  if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
    s.remove_prefix(2);
    base = 16;
  }
  if (s.empty())
    return false;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out, base);
  return ec == std::errc() && ptr == s.data() + s.size();
}

bool parseSymbolAssignment(std::string_view text, Defsym &d) {
  size_t eq = text.find('=');
  auto isNameChar = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '$' ||
           c == '@';
  };
  d.name = text.substr(0, eq);
  bool ok = eq != std::string::npos && !d.name.empty();
  std::string_view expr = ok ? text.substr(eq + 1) : std::string_view();
  bool negate = false, wantTerm = true;
  size_t i = 0;
  while (ok && i < expr.size()) {
    char c = expr[i];
    if (c == ' ' || c == '\t') {
      ++i;
    } else if (c == '+' || c == '-') { // binary, or unary before a term
      negate = wantTerm ? negate != (c == '-') : c == '-';
      wantTerm = true;
      ++i;
    } else if (wantTerm && isNameChar(c)) {
      size_t end = i;
      while (end < expr.size() && isNameChar(expr[end]))
        ++end;
      std::string_view term = expr.substr(i, end - i);
      uint64_t n;
      if (std::isdigit(static_cast<unsigned char>(c))) {
        ok = parseScriptNumber(term, n);
        // Wraps around at 64 bits, as GNU ld's expression arithmetic does.
        d.addend = static_cast<int64_t>(static_cast<uint64_t>(d.addend) + (negate ? 0 - n : n));
      } else {
        ok = d.target.empty() && !negate;
        d.target = term;
      }
      i = end;
      wantTerm = false;
      negate = false;
    } else {
      ok = false;
    }
  }
  return ok && !wantTerm;
}

std::optional<LinkerScript> parseLinkerScript(std::string_view text, std::string &error) {
  return Parser(text).parse(error);
}

} // namespace mld
