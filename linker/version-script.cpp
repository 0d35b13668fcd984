// Version-script and dynamic-list parser, glob matching, and the per-symbol
// version decision. Grammar follows GNU ld's (ldgram.y "vers_node"): a node is
// `[NAME] { [global:|local:] pattern; ... } [PARENT...];`, where a pattern is a
// name, a glob, a quoted name or an `extern "C"|"C++" { ... };` block.

#include "version-script.h"
#include "script-lexing.h"

#include <llvm/Demangle/Demangle.h>

#include <cctype>
#include <unordered_set>

namespace mld {

namespace {

struct Token {
  enum class Kind { Word, String, LBrace, RBrace, Semicolon, Colon, End };
  Kind kind = Kind::End;
  std::string text;
  int line = 1;
};

std::string describe(const Token &tok) {
  switch (tok.kind) {
  case Token::Kind::Word:
    return "'" + tok.text + "'";
  case Token::Kind::String:
    return "\"" + tok.text + "\"";
  case Token::Kind::LBrace:
    return "'{'";
  case Token::Kind::RBrace:
    return "'}'";
  case Token::Kind::Semicolon:
    return "';'";
  case Token::Kind::Colon:
    return "':'";
  case Token::Kind::End:
    return "end of file";
  }
  return "";
}

// Splits the text into tokens up front so the parser can look one token
// ahead (`global` is a section label only when a ':' follows). Patterns may
// hold almost anything (`std::vector<int>*`, `foo(int)`), so a word ends only
// at whitespace, a brace, ';', '"', a comment, or a ':' that is not part of
// a C++ "::".
class Lexer {
public:
  explicit Lexer(std::string_view text) : text(text) {}

  bool tokenize(std::vector<Token> &out, std::string &error) {
    for (;;) {
      if (!skipSpaceAndComments(error))
        return false;
      Token tok;
      tok.line = line;
      if (pos == text.size()) {
        out.push_back(tok);
        return true;
      }
      char c = text[pos];
      if (c == '{' || c == '}' || c == ';' || (c == ':' && !isScopeColon(pos))) {
        tok.kind = c == '{'   ? Token::Kind::LBrace
                   : c == '}' ? Token::Kind::RBrace
                   : c == ';' ? Token::Kind::Semicolon
                              : Token::Kind::Colon;
        ++pos;
      } else if (c == '"') {
        size_t end = text.find('"', pos + 1);
        if (end == std::string_view::npos ||
            text.substr(pos, end - pos).find('\n') != std::string_view::npos) {
          error = "line " + std::to_string(line) + ": unterminated string";
          return false;
        }
        tok.kind = Token::Kind::String;
        tok.text = text.substr(pos + 1, end - pos - 1);
        pos = end + 1;
      } else {
        tok.kind = Token::Kind::Word;
        while (pos < text.size() && !endsWord(pos))
          tok.text += text[pos++];
      }
      out.push_back(std::move(tok));
    }
  }

private:
  bool isScopeColon(size_t i) const {
    return (i + 1 < text.size() && text[i + 1] == ':') || (i > 0 && text[i - 1] == ':');
  }

  bool endsWord(size_t i) const {
    char c = text[i];
    return std::isspace(static_cast<unsigned char>(c)) || c == '{' || c == '}' || c == ';' ||
           c == '"' || c == '#' || (c == ':' && !isScopeColon(i)) || text.substr(i, 2) == "/*";
  }

  bool skipSpaceAndComments(std::string &error) {
    return skipBlanksAndComments(text, pos, line, /*hashComments=*/true, error);
  }

  std::string_view text;
  size_t pos = 0;
  int line = 1;
};

bool isGlobMeta(char c) { return c == '*' || c == '?' || c == '['; }

bool hasUnescapedWildcard(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\')
      ++i;
    else if (isGlobMeta(s[i]))
      return true;
  }
  return false;
}

// `foo\.bar` names the symbol "foo.bar" when used as an exact name.
std::string unescape(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size())
      ++i;
    out += s[i];
  }
  return out;
}

class Parser {
public:
  Parser(std::vector<Token> tokens) : toks(std::move(tokens)) {}

