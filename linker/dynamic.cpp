// Building and writing the dynamic-linking tables: .interp, .dynsym,
// .dynstr, the two hash tables, symbol versions, .dynamic, and the dynamic
// relocations of the GOT and of copied variables.
#include "dynamic.h"
#include "stats.h"

#include "context.h"
#include "diag.h"
#include "relr.h"

#include "llvm/Support/Endian.h"
#include "shared-file.h"

#include <algorithm>
#include <map>
#include <set>

namespace mld {

using namespace llvm::ELF;
using llvm::support::endian::write16le;
using llvm::support::endian::write32le;
using llvm::support::endian::write64le;

static const char defaultInterp[] = "/lib64/ld-linux-x86-64.so.2";

uint32_t gnuHash(std::string_view name) {
  uint32_t h = 5381;
  for (unsigned char c : name)
    h = h * 33 + c;
  return h;
}

uint32_t sysvHash(std::string_view name) {
  uint32_t h = 0;
  for (unsigned char c : name) {
    h = (h << 4) + c;
    uint32_t g = h & 0xf0000000;
    if (g)
      h ^= g >> 24;
    h &= ~g;
  }
  return h;
}

// ---- .interp ----------------------------------------------------------------

static std::string interpPath(Context &ctx) {
  return ctx.config.dynamicLinker.empty() ? defaultInterp : ctx.config.dynamicLinker;
}

void InterpSection::computeSize(Context &ctx) { shdr.sh_size = interpPath(ctx).size() + 1; }

void InterpSection::writeTo(Context &ctx, uint8_t *buf) {
  std::string p = interpPath(ctx);
  memcpy(buf, p.c_str(), p.size() + 1);
}

// ---- creation and the tables' contents ---------------------------------------

void createDynamicSections(Context &ctx) {
  if (!ctx.hasDynamicSection)
    return;
  const Config &cfg = ctx.config;
  if (cfg.kind != OutputKind::Shared && !cfg.isStaticPie() && !cfg.noDynamicLinker)
    ctx.interp = ctx.make<InterpSection>();
  ctx.dynsym = ctx.make<DynsymSection>();
  ctx.dynstr = ctx.make<StrtabSection>(".dynstr", SHF_ALLOC);
  if (cfg.hashStyle != HashStyle::Gnu)
    ctx.hash = ctx.make<HashSection>();
  if (cfg.hashStyle != HashStyle::Sysv)
    ctx.gnuHash = ctx.make<GnuHashSection>();
  ctx.versym = ctx.make<VersymSection>();
  ctx.verneed = ctx.make<VerneedSection>();
  ctx.verdef = ctx.make<VerdefSection>();
  ctx.dynamic = ctx.make<DynamicSection>();
}

static StringTableBuilder &dynstr(Context &ctx) { return ctx.dynstr->strings; }

// The GOT's slots that a loader fills (psABI 4.4.1 for the types).
void GotSection::addDynamicRelocs(Context &ctx) {
  bool pic = ctx.isPic();
  bool shared = ctx.config.isShared();
  for (size_t i = 0; i < entries.size(); i++) {
    const Entry &e = entries[i];
    DynReloc r{};
    r.chunk = this;
    r.offset = i * 8;
    r.sym = e.sym;
    switch (e.kind) {
    case Kind::Addr:
      if (e.sym->isPreemptible) {
        r.type = R_X86_64_GLOB_DAT;
        r.why = "GOT slot of a preemptible symbol";
      } else if (pic && !e.sym->isAbsolute && !e.sym->isUndefined()) {
        r.type = R_X86_64_RELATIVE;
        r.addendIsSymbolVA = true;
        r.why = "GOT slot of a local symbol in PIC output";
      } else {
        continue;
      }
      break;
    case Kind::TpOff:
      r.why = "initial-exec TLS: the TP offset is known once the loader lays out TLS";
      // A shared object using the static TLS block says so (DF_STATIC_TLS),
      // as GNU ld marks it: dlopen may then refuse it.
      ctx.usesStaticTls |= shared;
      if (e.sym->isPreemptible) {
        r.type = R_X86_64_TPOFF64;
      } else if (shared) {
        r.type = R_X86_64_TPOFF64;
        r.sym = nullptr;
        r.addend = e.sym->getVA(ctx) - ctx.tlsBegin; // fixed at write time
        r.addendIsSymbolVA = false;
      } else {
        continue;
      }
      break;
    case Kind::TlsGdMod:
    case Kind::TlsLdMod:
      r.type = R_X86_64_DTPMOD64;
      r.why = "general/local-dynamic TLS: module ID, assigned by the loader";
      if (e.kind == Kind::TlsLdMod || !e.sym->isPreemptible)
        r.sym = nullptr;
      if (e.kind == Kind::TlsLdMod && i != (size_t)tlsLdIndex)
        continue; // the second word of the LD pair is a zero offset
      break;
    case Kind::TlsDesc:
      r.type = R_X86_64_TLSDESC;
      r.why = "TLS descriptor: the loader fills in a resolver and its argument";
      if (!e.sym->isPreemptible) {
        r.sym = nullptr;
        r.addend = e.sym->getVA(ctx) - ctx.tlsBegin;
      }
      break;
    case Kind::TlsDescArg:
      continue;
    case Kind::TlsGdOff:
      if (!e.sym->isPreemptible)
        continue; // the offset in the module's block is known now
      r.type = R_X86_64_DTPOFF64;
      r.why = "general-dynamic TLS: offset of a preemptible variable in its module";
      break;
    }
    ctx.relaDyn->relocs.push_back(r);
  }
}

// Which dynamic symbols, in which order: imports first, then exports sorted
// by .gnu.hash bucket. Gives each its dynsymIndex.
static void collectDynamicSymbols(Context &ctx) {
  DynsymSection &ds = *ctx.dynsym;
  std::vector<Symbol *> imports, exports;
  for (Symbol *sym : ctx.symtab.symbols) {
    // Copied variables and canonical PLT entries are definitions as far as
    // other modules are concerned: they must be found through .gnu.hash.
    bool copied = sym->needs & (NeedsCopy | NeedsCanonicalPlt);
    bool isImport = !copied && (sym->isShared() || (sym->isUndefined() && sym->isPreemptible));
    if (isImport) {
      if ((sym->needs & NeedsDynsym) || sym->isUsedInRegularObj)
        imports.push_back(sym);
    } else if ((sym->isDefined() && sym->isExported) || copied) {
      exports.push_back(sym);
    }
  }
  uint32_t nbuckets = 1;
  // Each name is hashed once; exports are then ordered by bucket.
  std::vector<std::pair<uint32_t, Symbol *>> hashed;
  hashed.reserve(exports.size());
  for (Symbol *sym : exports)
    hashed.push_back({gnuHash(sym->dynamicName()), sym});
  if (ctx.gnuHash) {
    // A stable counting sort by bucket: linear, and deterministic.
    nbuckets = std::max<uint32_t>(exports.size() / 4, 1);
    std::vector<uint32_t> start(nbuckets + 1, 0);
    for (auto &[h, sym] : hashed)
      start[h % nbuckets + 1]++;
    for (uint32_t b = 0; b < nbuckets; b++)
      start[b + 1] += start[b];
    std::vector<std::pair<uint32_t, Symbol *>> sorted(hashed.size());
    for (auto &e : hashed)
      sorted[start[e.first % nbuckets]++] = e;
    hashed = std::move(sorted);
  }
  ds.gnuBuckets = nbuckets;
  ds.firstHashed = imports.size() + 1;
  ds.symbols = imports;
  ds.gnuHashes.assign(imports.size(), 0);
  for (auto &[h, sym] : hashed) {
    ds.symbols.push_back(sym);
    ds.gnuHashes.push_back(h);
  }
  // Names in .dynsym are distinct, so they are appended without lookups.
  for (size_t i = 0; i < ds.symbols.size(); i++) {
    ds.symbols[i]->dynsymIndex = i + 1;
    ds.nameOffsets.push_back(dynstr(ctx).append(ds.symbols[i]->dynamicName()));
  }
}

void buildDynamicTables(Context &ctx) {
  ScopedTimer timer(ctx, "buildDynamicTables");
  if (!ctx.hasDynamicSection)
    return;
  // DT_NEEDED: every library, or with --as-needed only those something
  // refers to, once per soname.
  // A library's own DT_AUDIT modules must also audit us (GNU ld adds them to
  // DT_DEPAUDIT, after --depaudit's), or they would miss our bindings.
  std::string depaudit;
  auto appendTo = [](std::string &list, const std::string &item) {
    list += (list.empty() ? "" : ":") + item;
  };
  for (const std::string &lib : ctx.config.depaudit)
    appendTo(depaudit, lib);
  std::set<std::string> seen;
  for (SharedFile *so : ctx.dsos) {
    if (so->asNeeded && !so->isNeeded)
      continue;
    if (seen.insert(so->soname).second) {
      ctx.neededLibs.push_back(so->soname);
      dynstr(ctx).add(so->soname);
      if (!so->audit.empty())
        appendTo(depaudit, so->audit);
    }
  }
  for (const std::string &lib : ctx.config.audit)
    appendTo(ctx.auditString, lib);
  ctx.depauditString = std::move(depaudit);
  for (const std::string *s : {&ctx.auditString, &ctx.depauditString})
    if (!s->empty())
      dynstr(ctx).add(*s); // (the table keeps a reference)
  if (!ctx.config.soname.empty())
    dynstr(ctx).add(ctx.config.soname);
  if (!ctx.config.rpath.empty()) {
    // GNU ld skips an -rpath value already present as a whole run of
    // ':'-separated entries (-rpath /a:/b -rpath /a gives /a:/b).
    std::string joined;
    for (const std::string &p : ctx.config.rpath) {
      std::string within = ":" + joined + ":";
      if (!joined.empty() && within.find(":" + p + ":") != std::string::npos)
        continue;
      joined += (joined.empty() ? "" : ":") + p;
    }
    ctx.rpathString = joined;
    dynstr(ctx).add(ctx.rpathString); // (the table keeps a reference)
  }

  collectDynamicSymbols(ctx);
  uint16_t nextIndex = ctx.verdef->names.empty() ? 2 : ctx.verdef->names.size() + 1;
  ctx.verneed->build(ctx, nextIndex);

  ctx.got->addDynamicRelocs(ctx);
  for (CopyRelSection *sec : {ctx.copyRelRo, ctx.copyRel}) {
    for (Symbol *sym : sec->symbols) {
      DynReloc r{R_X86_64_COPY};
      r.why = "non-PIC code uses a library's variable directly: the loader copies it here";
      r.chunk = sec;
      r.offset = sym->copyOffset;
      r.sym = sym;
      ctx.relaDyn->relocs.push_back(r);
    }
  }
}

// ---- .dynsym -------------------------------------------------------------------

void DynsymSection::writeTo(Context &ctx, uint8_t *buf) {
  auto *out = reinterpret_cast<ElfSym *>(buf) + 1;
  for (size_t i = 0; i < symbols.size(); i++) {
    const Symbol &sym = *symbols[i];
    ElfSym &es = out[i];
    es.st_name = nameOffsets[i];
    es.st_size = sym.size;
    es.st_other = sym.visibility == STV_PROTECTED ? STV_PROTECTED : STV_DEFAULT;
    uint8_t binding = sym.binding;
    if (sym.isShared() || sym.isUndefined())
      binding = sym.isWeakRefOnly ? STB_WEAK : STB_GLOBAL;
    uint8_t type = sym.type == STT_GNU_IFUNC && sym.isShared() ? (uint8_t)STT_FUNC : sym.type;
    es.setBindingAndType(binding, type);
    if (sym.needs & NeedsCopy) {
      es.st_shndx = sym.copySection(ctx)->shndx;
      es.st_value = sym.getCopyVA(ctx);
    } else if (sym.type == STT_GNU_IFUNC && sym.ipltIndex >= 0 && !ctx.config.isPic()) {
      // The executable's own references use the IFUNC's PLT entry as its
      // address. A DSO must bind to that same entry, as a plain function
      // (glibc refuses to run an executable's IFUNC resolver for a DSO's
      // reference before the executable is relocated): GNU ld's rule.
      es.setBindingAndType(binding, STT_FUNC);
      es.st_shndx = ctx.plt->shndx;
      es.st_value = sym.getVA(ctx);
      es.st_size = 0;
    } else if (sym.isDefined()) {
      es.st_shndx = sym.getOutputShndx();
      uint64_t va = sym.getVA(ctx);
      es.st_value = sym.isTls() ? va - ctx.tlsBegin : va;
    } else {
      es.st_shndx = SHN_UNDEF;
      // A function whose address a non-PIC executable takes is our PLT
      // entry: a non-zero st_value on an undefined symbol tells the loader
      // to use it as the canonical address (psABI 5.2, "Function Addresses").
      es.st_value = (sym.needs & NeedsCanonicalPlt) ? ctx.plt->entryVA(sym.pltIndex) : 0;
      es.st_size = 0;
    }
  }
}

// ---- hash tables -----------------------------------------------------------------

void HashSection::computeSize(Context &ctx) {
  size_t n = ctx.dynsym->symbols.size() + 1;
  shdr.sh_size = (2 + n + n) * 4; // nbucket = nchain = n
}

void HashSection::writeTo(Context &ctx, uint8_t *buf) {
  auto &syms = ctx.dynsym->symbols;
  uint32_t n = syms.size() + 1;
  uint32_t *w = reinterpret_cast<uint32_t *>(buf);
  w[0] = n;
  w[1] = n;
  uint32_t *buckets = w + 2, *chains = w + 2 + n;
  for (uint32_t i = 1; i < n; i++) {
    uint32_t b = sysvHash(syms[i - 1]->dynamicName()) % n;
    chains[i] = buckets[b];
    buckets[b] = i;
  }
}

void GnuHashSection::computeSize(Context &ctx) {
  DynsymSection &ds = *ctx.dynsym;
  uint32_t hashed = ds.symbols.size() + 1 - ds.firstHashed;
  // About 12 bits of Bloom filter per symbol, in whole 64-bit words.
  uint64_t words = std::max<uint64_t>(hashed * 12 / 64, 1);
  bloomWords = 1;
  while (bloomWords < words)
    bloomWords *= 2;
  shdr.sh_size = 16 + bloomWords * 8 + ds.gnuBuckets * 4 + hashed * 4;
}

void GnuHashSection::writeTo(Context &ctx, uint8_t *buf) {
  DynsymSection &ds = *ctx.dynsym;
  uint32_t nb = ds.gnuBuckets;
  write32le(buf, nb);
  write32le(buf + 4, ds.firstHashed);
  write32le(buf + 8, bloomWords);
  write32le(buf + 12, bloomShift);
  uint8_t *bloom = buf + 16;
  uint8_t *buckets = bloom + bloomWords * 8;
  uint8_t *chain = buckets + nb * 4;
  uint32_t n = ds.symbols.size() + 1;
  for (uint32_t i = ds.firstHashed; i < n; i++) {
    uint32_t h = ds.gnuHashes[i - 1];
    uint64_t *word = reinterpret_cast<uint64_t *>(bloom) + (h / 64) % bloomWords;
    *word |= (uint64_t(1) << (h % 64)) | (uint64_t(1) << ((h >> bloomShift) % 64));
    uint32_t b = h % nb;
    if (!llvm::support::endian::read32le(buckets + b * 4))
      write32le(buckets + b * 4, i);
    // The low bit marks the last symbol of a bucket's run.
    bool last = i + 1 == n || ds.gnuHashes[i] % nb != b;
    write32le(chain + (i - ds.firstHashed) * 4, (h & ~1u) | (last ? 1 : 0));
  }
}

// ---- versions ------------------------------------------------------------------------

void VersymSection::computeSize(Context &ctx) {
  shdr.sh_size = (ctx.dynsym->symbols.size() + 1) * 2;
}

void VersymSection::writeTo(Context &ctx, uint8_t *buf) {
  write16le(buf, 0);
  for (size_t i = 0; i < ctx.dynsym->symbols.size(); i++)
    write16le(buf + (i + 1) * 2, ctx.dynsym->symbols[i]->versionId);
}

bool VersymSection::isNeeded(Context &ctx) const {
  return ctx.verneed->isNeeded(ctx) || ctx.verdef->isNeeded(ctx);
}

// glibc 2.36 defines the version GLIBC_ABI_DT_RELR so that a DT_RELR
// object asks for it: an older glibc, which would skip DT_RELR and run
// unrelocated, refuses to load it instead. As GNU ld does with -z
// pack-relative-relocs (whether or not .relr.dyn ends up empty): if the
// output needs a GLIBC_2.* version of a library whose soname starts with
// "libc.so.", it needs GLIBC_ABI_DT_RELR of it too (GNU ld does not check
// that the library defines it).
void VerneedSection::addRelrVersionNeed(Context &ctx, uint16_t index) {
  static const std::string name = "GLIBC_ABI_DT_RELR";
  for (size_t i = 0; i < needs.size(); i++) {
    if (!llvm::StringRef(needSonames[i]).startswith("libc.so."))
      continue;
    std::vector<Aux> &aux = needs[i].aux;
    auto isGlibc = [&](const Aux &a) {
      return llvm::StringRef(dynstr(ctx).at(a.nameOff)).startswith("GLIBC_2.");
    };
    if (std::any_of(aux.begin(), aux.end(), isGlibc))
      aux.push_back({dynstr(ctx).add(name), sysvHash(name), index});
    return; // only the first such library, as GNU ld
  }
}

void VerneedSection::build(Context &ctx, uint16_t firstIndex) {
  std::map<std::pair<SharedFile *, std::string>, uint16_t> indexOf;
  std::map<SharedFile *, size_t> needOf;
  uint16_t next = firstIndex;
  for (Symbol *sym : ctx.dynsym->symbols) {
    if (!sym->isShared())
      continue;
    auto *so = static_cast<SharedFile *>(sym->file);
    uint16_t v = sym->sharedVersion & ~VERSYM_HIDDEN;
    if (v <= VER_NDX_GLOBAL || v >= so->verdefNames.size() || so->verdefNames[v].empty()) {
      sym->versionId = VER_NDX_GLOBAL;
      continue;
    }
    const std::string &vname = so->verdefNames[v];
    auto [it, inserted] = indexOf.try_emplace({so, vname}, next);
    if (inserted) {
      next++;
      auto nit = needOf.find(so);
      if (nit == needOf.end()) {
        nit = needOf.emplace(so, needs.size()).first;
        needs.push_back({dynstr(ctx).add(so->soname), {}});
        needSonames.push_back(so->soname);
      }
      needs[nit->second].aux.push_back({dynstr(ctx).add(vname), sysvHash(vname), it->second});
    }
    sym->versionId = it->second;
  }
  if (ctx.relrDyn)
    addRelrVersionNeed(ctx, next);
}

void VerneedSection::computeSize(Context &ctx) {
  size_t n = 0;
  for (const Need &need : needs)
    n += sizeof(ELFT::Verneed) + need.aux.size() * sizeof(ELFT::Vernaux);
  shdr.sh_size = n;
  shdr.sh_info = needs.size();
}

void VerneedSection::writeTo(Context &ctx, uint8_t *buf) {
  for (size_t i = 0; i < needs.size(); i++) {
    const Need &need = needs[i];
    auto *vn = reinterpret_cast<ELFT::Verneed *>(buf);
    vn->vn_version = 1;
    vn->vn_cnt = need.aux.size();
    vn->vn_file = need.fileOff;
    vn->vn_aux = sizeof(ELFT::Verneed);
    size_t size = sizeof(ELFT::Verneed) + need.aux.size() * sizeof(ELFT::Vernaux);
    vn->vn_next = i + 1 < needs.size() ? size : 0;
    auto *va = reinterpret_cast<ELFT::Vernaux *>(buf + sizeof(ELFT::Verneed));
    for (size_t j = 0; j < need.aux.size(); j++) {
      va[j].vna_hash = need.aux[j].hash;
      va[j].vna_flags = 0;
      va[j].vna_other = need.aux[j].index;
      va[j].vna_name = need.aux[j].nameOff;
      va[j].vna_next = j + 1 < need.aux.size() ? sizeof(ELFT::Vernaux) : 0;
    }
    buf += size;
  }
}

void VerdefSection::computeSize(Context &ctx) {
  size_t n = 0;
  for (size_t i = 0; i < names.size(); i++)
    n += sizeof(ELFT::Verdef) +
         (1 + (i < parents.size() ? parents[i].size() : 0)) * sizeof(ELFT::Verdaux);
  shdr.sh_size = n;
  shdr.sh_info = names.size();
}

void VerdefSection::writeTo(Context &ctx, uint8_t *buf) {
  for (size_t i = 0; i < names.size(); i++) {
    size_t nparents = i < parents.size() ? parents[i].size() : 0;
    auto *vd = reinterpret_cast<ELFT::Verdef *>(buf);
    vd->vd_version = 1;
    vd->vd_flags = i == 0 ? VER_FLG_BASE : 0;
    vd->vd_ndx = i + 1;
    vd->vd_cnt = 1 + nparents;
    vd->vd_hash = sysvHash(names[i]);
    vd->vd_aux = sizeof(ELFT::Verdef);
    size_t size = sizeof(ELFT::Verdef) + (1 + nparents) * sizeof(ELFT::Verdaux);
    vd->vd_next = i + 1 < names.size() ? size : 0;
    auto *va = reinterpret_cast<ELFT::Verdaux *>(buf + sizeof(ELFT::Verdef));
    va[0].vda_name = nameOffsets[i];
    va[0].vda_next = nparents ? sizeof(ELFT::Verdaux) : 0;
    for (size_t j = 0; j < nparents; j++) {
      va[j + 1].vda_name = nameOffsets[parents[i][j]];
      va[j + 1].vda_next = j + 1 < nparents ? sizeof(ELFT::Verdaux) : 0;
    }
    buf += size;
  }
}

// ---- .dynamic --------------------------------------------------------------------------

// The tables of dynamic relocations: .rela.plt, .rela.dyn, .relr.dyn.
static void addRelocationTags(Context &ctx, std::vector<std::pair<int64_t, uint64_t>> &e) {
  auto addr = [](Chunk *c) { return c->shdr.sh_addr; };
  auto needed = [&](Chunk *c) { return c && c->isNeeded(ctx); };
  if (needed(ctx.relaPlt)) {
    e.push_back({DT_PLTGOT, addr(ctx.gotPlt)});
    e.push_back({DT_PLTRELSZ, ctx.relaPlt->shdr.sh_size});
    e.push_back({DT_PLTREL, DT_RELA});
    e.push_back({DT_JMPREL, addr(ctx.relaPlt)});
  }
  if (needed(ctx.relaDyn)) {
    e.push_back({DT_RELA, addr(ctx.relaDyn)});
    e.push_back({DT_RELASZ, ctx.relaDyn->shdr.sh_size});
    e.push_back({DT_RELAENT, sizeof(ElfRela)});
    if (ctx.relaDyn->relativeCount)
      e.push_back({DT_RELACOUNT, ctx.relaDyn->relativeCount});
  }
  // (Right after DT_RELACOUNT, as GNU ld has them.)
  if (needed(ctx.relrDyn)) {
    e.push_back({DT_RELR, addr(ctx.relrDyn)});
    e.push_back({DT_RELRSZ, ctx.relrDyn->shdr.sh_size});
    e.push_back({DT_RELRENT, 8});
  }
}

std::vector<std::pair<int64_t, uint64_t>> DynamicSection::entries(Context &ctx) {
  const Config &cfg = ctx.config;
  std::vector<std::pair<int64_t, uint64_t>> e;
  auto addr = [](Chunk *c) { return c->shdr.sh_addr; };
  auto needed = [&](Chunk *c) { return c && c->isNeeded(ctx); };
  StringTableBuilder &strs = dynstr(ctx);

  for (const std::string &lib : ctx.neededLibs)
    e.push_back({DT_NEEDED, strs.add(lib)});
  if (!cfg.soname.empty())
    e.push_back({DT_SONAME, strs.add(cfg.soname)});
  // -f / -F: the loader looks up symbols in the named object first (an
  // auxiliary one only if it can be loaded), as GNU ld writes them.
  for (const std::string &name : cfg.filter)
    e.push_back({DT_FILTER, strs.add(name)});
  for (const std::string &name : cfg.auxiliary)
    e.push_back({DT_AUXILIARY, strs.add(name)});
  // -Bsymbolic: DT_SYMBOLIC and DF_SYMBOLIC, both as GNU ld writes them. A
  // dynamic or export list turns it into "all but the listed" (GNU ld),
  // which the loader's flag cannot express: then neither.
  bool symbolic = cfg.bsymbolic && cfg.isShared() && !cfg.hasDynamicList() &&
                  cfg.exportDynamicSyms.empty() && cfg.exportDynamicSymbolLists.empty();
  if (symbolic)
    e.push_back({DT_SYMBOLIC, 0});
  if (!ctx.rpathString.empty())
    e.push_back({cfg.enableNewDtags ? DT_RUNPATH : DT_RPATH, strs.add(ctx.rpathString)});
  if (!ctx.auditString.empty())
    e.push_back({DT_GNU_AUDIT, strs.add(ctx.auditString)});
  if (!ctx.depauditString.empty())
    e.push_back({DT_GNU_DEPAUDIT, strs.add(ctx.depauditString)});

  auto symAddr = [&](const std::string &name) -> std::optional<uint64_t> {
    Symbol *s = ctx.symtab.find(name);
    if (s && s->isDefined() && s->section)
      return s->getVA(ctx);
    return std::nullopt;
  };
  if (auto v = symAddr(cfg.initSymbol))
    e.push_back({DT_INIT, *v});
  if (auto v = symAddr(cfg.finiSymbol))
    e.push_back({DT_FINI, *v});
  for (auto [name, tag, sz] :
       {std::tuple{".init_array", DT_INIT_ARRAY, DT_INIT_ARRAYSZ},
        std::tuple{".fini_array", DT_FINI_ARRAY, DT_FINI_ARRAYSZ},
        std::tuple{".preinit_array", DT_PREINIT_ARRAY, DT_PREINIT_ARRAYSZ}}) {
    for (OutputSection *osec : ctx.outputSections)
      if (osec->name == name && osec->isNeeded(ctx)) {
        if (tag == DT_PREINIT_ARRAY && cfg.isShared())
          continue;
        e.push_back({tag, addr(osec)});
        e.push_back({sz, osec->shdr.sh_size});
      }
  }
  if (needed(ctx.hash))
    e.push_back({DT_HASH, addr(ctx.hash)});
  if (needed(ctx.gnuHash))
    e.push_back({DT_GNU_HASH, addr(ctx.gnuHash)});
  e.push_back({DT_STRTAB, addr(ctx.dynstr)});
  e.push_back({DT_SYMTAB, addr(ctx.dynsym)});
  e.push_back({DT_STRSZ, (ctx.dynstr)->shdr.sh_size});
  e.push_back({DT_SYMENT, sizeof(ElfSym)});
  if (!cfg.isShared())
    e.push_back({DT_DEBUG, 0});
  addRelocationTags(ctx, e);
  if (needed(ctx.verdef)) {
    e.push_back({DT_VERDEF, addr(ctx.verdef)});
    e.push_back({DT_VERDEFNUM, ctx.verdef->names.size()});
  }
  if (needed(ctx.verneed)) {
    e.push_back({DT_VERNEED, addr(ctx.verneed)});
    e.push_back({DT_VERNEEDNUM, ctx.verneed->needs.size()});
  }
  if (needed(ctx.versym))
    e.push_back({DT_VERSYM, addr(ctx.versym)});
  // The loader makes the segments writable while it relocates them.
  if (ctx.hasTextRel)
    e.push_back({DT_TEXTREL, 0});

  uint64_t flags = 0, flags1 = 0;
  if (cfg.zNow) {
    flags |= DF_BIND_NOW;
    flags1 |= DF_1_NOW;
  }
  if (cfg.zOrigin) {
    flags |= DF_ORIGIN;
    flags1 |= DF_1_ORIGIN;
  }
  if (cfg.zNodelete)
    flags1 |= DF_1_NODELETE;
  if (cfg.kind == OutputKind::Pie)
    flags1 |= DF_1_PIE;
  flags1 |= cfg.zFlags1;
  if (symbolic)
    flags |= DF_SYMBOLIC;
  if (ctx.hasTextRel)
    flags |= DF_TEXTREL;
  if (ctx.usesStaticTls)
    flags |= DF_STATIC_TLS;
  if (flags)
    e.push_back({DT_FLAGS, flags});
  if (flags1)
    e.push_back({DT_FLAGS_1, flags1});
  e.push_back({DT_NULL, 0});
  // --spare-dynamic-tags: room for tools that add entries after the link.
  e.insert(e.end(), cfg.spareDynamicTags, {DT_NULL, 0});
  return e;
}

void DynamicSection::computeSize(Context &ctx) { shdr.sh_size = entries(ctx).size() * 16; }

void DynamicSection::writeTo(Context &ctx, uint8_t *buf) {
  for (auto [tag, val] : entries(ctx)) {
    write64le(buf, tag);
    write64le(buf + 8, val);
    buf += 16;
  }
}

} // namespace mld
