// parseJsonRecord over llvm::json (see json-record.h for why it is C++17).
#include "json-record.h"

#include <llvm/Support/JSON.h>

namespace mld::test {

std::optional<JsonRecord> parseJsonRecord(const std::string &line, std::string &error) {
  llvm::Expected<llvm::json::Value> v = llvm::json::parse(line);
  if (!v) {
    error = llvm::toString(v.takeError());
    return std::nullopt;
  }
  const llvm::json::Object *obj = v->getAsObject();
  if (!obj) {
    error = "not a JSON object";
    return std::nullopt;
  }
  JsonRecord rec;
  for (const auto &[key, value] : *obj) {
    JsonField &f = rec[key.str()];
    if (llvm::Optional<llvm::StringRef> s = value.getAsString()) {
      f.isString = true;
      f.text = s->str();
    } else if (llvm::Optional<int64_t> n = value.getAsInteger()) {
      f.integer = *n;
      f.text = std::to_string(*n);
    }
  }
  return rec;
}

} // namespace mld::test
