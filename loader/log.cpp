// log.cpp: rendering of binding-log records (formats: docs/loader-log.md)
// and the event functions the loader calls. Text lines start like glibc's
// LD_DEBUG ("  PID:\t"), JSON lines are {"event":...} with fixed keys.
#include "log.h"
#include "linux-syscall.h"

namespace mload {

Record::Record(const Loader &L, const char *event) : Record(L, event, L.logFd) {}

Record::Record(const Loader &L, const char *event, int fd) : L(L), fd(fd), json(L.opts.logJson) {
  if (json) {
    line.str("{\"event\":").jsonStr(event);
  } else {
    Text pid;
    pid.dec(static_cast<uint64_t>(L.pid));
    line.pad(pid.size() < 5 ? 5 - pid.size() : 0).str(pid.data(), pid.size()).str(":\t");
  }
}

Record::~Record() {
  line.finish(json ? "}\n" : "\n");
  line.writeTo(fd);
}

Record &Record::t(const char *prose) {
  if (!json)
    line.str(prose);
  return *this;
}

Text &Record::key(const char *k) { return line.str(",\"").str(k).str("\":"); }

Record &Record::s(const char *k, const char *v) {
  if (json)
    key(k).jsonStr(v);
  else
    line.str(v);
  return *this;
}

Record &Record::x(const char *k, uint64_t v) {
  if (json)
    key(k).chr('"').hex(v).chr('"');
  else
    line.hex(v);
  return *this;
}

Record &Record::n(const char *k, int64_t v) {
  if (json)
    key(k).sdec(v);
  else
    line.sdec(v);
  return *this;
}

Record &Record::js(const char *k, const char *v) {
  if (json)
    key(k).jsonStr(v);
  return *this;
}

Record &Record::jx(const char *k, uint64_t v) {
  if (json)
    key(k).chr('"').hex(v).chr('"');
  return *this;
}

Record &Record::jn(const char *k, int64_t v) {
  if (json)
    key(k).sdec(v);
  return *this;
}

Record &Record::jb(const char *k, bool v) {
  if (json)
    key(k).str(v ? "true" : "false");
  return *this;
}

const char *relocTypeName(uint32_t type) {
  switch (type) {
  case R_X86_64_NONE:
    return "R_X86_64_NONE";
  case R_X86_64_64:
    return "R_X86_64_64";
  case R_X86_64_COPY:
    return "R_X86_64_COPY";
  case R_X86_64_GLOB_DAT:
    return "R_X86_64_GLOB_DAT";
  case R_X86_64_JUMP_SLOT:
    return "R_X86_64_JUMP_SLOT";
  case R_X86_64_RELATIVE:
    return "R_X86_64_RELATIVE";
  case R_X86_64_DTPMOD64:
    return "R_X86_64_DTPMOD64";
  case R_X86_64_DTPOFF64:
    return "R_X86_64_DTPOFF64";
  case R_X86_64_TPOFF64:
    return "R_X86_64_TPOFF64";
  case R_X86_64_IRELATIVE:
    return "R_X86_64_IRELATIVE";
  case R_X86_64_TLSDESC:
    return "R_X86_64_TLSDESC";
  default:
    return "R_X86_64_unknown";
  }
}

// A definition with no module is one of mload's builtins.
static const char *moduleLabel(const Module *m) { return m ? m->path : "mload"; }

const char *permString(int prot) {
  static const char *names[] = {"---", "r--", "-w-", "rw-", "--x", "r-x", "-wx", "rwx"};
  return names[prot & 7];
}

void logSearch(const Loader &L, const char *name, const Module *neededBy) {
  if (!logging(L, LogLibs))
    return;
  Record(L, "search")
      .t("find library=")
      .s("name", name)
      .t("; needed by ")
      .s("needed_by", neededBy->path);
}

void logTry(const Loader &L, const char *path, const char *source, bool found, bool incompatible) {
  if (!logging(L, LogLibs))
    return;
  Record(L, "try")
      .t("  trying file=")
      .s("path", path)
      .t(" (")
      .s("source", source)
      .t(found          ? ") found"
         : incompatible ? ") incompatible, skipped"
                        : ")")
      .jb("found", found)
      .jb("incompatible", incompatible);
}

void logDuplicate(const Loader &L, const char *path, const Module *existing) {
  if (!logging(L, LogLibs))
    return;
  Record(L, "duplicate")
      .t("  file=")
      .s("path", path)
      .t(" is already loaded as ")
      .s("as", existing->path);
}

void logMapped(const Loader &L, const Module *m) {
  if (!logging(L, LogLibs))
    return;
  Record(L, "map")
      .t("file=")
      .s("file", m->path)
      .t(" [")
      .s("name", m->name)
      .t("]; mapped base=")
      .x("base", m->base)
      .t(" span=")
      .x("start", m->mapStart)
      .t("-")
      .x("end", m->mapEnd)
      .t(" dynamic=")
      .x("dynamic", reinterpret_cast<uint64_t>(m->dynamic));
}

void logHostModule(const Loader &L, const Module *m) {
  if (!logging(L, LogLibs))
    return;
  Record(L, "host")
      .t("file=")
      .s("file", m->path)
      .t(" [")
      .s("name", m->name)
      .t("]; loaded by the system's ld.so, base=")
      .x("base", m->base)
      .t(" span=")
      .x("start", m->mapStart)
      .t("-")
      .x("end", m->mapEnd);
}

void logHandover(const Loader &L, const char *why, const char *hosted) {
  if (!logging(L, LogLibs))
    return;
  Record(L, "handover")
      .t("handing over to ")
      .s("hosted", hosted)
      .t(": the program needs ")
      .s("needs", why)
      .t(", which only the system's ld.so can start");
}

void logInterpose(const Loader &L, const Module *host, const char *sym, const Module *def,
                  uint64_t slot, uint64_t old, uint64_t value) {
  if (!logging(L, LogBindings))
    return;
  Record(L, "interpose")
      .t("binding file ")
      .s("file", host->path)
      .t(" to ")
      .s("to", moduleLabel(def))
      .t(": interposed symbol '")
      .s("symbol", sym)
      .t("' got ")
      .x("slot", slot)
      .t(": ")
      .x("old", old)
      .t(" -> ")
      .x("new", value);
}

void logSegment(const Loader &L, const Module *m, uint64_t start, uint64_t end, int prot,
                uint64_t offset) {
  if (!logging(L, LogLibs))
    return;
  Record(L, "segment")
      .js("file", m->path)
      .t("  segment ")
      .x("start", start)
      .t("-")
      .x("end", end)
      .t(" ")
      .s("perm", permString(prot))
      .t(" file offset ")
      .x("offset", offset);
}

void logRelro(const Loader &L, const Module *m) {
  if (!logging(L, LogLibs))
    return;
  Record(L, "relro")
      .t("relro file=")
      .s("file", m->path)
      .t(" ")
      .x("start", m->relroStart)
      .t("-")
      .x("end", m->relroEnd)
      .t(" now r--");
}

void logTls(const Loader &L, const Module *m) {
  if (!logging(L, LogLibs))
    return;
  Record(L, "tls")
      .t("tls file=")
      .s("file", m->path)
      .t(" modid=")
      .n("modid", static_cast<int64_t>(m->tlsModid))
      .t(" block at tp-")
      .x("offset", m->tlsOffset)
      .t(" size ")
      .x("size", m->tlsMemsz);
}

void logReloc(const Loader &L, const Module *m, uint32_t type, uint64_t where, const char *sym,
              uint64_t value, const char *table) {
  if (!logging(L, LogReloc))
    return;
  Record r(L, "reloc");
  r.t("reloc file=")
      .s("file", m->path)
      .t(" ")
      .s("type", relocTypeName(type))
      .t(" at ")
      .x("addr", where);
  if (*sym)
    r.t(" symbol '");
  r.s("symbol", sym);
  if (*sym)
    r.t("'");
  r.t(" = ").x("value", value);
  // In text only DT_RELR's lines say so: they carry no addend of their own
  // (the value is the word found there plus the load bias).
  if (L.opts.logJson || streq(table, "DT_RELR"))
    r.t(" [").s("table", table).t("]");
}

// The psABI's names (as in mld's relocation log): PLTn is the entry that
// pushes .rela.plt index n-1 (PLT0 is the common stub), GOT.PLT[k] word k
// of .got.plt, counted from DT_PLTGOT.
struct PltLabels {
  char plt[24];
  uint64_t gotPlt;
};

static PltLabels pltLabels(const Module *m, uint64_t index, uint64_t slot) {
  PltLabels r;
  Text t;
  t.str("PLT").dec(index + 1);
  memcpy(r.plt, t.data(), t.size());
  r.plt[t.size()] = 0;
  uint64_t got = m->has(DT_PLTGOT) ? laddr(m, m->dyn[DT_PLTGOT]) : 0;
  r.gotPlt = got && slot >= got ? (slot - got) / 8 : 3 + index;
  return r;
}

void logLazySlot(const Loader &L, const Module *m, const char *sym, uint64_t plt, uint64_t slot,
                 uint64_t old, uint64_t value) {
  if (!logging(L, LogReloc))
    return;
  PltLabels l = pltLabels(m, plt, slot);
  Record(L, "lazy-slot")
      .t("reloc file=")
      .s("file", m->path)
      .t(" R_X86_64_JUMP_SLOT at ")
      .x("slot", slot)
      .t(" symbol '")
      .s("symbol", sym)
      .t("' [")
      .s("plt", l.plt)
      .t("] GOT.PLT[")
      .n("got_plt", static_cast<int64_t>(l.gotPlt))
      .t("] lazy: ")
      .x("old", old)
      .t(" -> ")
      .x("new", value)
      .t(" (its PLT entry's push)");
}

void logLazySetup(const Loader &L, const Module *m, uint64_t got, uint64_t resolver) {
  if (!logging(L, LogReloc))
    return;
  Record(L, "lazy-setup")
      .t("lazy binding file=")
      .s("file", m->path)
      .t(": .got.plt at ")
      .x("got", got)
      .t(", GOT.PLT[1] = ")
      .x("handle", reinterpret_cast<uint64_t>(m))
      .t(" (module handle), GOT.PLT[2] = ")
      .x("resolver", resolver)
      .t(" (_dl_runtime_resolve)");
}

void logBind(const Loader &L, const Module *ref, uint32_t type, const char *sym, const char *to,
             const char *version, uint64_t value) {
  if (!logging(L, LogBindings))
    return;
  Record r(L, "bind");
  r.t("binding file ")
      .s("file", ref->path)
      .t(*to ? " to " : " to nothing")
      .s("to", to)
      .t(*to ? ": normal symbol '" : ": undefined weak symbol '")
      .s("symbol", sym)
      .t("'");
  if (*version)
    r.t(" [");
  r.s("version", version);
  if (*version)
    r.t("]");
  r.t(" = ").x("value", value).t(" (").s("type", relocTypeName(type)).t(")");
}

void logLazyBind(const Loader &L, const Module *ref, const char *sym, const Module *def,
                 uint64_t plt, uint64_t slot, uint64_t old, uint64_t value) {
  if (!logging(L, LogBindings))
    return;
  PltLabels l = pltLabels(ref, plt, slot);
  Record(L, "lazy-bind")
      .t("binding file ")
      .s("file", ref->path)
      .t(" to ")
      .s("to", moduleLabel(def))
      .t(": lazy symbol '")
      .s("symbol", sym)
      .t("' [")
      .s("plt", l.plt)
      .t("] GOT.PLT[")
      .n("got_plt", static_cast<int64_t>(l.gotPlt))
      .t("] at ")
      .x("slot", slot)
      .t(": ")
      .x("old", old)
      .t(" -> ")
      .x("new", value);
}

void logInit(const Loader &L, const Module *m, const char *kind, uint64_t index, uint64_t fn) {
  if (!logging(L, LogInit))
    return;
  Record(L, "init")
      .t("calling ")
      .s("kind", kind)
      .t("[")
      .n("index", static_cast<int64_t>(index))
      .t("] of ")
      .s("file", m->path)
      .t(" at ")
      .x("addr", fn);
}

void logStart(const Loader &L, const Module *m, uint64_t entry) {
  if (!logging(L, LogInit))
    return;
  Record(L, "start").t("transferring control: ").s("file", m->path).t(" entry ").x("entry", entry);
}

} // namespace mload