  std::optional<VersionScript> parseScript(std::string &error) {
    if (peek().kind == Token::Kind::End)
      return fail(peek(), "empty version script", error);
    VersionScript script;
    std::unordered_set<std::string> names;
    while (peek().kind != Token::Kind::End) {
      VersionNode node;
      node.line = peek().line;
      if (peek().kind == Token::Kind::Word) {
        node.name = next().text;
        if (peek().kind != Token::Kind::LBrace)
          return fail(peek(),
                      "expected '{' after version name '" + node.name + "', got " +
                          describe(peek()),
                      error);
      } else if (peek().kind != Token::Kind::LBrace) {
        return fail(peek(), "expected a version node, got " + describe(peek()), error);
      }
      bool anonymous = node.name.empty();
      if (anonymous ? !script.nodes.empty() : !script.nodes.empty() && script.nodes[0].name.empty())
        return fail(peek(), "an anonymous version node must be the only node", error);
      if (!anonymous && !names.insert(node.name).second)
        return fail(peek(), "duplicate version node '" + node.name + "'", error);

      if (!parseBody(node.globals, &node.locals, error))
        return std::nullopt;
      // A word followed by '{' starts the next node: the ';' is missing.
      while (peek().kind == Token::Kind::Word && peek(1).kind != Token::Kind::LBrace) {
        const Token &parent = next();
        if (anonymous)
          return fail(parent, "an anonymous version node cannot have dependencies", error);
        if (parent.text == node.name || !names.count(parent.text))
          return fail(parent,
                      "version node '" + node.name + "' depends on undefined version '" +
                          parent.text + "'",
                      error);
        node.parents.push_back(parent.text);
      }
      if (!expectSemicolon(error))
        return std::nullopt;
      script.nodes.push_back(std::move(node));
    }
    return script;
  }

  std::optional<std::vector<VersionPattern>> parseDynamicList(std::string &error) {
    if (peek().kind == Token::Kind::End)
      return fail(peek(), "empty dynamic list", error);
    std::vector<VersionPattern> patterns;
    while (peek().kind != Token::Kind::End) {
      if (peek().kind != Token::Kind::LBrace)
        return fail(peek(), "expected '{', got " + describe(peek()), error);
      if (!parseBody(patterns, nullptr, error) || !expectSemicolon(error))
        return std::nullopt;
    }
    return patterns;
  }

private:
  const Token &peek(size_t ahead = 0) const { return toks[std::min(pos + ahead, toks.size() - 1)]; }
  const Token &next() {
    const Token &tok = peek();
    if (pos < toks.size() - 1)
      ++pos;
    return tok;
  }

  std::nullopt_t fail(const Token &at, const std::string &msg, std::string &error) {
    error = "line " + std::to_string(at.line) + ": " + msg;
    return std::nullopt;
  }

  // After a pattern or a closing '}': GNU ld and lld both insist on the ';'.
  bool expectSemicolon(std::string &error) {
    const Token &prev = toks[pos == 0 ? 0 : pos - 1];
    if (peek().kind == Token::Kind::Semicolon) {
      next();
      return true;
    }
    fail(prev, "missing ';' after " + describe(prev), error);
    return false;
  }

  bool isSectionLabel() const {
    return peek().kind == Token::Kind::Word &&
           (peek().text == "global" || peek().text == "local") &&
           peek(1).kind == Token::Kind::Colon;
  }

  // Reads `{ ... }` starting at the '{'. With locals == nullptr (a dynamic
  // list) a `local:` label is an error.
  bool parseBody(std::vector<VersionPattern> &globals, std::vector<VersionPattern> *locals,
                 std::string &error) {
    const Token &open = next();
    std::vector<VersionPattern> *section = &globals;
    for (;;) {
      const Token &tok = peek();
      switch (tok.kind) {
      case Token::Kind::RBrace:
        next();
        return true;
      case Token::Kind::End:
        fail(tok, "missing '}' for the '{' on line " + std::to_string(open.line), error);
        return false;
      case Token::Kind::Semicolon:
        next(); // an empty statement, harmless
        continue;
      case Token::Kind::LBrace:
      case Token::Kind::Colon:
        fail(tok, "unexpected " + describe(tok), error);
        return false;
      case Token::Kind::Word:
      case Token::Kind::String:
        break;
      }
      if (isSectionLabel()) {
        if (tok.text == "local" && !locals) {
          fail(tok, "'local:' is not allowed in a dynamic list", error);
          return false;
        }
        section = tok.text == "local" ? locals : &globals;
        next();
        next();
        continue;
      }
      // `extern;` is a symbol that happens to be called extern.
      Token::Kind after = peek(1).kind;
      if (tok.kind == Token::Kind::Word && tok.text == "extern" &&
          after != Token::Kind::Semicolon && after != Token::Kind::RBrace) {
        next();
        if (!parseExtern(*section, error))
          return false;
      } else {
        section->push_back(makePattern(next(), false));
      }
      if (!expectSemicolon(error))
        return false;
    }
  }

