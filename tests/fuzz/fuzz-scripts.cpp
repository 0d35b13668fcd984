// Fuzz target: the text parsers. The first byte picks the grammar (linker
// script, version script, dynamic list); the rest is the text.
#include "linker-script.h"
#include "version-script.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

using namespace mld;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size == 0)
    return 0;
  // A copy: the parsers may keep views into the text, which then must live
  // exactly as long as this call (ASan sees any read past it).
  std::string text(reinterpret_cast<const char *>(data + 1), size - 1);
  std::string error;
  switch (data[0] % 3) {
  case 0:
    looksLikeLinkerScript(text);
    (void)parseLinkerScript(text, error);
    break;
  case 1:
    // Parsed, then each pattern matched against every pattern's text (so
    // the globs meet names that look like them) and a mangled name.
    if (auto script = parseVersionScript(text, error)) {
      VersionMatcher matcher(*script);
      for (const VersionNode &node : script->nodes)
        for (const VersionPattern &p : node.globals) {
          versionIndexOf(*script, matcher.match(p.pattern));
          versionIndexOf(*script, matcher.match("_ZN2ns3fooEv"));
        }
    }
    break;
  case 2:
    if (auto list = parseDynamicList(text, error))
      for (const VersionPattern &p : *list)
        (void)matchesAny(*list, p.pattern);
    break;
  }
  return 0;
}
