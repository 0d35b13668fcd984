// address-space.cpp: the --maps listing. Everything here is computed from
// what the loader knows (program headers, the RELRO it applied, the TLS
// block it placed, the stack it handed over), not read back from
// /proc/self/maps, so the listing is the loader's model of the process,
// and the test loader.address-space checks that model against the kernel.
//
// Each PT_LOAD becomes up to three kinds of mapping, the way map.cpp (and
// the kernel, and glibc's ld.so) build it: the file pages, their RELRO part
// after applyRelro (read-only from then on), and the anonymous pages for
// the .bss past the end of the file's last page.
#include "address-space.h"
#include "log.h"
#include "map.h"
#include "start.h"
#include "linux-syscall.h"

namespace mload {

namespace {

struct Section {
  const char *name;
  uint64_t addr, size;
};

// The allocated sections of the file at `path` (section headers are not
// part of any segment, so they are read from the file). Empty when the
// file cannot be read: the listing then shows no section names.
struct SectionList {
  Section *items = nullptr;
  uint32_t count = 0;
};

SectionList readSections(const char *path) {
  SectionList list;
  long fd = sys::open(path, sys::ORdonly | sys::OCloexec);
  if (fd < 0)
    return list;
  int f = static_cast<int>(fd);
  Elf64_Ehdr eh;
  Elf64_Shdr *sh = nullptr;
  char *names = nullptr;
  if (sys::pread(f, &eh, sizeof(eh), 0) == sizeof(eh) && eh.e_shentsize == sizeof(Elf64_Shdr) &&
      eh.e_shnum && eh.e_shstrndx < eh.e_shnum) {
    uint64_t bytes = uint64_t(eh.e_shnum) * sizeof(Elf64_Shdr);
    sh = static_cast<Elf64_Shdr *>(allocate(bytes));
    if (sys::pread(f, sh, bytes, eh.e_shoff) != static_cast<long>(bytes))
      sh = nullptr;
  }
  if (sh && sh[eh.e_shstrndx].sh_size < (1u << 20)) {
    const Elf64_Shdr &s = sh[eh.e_shstrndx];
    names = static_cast<char *>(allocate(s.sh_size + 1));
    if (sys::pread(f, names, s.sh_size, s.sh_offset) != static_cast<long>(s.sh_size))
      names = nullptr;
    else
      names[s.sh_size] = 0;
  }
  sys::close(f);
  if (!sh || !names)
    return list;
  uint64_t namesSize = sh[eh.e_shstrndx].sh_size;
  list.items = static_cast<Section *>(allocate(sizeof(Section) * eh.e_shnum));
  for (uint16_t i = 0; i < eh.e_shnum; ++i) {
    // .tbss takes no room in memory: its bytes are only in the TLS block.
    bool tbss = (sh[i].sh_flags & SHF_TLS) && sh[i].sh_type == SHT_NOBITS;
    if (!(sh[i].sh_flags & SHF_ALLOC) || !sh[i].sh_size || tbss || sh[i].sh_name >= namesSize)
      continue;
    list.items[list.count++] = {names + sh[i].sh_name, sh[i].sh_addr, sh[i].sh_size};
  }
  return list;
}

// One object to list: a module, or mload itself.
struct Object {
  const char *path;
  uint64_t base;
  const Elf64_Phdr *phdr;
  uint16_t phnum;
  uint64_t relroStart, relroEnd; // runtime addresses, page-rounded; empty if not applied
};

// One mapping as the loader made it. `part`: "file" (pages of the file),
// "relro" (file pages made read-only after relocation), "bss" (anonymous
// pages past the file), "vdso", "tls" (the TLS block), "loader" (mload's
// own memory).
struct Piece {
  uint64_t start, end;
  int prot;
  const char *file;
  int64_t load;
  uint64_t offset;
  const char *part;
  const char *sections;
};

bool anonymous(const Piece &p) {
  return !streq(p.part, "file") && !streq(p.part, "relro") && !streq(p.part, "vdso");
}

class Lister {
public:
  Lister(const Loader &L, int fd) : L(L), fd(fd) {}
  void object(const Object &o);
  void vdso();
  void loaderMemory();
  void print();
  void tls();
  void stack(const uint64_t *sp);
  void heap();

private:
  void piece(const Object &o, const SectionList &secs, uint16_t load, uint64_t start, uint64_t end,
             int prot, uint64_t offset, const char *part);
  void add(const Piece &p);
  void printMerged(uint32_t first, uint32_t last);
  const Loader &L;
  int fd;
  Piece pieces[512];
  uint32_t count = 0;
};

} // namespace

// "rw-p": every mapping a loader makes is private.
static const char *procPerm(int prot) {
  static const char *names[] = {"---p", "r--p", "-w-p", "rw-p", "--xp", "r-xp", "-wxp", "rwxp"};
  return names[prot & 7];
}

void Lister::add(const Piece &p) {
  if (p.start < p.end && count < sizeof(pieces) / sizeof(pieces[0]))
    pieces[count++] = p;
}

void Lister::piece(const Object &o, const SectionList &secs, uint16_t load, uint64_t start,
                   uint64_t end, int prot, uint64_t offset, const char *part) {
  if (start >= end)
    return;
  Text names;
  for (uint32_t i = 0; i < secs.count; ++i) {
    uint64_t a = o.base + secs.items[i].addr;
    if (a < end && a + secs.items[i].size > start) {
      if (names.size())
        names.chr(' ');
      names.str(secs.items[i].name);
    }
  }
  add({start, end, prot, o.path, load, offset, part, copyString(names.data(), names.size())});
}

void Lister::object(const Object &o) {
  SectionList secs = readSections(o.path);
  uint64_t page = L.pageSize;
  uint16_t load = 0;
  for (uint16_t i = 0; i < o.phnum; ++i) {
    const Elf64_Phdr &p = o.phdr[i];
    if (p.p_type != PT_LOAD)
      continue;
    int prot = protFromFlags(p.p_flags);
    uint64_t start = alignDown(o.base + p.p_vaddr, page);
    uint64_t fileEnd = p.p_filesz ? alignUp(o.base + p.p_vaddr + p.p_filesz, page) : start;
    uint64_t memEnd = alignUp(o.base + p.p_vaddr + p.p_memsz, page);
    uint64_t fileOffset = alignDown(p.p_offset, page);
    // Split at the RELRO bounds: [start, rs) as loaded, [rs, re) read-only,
    // [re, fileEnd) as loaded; then the anonymous .bss pages.
    uint64_t rs = o.relroStart, re = o.relroEnd;
    auto clamp = [](uint64_t v, uint64_t lo, uint64_t hi) { return v < lo ? lo : v > hi ? hi : v; };
    uint64_t a = clamp(rs, start, fileEnd), b = clamp(re, start, fileEnd);
    if (a >= b)
      a = b = fileEnd;
    piece(o, secs, load, start, a, prot, fileOffset, "file");
    piece(o, secs, load, a, b, sys::ProtRead, fileOffset + (a - start), "relro");
    piece(o, secs, load, b, fileEnd, prot, fileOffset + (b - start), "file");
    piece(o, secs, load, fileEnd, memEnd, prot, 0, "bss");
    ++load;
  }
}

// What mload allocated for itself (module records, names, tables): it stays
// mapped, and the kernel merges it with adjacent anonymous pages.
void Lister::loaderMemory() {
  uint32_t n = 0;
  const Range *r = allocatorMappings(n);
  for (uint32_t i = 0; i < n; ++i)
    add({r[i].start, r[i].end, sys::ProtRead | sys::ProtWrite, "mload", -1, 0, "loader", ""});
  if (L.threadPointer && !L.hosted)
    add({L.tlsBlockStart, L.tlsBlockEnd, sys::ProtRead | sys::ProtWrite, "TLS block", -1, 0, "tls",
         ""});
}

// The kernel keeps one mapping (one /proc/self/maps line) for adjacent
// anonymous pages with the same permissions, whoever mapped them: a
// library's .bss can share a line with mload's own memory. Such runs are
// printed as one mapping that names each thing it holds.
void Lister::print() {
  // Insertion sort: a few dozen pieces.
  for (uint32_t i = 1; i < count; ++i)
    for (uint32_t j = i; j > 0 && pieces[j - 1].start > pieces[j].start; --j) {
      Piece t = pieces[j];
      pieces[j] = pieces[j - 1];
      pieces[j - 1] = t;
    }
  for (uint32_t i = 0; i < count;) {
    uint32_t j = i;
    if (anonymous(pieces[i]))
      while (j + 1 < count && anonymous(pieces[j + 1]) && pieces[j + 1].start == pieces[j].end &&
             pieces[j + 1].prot == pieces[i].prot)
        ++j;
    printMerged(i, j);
    i = j + 1;
  }
}

// How the text form names an anonymous piece.
static const char *partLabel(const char *part) {
  if (streq(part, "bss"))
    return " anonymous (.bss past the file)";
  if (streq(part, "tls"))
    return " (mmap by mload)";
  if (streq(part, "loader"))
    return " (its own memory)";
  return "";
}

void Lister::printMerged(uint32_t first, uint32_t last) {
  const Piece &p = pieces[first];
  // In mload-hosted, glibc's ld.so and malloc map anonymous memory mload
  // does not track, and the kernel may show it on the same line.
  bool exact = !(L.hosted && anonymous(p));
  Record r(L, "mapping", fd);
  r.t("  ")
      .x("start", p.start)
      .t("-")
      .x("end", pieces[last].end)
      .t(" ")
      .s("perm", procPerm(p.prot))
      .t(" ");
  if (first != last) {
    Text holds;
    for (uint32_t i = first; i <= last; ++i) {
      const Piece &q = pieces[i];
      if (i != first)
        holds.str(" + ");
      holds.str(q.file);
      if (q.load >= 0)
        holds.str(" LOAD[").dec(static_cast<uint64_t>(q.load)).str("]");
      holds.str(partLabel(q.part));
    }
    r.t("anonymous: ")
        .s("holds", copyString(holds.data(), holds.size()))
        .js("part", "anonymous")
        .jb("exact", exact)
        .t(exact ? "" : " (may adjoin glibc's memory)");
    return;
  }
  r.s("file", p.file);
  if (p.load >= 0)
    r.t(" LOAD[").n("segment", p.load).t("]");
  if (anonymous(p))
    r.t(partLabel(p.part));
  else if (!streq(p.part, "vdso"))
    r.t(" offset ").x("offset", p.offset);
  if (streq(p.part, "relro"))
    r.t(" RELRO");
  r.js("part", p.part);
  r.t(*p.sections ? ": " : "")
      .s("sections", p.sections)
      .jb("exact", exact)
      .t(exact ? "" : " (may adjoin glibc's memory)");
}

// The vDSO the kernel maps into every process (AT_SYSINFO_EHDR): one
// r-x mapping from its ELF header to the end of its PT_LOAD.
void Lister::vdso() {
  uint64_t ehdr = auxValue(L, AT_SYSINFO_EHDR);
  if (!ehdr)
    return;
  auto *eh = reinterpret_cast<const Elf64_Ehdr *>(ehdr);
  auto *ph = reinterpret_cast<const Elf64_Phdr *>(ehdr + eh->e_phoff);
  for (uint16_t i = 0; i < eh->e_phnum; ++i)
    if (ph[i].p_type == PT_LOAD) {
      uint64_t end = alignUp(ehdr + ph[i].p_vaddr + ph[i].p_memsz, L.pageSize);
      add({ehdr, end, protFromFlags(ph[i].p_flags), "[vdso]", -1, 0, "vdso", ""});
      return;
    }
}

void Lister::tls() {
  if (!L.threadPointer)
    return;
  Record(L, "tls-block", fd)
      .t("  TLS: ")
      .x("start", L.tlsBlockStart)
      .t("-")
      .x("end", L.tlsBlockEnd)
      .t(" rw-p ")
      .s("owner", L.hosted ? "mload-hosted's arena in glibc's TLS" : "mmap by mload")
      .t(", thread pointer (%fs) ")
      .x("tp", L.threadPointer)
      .t(", module blocks below it");
  for (const Module *m = L.head; m; m = m->next)
    if (m->tlsModid && !m->host)
      Record(L, "tls-module", fd)
          .t("    ")
          .s("file", m->path)
          .t(" modid ")
          .n("modid", static_cast<int64_t>(m->tlsModid))
          .t(": ")
          .x("start", L.threadPointer - m->tlsOffset)
          .t("-")
          .x("end", L.threadPointer - m->tlsOffset + m->tlsMemsz)
          .t(" (tp-")
          .x("offset", m->tlsOffset)
          .t(")");
}

// The initial stack as the program will see it (psABI 3.4.1): argc at sp,
// then the argv and envp pointer arrays, each ending in a null, the auxv
// pairs ending in AT_NULL, and above them the strings they point to.
void Lister::stack(const uint64_t *sp) {
  uint64_t argc = sp[0];
  auto *argv = reinterpret_cast<char *const *>(sp + 1);
  auto *envp = argv + argc + 1;
  uint64_t envc = 0;
  while (envp[envc])
    ++envc;
  auto *auxv = reinterpret_cast<const uint64_t *>(envp + envc + 1);
  uint64_t auxc = 0;
  while (auxv[2 * auxc] != AT_NULL)
    ++auxc;
  uint64_t lo = ~0ull, hi = 0;
  auto widen = [&](const char *s) {
    uint64_t a = reinterpret_cast<uint64_t>(s), e = a + strlen(s) + 1;
    if (a < lo)
      lo = a;
    if (e > hi)
      hi = e;
  };
  for (uint64_t i = 0; i < argc; ++i)
    widen(argv[i]);
  for (uint64_t i = 0; i < envc; ++i)
    widen(envp[i]);
  if (uint64_t fn = auxValue(L, AT_EXECFN))
    widen(reinterpret_cast<const char *>(fn));
  if (lo > hi)
    lo = hi = reinterpret_cast<uint64_t>(auxv + 2 * auxc + 2);
  auto addr = [](const void *p) { return reinterpret_cast<uint64_t>(p); };
  Record(L, "stack", fd)
      .t("  stack: sp ")
      .x("sp", addr(sp))
      .t(" (argc ")
      .n("argc", static_cast<int64_t>(argc))
      .t("), argv[] ")
      .x("argv", addr(argv))
      .t(", envp[] ")
      .x("envp", addr(envp))
      .t(" (")
      .n("envc", static_cast<int64_t>(envc))
      .t(" entries), auxv ")
      .x("auxv", addr(auxv))
      .t(" (")
      .n("auxc", static_cast<int64_t>(auxc))
      .t(" pairs), strings ")
      .x("strings_start", lo)
      .t("-")
      .x("strings_end", hi);
}

// brk(0) reads the program break: where the heap starts (and, until the
// program first calls brk/sbrk, also ends).
void Lister::heap() {
  long brk = sys::brk(0);
  Record(L, "heap", fd)
      .t("  heap: program break ")
      .x("brk", static_cast<uint64_t>(brk))
      .t(" (sbrk grows the heap from here)");
}

// mload's own path: what the kernel ran (direct), or the program's
// PT_INTERP string.
static const char *selfPath(const Loader &L, const Module *prog) {
  if (!L.direct)
    for (uint16_t i = 0; i < prog->phnum; ++i)
      if (prog->phdr[i].p_type == PT_INTERP)
        return reinterpret_cast<const char *>(laddr(prog, prog->phdr[i].p_vaddr));
  static char buf[4096];
  long n = sys::readlink("/proc/self/exe", buf, sizeof(buf) - 1);
  if (n <= 0)
    return "mload";
  buf[n] = 0;
  return buf;
}

void printAddressSpace(const Loader &L, const Module *prog, const uint64_t *sp, bool withSelf) {
  if (!L.opts.maps)
    return;
  int fd = L.logFd >= 0 ? L.logFd : 2;
  Record(L, "address-space", fd)
      .t("address space at the hand-over to ")
      .s("file", prog->path)
      .t(", entry ")
      .x("entry", prog->entry);
  Lister list(L, fd);
  for (const Module *m = L.head; m; m = m->next) {
    // The RELRO that applyRelro (or, for a host object, glibc) made
    // read-only: rounded down at the end, as both do.
    bool applied = (m->host || m->relocated) && m->relroStart < m->relroEnd;
    uint64_t rs = applied ? alignDown(m->relroStart, L.pageSize) : 0;
    uint64_t re = applied ? alignDown(m->relroEnd, L.pageSize) : 0;
    list.object({m->path, m->base, m->phdr, m->phnum, rs, re});
  }
  if (withSelf) {
    // mload relocated itself and left its RELRO writable.
    auto *eh = reinterpret_cast<const Elf64_Ehdr *>(loaderBase());
    list.object({selfPath(L, prog), loaderBase(),
                 reinterpret_cast<const Elf64_Phdr *>(loaderBase() + eh->e_phoff), eh->e_phnum, 0,
                 0});
  }
  list.vdso();
  list.loaderMemory();
  list.print();
  list.tls();
  list.stack(sp);
  list.heap();
}

} // namespace mload