  // `extern "C++" { a; b* }` (the ';' before '}' is optional, as in ldgram.y's
  // opt_semicolon); the caller reads the ';' after the block.
  bool parseExtern(std::vector<VersionPattern> &out, std::string &error) {
    const Token &lang = next();
    if (lang.kind != Token::Kind::String && lang.kind != Token::Kind::Word) {
      fail(lang, "expected a language after 'extern', got " + describe(lang), error);
      return false;
    }
    if (lang.text != "C" && lang.text != "C++") {
      fail(lang, "unsupported language in extern: " + describe(lang), error);
      return false;
    }
    bool isCxx = lang.text == "C++";
    if (peek().kind != Token::Kind::LBrace) {
      fail(peek(), "expected '{' after extern " + describe(lang) + ", got " + describe(peek()),
           error);
      return false;
    }
    const Token &open = next();
    for (;;) {
      const Token &tok = peek();
      if (tok.kind == Token::Kind::RBrace) {
        next();
        return true;
      }
      if (tok.kind == Token::Kind::End) {
        fail(tok, "missing '}' for the '{' on line " + std::to_string(open.line), error);
        return false;
      }
      if (tok.kind != Token::Kind::Word && tok.kind != Token::Kind::String) {
        fail(tok, "unexpected " + describe(tok) + " in extern " + describe(lang), error);
        return false;
      }
      out.push_back(makePattern(next(), isCxx));
      if (peek().kind == Token::Kind::RBrace)
        continue;
      if (!expectSemicolon(error))
        return false;
    }
  }

  static VersionPattern makePattern(const Token &tok, bool isCxx) {
    VersionPattern pat;
    pat.isCxx = isCxx;
    pat.hasWildcard = tok.kind == Token::Kind::Word && hasUnescapedWildcard(tok.text);
    // An exact name is stored as the symbol name it denotes, so that matching
    // is a plain comparison; quoted text is taken literally.
    bool literal = pat.hasWildcard || tok.kind == Token::Kind::String;
    pat.pattern = literal ? tok.text : unescape(tok.text);
    return pat;
  }

  std::vector<Token> toks;
  size_t pos = 0;
};

std::optional<std::vector<Token>> tokenize(std::string_view text, std::string &error) {
  std::vector<Token> toks;
  if (!Lexer(text).tokenize(toks, error))
    return std::nullopt;
  return toks;
}

// Matches one bracket expression starting at pat[p] == '['. Returns false in
// `valid` when there is no closing ']' (then '[' is an ordinary character).
bool matchClass(std::string_view pat, size_t p, unsigned char ch, size_t &next, bool &valid) {
  size_t i = p + 1;
  bool negate = i < pat.size() && (pat[i] == '!' || pat[i] == '^');
  if (negate)
    ++i;
  bool matched = false;
  bool first = true;
  auto readChar = [&](unsigned char &c) {
    if (pat[i] == '\\' && i + 1 < pat.size())
      ++i;
    c = pat[i++];
  };
  while (i < pat.size()) {
    if (pat[i] == ']' && !first) {
      next = i + 1;
      valid = true;
      return matched != negate;
    }
    first = false;
    unsigned char lo;
    readChar(lo);
    unsigned char hi = lo;
    if (i + 1 < pat.size() && pat[i] == '-' && pat[i + 1] != ']') {
      ++i;
      readChar(hi);
    }
    if (lo <= ch && ch <= hi)
      matched = true;
  }
  valid = false;
  return false;
}

// Matches the single-character element at pat[p] (anything but '*') and
// sets next to the element after it.
bool matchOne(std::string_view pat, size_t p, unsigned char ch, size_t &next) {
  char c = pat[p];
  if (c == '?') {
    next = p + 1;
    return true;
  }
  if (c == '[') {
    bool valid = false;
    bool matched = matchClass(pat, p, ch, next, valid);
    if (valid)
      return matched;
  }
  if (c == '\\' && p + 1 < pat.size()) {
    next = p + 2;
    return static_cast<unsigned char>(pat[p + 1]) == ch;
  }
  next = p + 1;
  return static_cast<unsigned char>(c) == ch;
}

bool isBareStar(const VersionPattern &pat) { return pat.hasWildcard && pat.pattern == "*"; }

std::string literalPrefix(std::string_view pattern) {
  size_t n = 0;
  while (n < pattern.size() && !isGlobMeta(pattern[n]) && pattern[n] != '\\')
    ++n;
  return std::string(pattern.substr(0, n));
}

} // namespace

std::optional<VersionScript> parseVersionScript(std::string_view text, std::string &error) {
  std::optional<std::vector<Token>> toks = tokenize(text, error);
  if (!toks)
    return std::nullopt;
  return Parser(std::move(*toks)).parseScript(error);
}

