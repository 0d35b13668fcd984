// Version scripts (--version-script) and dynamic lists (--dynamic-list): the
// parsed form of the file, and the decision "which version node does this
// defined symbol belong to, and does it stay global". Building .gnu.version,
// .gnu.version_d and the dynsym filter from these decisions is the caller's.
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace mld {

struct VersionPattern {
  std::string pattern;      // as written, quotes removed: "foo", "foo*", "ns::f*"
  bool isCxx = false;       // inside extern "C++" { }: matched against the demangled name
  bool hasWildcard = false; // unquoted and holds an unescaped * ? or [
};

struct VersionNode {
  std::string name; // "" for the anonymous node `{ global: ...; local: *; };`
  std::vector<VersionPattern> globals, locals;
  std::vector<std::string> parents; // `VERS_2 { ... } VERS_1;`: defined earlier in the file
  int line = 0;                     // where the node starts, for diagnostics
};

// Nodes are in file order. Named node i gets version index i + 2 (0 is
// VER_NDX_LOCAL, 1 is VER_NDX_GLOBAL); an anonymous node is always the only
// node and defines no version (its symbols keep VER_NDX_GLOBAL).
struct VersionScript {
  std::vector<VersionNode> nodes;
};

// On failure return nullopt and set error to "line N: <message>"; the caller
// prefixes "mld: error: <file>: ".
std::optional<VersionScript> parseVersionScript(std::string_view text, std::string &error);

// `{ foo; bar*; extern "C++" { ns::f*; }; };` (several such blocks may follow
// each other). `local:` is refused: a dynamic list only adds symbols.
std::optional<std::vector<VersionPattern>> parseDynamicList(std::string_view text,
                                                            std::string &error);

// fnmatch(3)-style glob without flags: `*`, `?`, `[a-z]`, `[!x]`/`[^x]`, and
// `\c` for a literal c. A `[` with no closing `]` is an ordinary character.
bool globMatch(std::string_view pattern, std::string_view text);

// `_ZN2ns3fooEv` -> "ns::foo()"; names that are not Itanium-mangled (or do not
// demangle) come back unchanged, so extern "C++" { foo; } still finds `foo`.
std::string demangleForVersionScript(std::string_view name);

struct VersionMatch {
  bool isLocal = false; // a local: pattern decided: the symbol leaves .dynsym
  int nodeIndex = -1;   // node whose pattern decided; -1: no pattern matched
};

// The version index for .gnu.version (VER_NDX_LOCAL = 0, VER_NDX_GLOBAL = 1,
// named node i = i + 2).
uint16_t versionIndexOf(const VersionScript &script, const VersionMatch &match);

// Precedence, as lld documents and implements it (GNU ld agrees on the first
// and last steps):
//   1. exact names (no wildcard, or quoted), C and C++ alike: the first one in
//      file order wins; within a node global: comes before local:;
//   2. wildcard patterns other than a bare `*`: the *last* node that has a
//      matching pattern wins; within a node global: before local:;
//   3. a bare `*` (typically `local: *;`), again last node first;
//   4. nothing matched: the symbol stays global with VER_NDX_GLOBAL.
// Exact names are hashed; wildcards are tried in precedence order after a
// cheap literal-prefix check. Demangling happens only when the script has
// extern "C++" patterns and the name starts with _Z.
class VersionMatcher {
public:
  explicit VersionMatcher(const VersionScript &script);
  VersionMatcher(const VersionMatcher &) = delete; // the maps point into `keys`
  VersionMatcher &operator=(const VersionMatcher &) = delete;
  VersionMatcher(VersionMatcher &&) = default; // a deque keeps its elements in place
  VersionMatcher &operator=(VersionMatcher &&) = default;
  VersionMatch match(std::string_view name) const;

private:
  struct Exact {
    size_t rank; // position in the step-1 order; lower wins
    VersionMatch result;
  };
  struct Wildcard {
    VersionPattern pattern; // a copy: the matcher does not borrow the script
    std::string prefix;     // literal characters before the first metacharacter
    VersionMatch result;
  };
  void addExact(const VersionPattern &pat, VersionMatch result, size_t rank);

  std::deque<std::string> keys; // owns the strings the maps' views point into
  std::unordered_map<std::string_view, Exact> exactC, exactCxx;
  std::vector<Wildcard> wildcards; // steps 2 and 3, in precedence order
  bool needsDemangle = false;
};

// True when name matches any pattern of a dynamic list.
bool matchesAny(const std::vector<VersionPattern> &patterns, std::string_view name);

} // namespace mld
