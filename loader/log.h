// log.h: the binding log (MLOAD_DEBUG, --log). One record per event, either
// as a glibc LD_DEBUG-like text line or as one JSON object per line. Each
// event function below describes its record once; Record renders it in the
// chosen form, so the text and JSON keys cannot drift apart.
#pragma once

#include "module.h"
#include "support.h"

namespace mload {

inline bool logging(const Loader &L, unsigned cat) {
  return L.logFd >= 0 && (L.opts.logMask & cat);
}

// A record under construction: t() is text-only prose, s/x/n/b are fields
// (value in text, "key":value in JSON), js/jx/jn are JSON-only fields.
class Record {
public:
  Record(const Loader &L, const char *event);
  // The same shape written to `fd` (the address-space listing of --maps).
  Record(const Loader &L, const char *event, int fd);
  ~Record();
  Record &t(const char *prose);
  Record &s(const char *key, const char *v);
  Record &x(const char *key, uint64_t v);
  Record &n(const char *key, int64_t v);
  Record &js(const char *key, const char *v);
  Record &jx(const char *key, uint64_t v);
  Record &jn(const char *key, int64_t v);
  Record &jb(const char *key, bool v);

private:
  Text &key(const char *k);
  const Loader &L;
  int fd;
  bool json;
  Text line;
};

const char *relocTypeName(uint32_t type);
// "r-x" for PROT_READ|PROT_EXEC.
const char *permString(int prot);

void logSearch(const Loader &L, const char *name, const Module *neededBy);
void logTry(const Loader &L, const char *path, const char *source, bool found, bool incompatible);
void logDuplicate(const Loader &L, const char *path, const Module *existing);
void logMapped(const Loader &L, const Module *m);
// Hosted mode: a glibc object the system's ld.so loaded, adopted as is.
void logHostModule(const Loader &L, const Module *m);
// Freestanding: the program needs glibc (`why`), mload-hosted takes over.
void logHandover(const Loader &L, const char *why, const char *hosted);
// Hosted: a host object's GOT entry now points into a module mload loaded.
void logInterpose(const Loader &L, const Module *host, const char *sym, const Module *def,
                  uint64_t slot, uint64_t old, uint64_t value);
void logSegment(const Loader &L, const Module *m, uint64_t start, uint64_t end, int prot,
                uint64_t offset);
void logRelro(const Loader &L, const Module *m);
void logTls(const Loader &L, const Module *m);
// `table`: the tag of the table the relocation came from (DT_RELA,
// DT_JMPREL or DT_RELR).
void logReloc(const Loader &L, const Module *m, uint32_t type, uint64_t where, const char *sym,
              uint64_t value, const char *table);
// `plt` is the .rela.plt index (the PLT entry pushes it); logged as PLTn, n = plt + 1.
void logLazySlot(const Loader &L, const Module *m, const char *sym, uint64_t plt, uint64_t slot,
                 uint64_t old, uint64_t value);
void logLazySetup(const Loader &L, const Module *m, uint64_t got, uint64_t resolver);
// `to` names the defining module, "mload" for its builtins, "" when an
// undefined weak reference resolved to 0.
void logBind(const Loader &L, const Module *ref, uint32_t type, const char *sym, const char *to,
             const char *version, uint64_t value);
void logLazyBind(const Loader &L, const Module *ref, const char *sym, const Module *def,
                 uint64_t plt, uint64_t slot, uint64_t old, uint64_t value);
void logInit(const Loader &L, const Module *m, const char *kind, uint64_t index, uint64_t fn);
void logStart(const Loader &L, const Module *m, uint64_t entry);

} // namespace mload