std::optional<std::vector<VersionPattern>> parseDynamicList(std::string_view text,
                                                            std::string &error) {
  std::optional<std::vector<Token>> toks = tokenize(text, error);
  if (!toks)
    return std::nullopt;
  return Parser(std::move(*toks)).parseDynamicList(error);
}

// Greedy matching with backtracking to the most recent '*' only: every other
// element consumes exactly one character, so this is linear in practice and
// never exponential.
bool globMatch(std::string_view pat, std::string_view text) {
  size_t p = 0, t = 0;
  size_t starP = std::string_view::npos, starT = 0;
  while (t < text.size()) {
    if (p < pat.size()) {
      char c = pat[p];
      if (c == '*') {
        starP = ++p;
        starT = t;
        continue;
      }
      size_t next = 0;
      if (matchOne(pat, p, static_cast<unsigned char>(text[t]), next)) {
        p = next;
        ++t;
        continue;
      }
    }
    if (starP == std::string_view::npos)
      return false;
    p = starP;
    t = ++starT;
  }
  while (p < pat.size() && pat[p] == '*')
    ++p;
  return p == pat.size();
}

std::string demangleForVersionScript(std::string_view name) {
  if (!name.starts_with("_Z"))
    return std::string(name);
  return llvm::demangle(std::string(name));
}

uint16_t versionIndexOf(const VersionScript &script, const VersionMatch &match) {
  if (match.isLocal)
    return 0; // VER_NDX_LOCAL
  if (match.nodeIndex < 0 || script.nodes[match.nodeIndex].name.empty())
    return 1; // VER_NDX_GLOBAL
  return static_cast<uint16_t>(match.nodeIndex + 2);
}

void VersionMatcher::addExact(const VersionPattern &pat, VersionMatch result, size_t rank) {
  keys.push_back(pat.pattern);
  std::unordered_map<std::string_view, Exact> &map = pat.isCxx ? exactCxx : exactC;
  // emplace keeps the first entry: earlier patterns take precedence.
  map.emplace(keys.back(), Exact{rank, result});
}

VersionMatcher::VersionMatcher(const VersionScript &script) {
  size_t rank = 0;
  for (size_t i = 0; i < script.nodes.size(); ++i) {
    const VersionNode &node = script.nodes[i];
    for (const VersionPattern &pat : node.globals)
      if (!pat.hasWildcard)
        addExact(pat, {false, static_cast<int>(i)}, rank++);
    for (const VersionPattern &pat : node.locals)
      if (!pat.hasWildcard)
        addExact(pat, {true, static_cast<int>(i)}, rank++);
  }

  // Steps 2 and 3 differ only in which wildcards they take.
  for (bool bareStar : {false, true}) {
    for (size_t i = script.nodes.size(); i-- > 0;) {
      const VersionNode &node = script.nodes[i];
      for (bool isLocal : {false, true})
        for (const VersionPattern &pat : isLocal ? node.locals : node.globals)
          if (pat.hasWildcard && isBareStar(pat) == bareStar)
            wildcards.push_back({pat, literalPrefix(pat.pattern), {isLocal, static_cast<int>(i)}});
    }
  }

  needsDemangle = !exactCxx.empty();
  for (const Wildcard &w : wildcards)
    needsDemangle |= w.pattern.isCxx && !isBareStar(w.pattern);
}

VersionMatch VersionMatcher::match(std::string_view name) const {
  std::string demangled;
  if (needsDemangle && name.starts_with("_Z"))
    demangled = demangleForVersionScript(name);
  std::string_view cxxName = demangled.empty() ? name : std::string_view(demangled);

  const Exact *best = nullptr;
  if (auto it = exactC.find(name); it != exactC.end())
    best = &it->second;
  if (auto it = exactCxx.find(cxxName); it != exactCxx.end())
    if (!best || it->second.rank < best->rank)
      best = &it->second;
  if (best)
    return best->result;

  for (const Wildcard &w : wildcards) {
    std::string_view subject = w.pattern.isCxx ? cxxName : name;
    if (subject.starts_with(w.prefix) && globMatch(w.pattern.pattern, subject))
      return w.result;
  }
  return {};
}

bool matchesAny(const std::vector<VersionPattern> &patterns, std::string_view name) {
  std::string demangled;
  bool demangledDone = false;
  for (const VersionPattern &pat : patterns) {
    std::string_view subject = name;
    if (pat.isCxx) {
      if (!demangledDone) {
        demangled = demangleForVersionScript(name);
        demangledDone = true;
      }
      subject = demangled;
    }
    if (pat.hasWildcard ? globMatch(pat.pattern, subject) : pat.pattern == subject)
      return true;
  }
  return false;
}

} // namespace mld
