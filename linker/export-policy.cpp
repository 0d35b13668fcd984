// Export policy: which definitions the output exports (.dynsym) and which
// stay preemptible (bound by the loader, so another module can interpose
// them), from the output kind, visibility, -Bsymbolic[-functions], the
// version script, the dynamic and export lists, --exclude-libs and
// --export-dynamic. It runs once every name has its winner, before the
// relocation scan, which asks each symbol's isPreemptible/isExported.
#include "export-policy.h"

#include "context.h"
#include "dependency-file.h"
#include "diag.h"
#include "dynamic.h"
#include "shared-file.h"
#include "stats.h"

#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <unordered_set>

namespace mld {

using namespace llvm::ELF;

static std::string readScript(Context &ctx, const std::string &path) {
  noteDependency(ctx, path);
  auto mb = llvm::MemoryBuffer::getFile(path, /*IsText=*/true);
  if (!mb)
    Fatal(ctx) << "cannot open " << path << ": " << mb.getError().message();
  return (*mb)->getBuffer().str();
}

std::optional<VersionScript> readLinkVersionScript(Context &ctx) {
  const Config &cfg = ctx.config;
  std::vector<std::pair<std::string, std::string>> sources;
  if (!cfg.versionScript.empty())
    sources.emplace_back(cfg.versionScript, readScript(ctx, cfg.versionScript));
  sources.insert(sources.end(), cfg.scriptVersions.begin(), cfg.scriptVersions.end());
  if (sources.empty())
    return std::nullopt;
  VersionScript all;
  for (const auto &[path, text] : sources) {
    std::string error;
    std::optional<VersionScript> one = parseVersionScript(text, error);
    if (!one)
      Fatal(ctx) << path << ": " << error;
    all.nodes.insert(all.nodes.end(), one->nodes.begin(), one->nodes.end());
  }
  return all;
}

// --no-undefined-version: each exact name (no wildcard) a node's `global:`
// lists must be defined in the output, as GNU ld checks it: a hidden
// definition counts, a name only a shared library defines does not, and
// `local:` names are not checked. (`foo@@V1` from .symver defines foo.)
static void reportUndefinedVersions(Context &ctx, const VersionScript &script) {
  bool anyCxx = false;
  for (const VersionNode &node : script.nodes)
    for (const VersionPattern &pat : node.globals)
      anyCxx |= pat.isCxx && !pat.hasWildcard;
  std::unordered_set<std::string> defined, definedCxx;
  for (Symbol *sym : ctx.symtab.symbols) {
    if (!sym->isDefined())
      continue;
    std::string_view name = sym->name.substr(0, sym->name.find('@'));
    defined.emplace(name);
    if (anyCxx)
      definedCxx.insert(demangleForVersionScript(name));
  }
  for (const VersionNode &node : script.nodes)
    for (const VersionPattern &pat : node.globals) {
      if (pat.hasWildcard || (pat.isCxx ? definedCxx : defined).count(pat.pattern))
        continue;
      Error(ctx) << ctx.config.versionScript << ": version "
                 << (node.name.empty() ? "{ }" : "'" + node.name + "'") << " names '" << pat.pattern
                 << "', which is not defined (--no-undefined-version)";
    }
}

// A definition that names its version (`.symver foo_v2, foo@@V2`, or
// `foo@V1` for a non-default one) keeps it whatever the script's patterns
// say, as in GNU ld: the node of that name gives the index (hidden for a
// single `@`), and only that node's `local:` patterns can hide it (unless
// one of its `global:` patterns names it too); a
// version no node names is an error, and an empty version (`foo@@`) leaves
// the name exported without a version.
static void applyExplicitVersion(Context &ctx, Symbol &sym, const VersionScript &script) {
  std::string_view rest = sym.name.substr(sym.name.find('@') + 1);
  bool hidden = !rest.starts_with("@");
  if (!hidden)
    rest.remove_prefix(1);
  if (rest.empty()) {
    sym.versionId = VER_NDX_GLOBAL;
    return;
  }
  size_t idx = 0;
  while (idx < script.nodes.size() && script.nodes[idx].name != rest)
    idx++;
  if (idx == script.nodes.size()) {
    Error(ctx) << ctx.config.outputPath << ": version node not found for symbol " << sym.name
               << " (defined in " << sym.file->displayName() << ")";
    return;
  }
  std::string_view base = sym.name.substr(0, sym.name.find('@'));
  auto matches = [&](const std::vector<VersionPattern> &pats) {
    for (const VersionPattern &pat : pats)
      if (pat.hasWildcard ? globMatch(pat.pattern, base) : pat.pattern == base)
        return true;
    return false;
  };
  const VersionNode &node = script.nodes[idx];
  if (!matches(node.globals) && matches(node.locals)) {
    sym.visibility = STV_HIDDEN;
    return;
  }
  sym.versionId = uint16_t(idx + 2) | (hidden ? VERSYM_HIDDEN : 0);
}

// --default-symver with a version script: what the script leaves without a
// named version (an anonymous node's names, and names no pattern matches)
// gets the soname's version instead, as in GNU ld. The soname is version 2,
// before the script's nodes: the anonymous node (always the only one) takes
// its name, or an empty node is put first. Its version definition is then
// written even when no name uses it (`{ local: *; };`), as GNU ld does.
static void addDefaultVersion(VersionScript &script, const std::string &base) {
  if (script.nodes.size() == 1 && script.nodes[0].name.empty()) {
    script.nodes[0].name = base;
    return;
  }
  VersionNode node;
  node.name = base;
  script.nodes.insert(script.nodes.begin(), std::move(node));
}

// --version-script: symbols a `local:` pattern matches stay inside the
// output; the others get their node's version (.gnu.version_d lists them).
static void applyVersionScript(Context &ctx) {
  const Config &cfg = ctx.config;
  std::string base =
      cfg.soname.empty() ? llvm::sys::path::filename(cfg.outputPath).str() : cfg.soname;
  std::optional<VersionScript> script = readLinkVersionScript(ctx);
  bool fromScript = script.has_value();
  if (!script) {
    script.emplace();
    // --default-symver: every exported name gets version BASE, as if by
    // `BASE { global: *; };`.
    if (cfg.defaultSymver) {
      VersionNode &node = script->nodes.emplace_back();
      node.name = base;
      node.globals.push_back({"*", false, true});
    }
  }
  if (cfg.noUndefinedVersion)
    reportUndefinedVersions(ctx, *script);
  if (cfg.defaultSymver && cfg.isShared() && fromScript)
    addDefaultVersion(*script, base);
  VersionMatcher matcher(*script);
  for (Symbol *sym : ctx.symtab.symbols) {
    if (!sym->isDefined() || sym->isLinkerDefined)
      continue;
    if (sym->name.find('@') != std::string_view::npos) {
      if (cfg.isShared())
        applyExplicitVersion(ctx, *sym, *script);
      continue;
    }
    VersionMatch m = matcher.match(sym->name);
    if (m.isLocal)
      sym->visibility = STV_HIDDEN;
    else if (cfg.isShared())
      sym->versionId = cfg.defaultSymver ? std::max<uint16_t>(versionIndexOf(*script, m), 2)
                                         : versionIndexOf(*script, m);
  }
  if (!ctx.verdef || !cfg.isShared())
    return;
  std::vector<std::string> &names = ctx.verdef->names;
  bool named = false;
  for (const VersionNode &node : script->nodes)
    named |= !node.name.empty();
  if (!named)
    return;
  names.push_back(base);
  ctx.verdef->parents.emplace_back();
  for (const VersionNode &node : script->nodes) {
    names.push_back(node.name);
    std::vector<uint16_t> parents;
    for (const std::string &p : node.parents)
      for (size_t i = 1; i < names.size(); i++)
        if (names[i] == p)
          parents.push_back(i);
    ctx.verdef->parents.push_back(parents);
  }
  for (const std::string &n : names)
    ctx.verdef->nameOffsets.push_back(ctx.dynstr->strings.add(n));
}

// The patterns of every FILE in paths (dynamic-list syntax), in order.
static std::vector<VersionPattern> readDynamicLists(Context &ctx,
                                                    const std::vector<std::string> &paths) {
  std::vector<VersionPattern> all;
  for (const std::string &path : paths) {
    std::string error;
    std::optional<std::vector<VersionPattern>> list =
        parseDynamicList(readScript(ctx, path), error);
    if (!list)
      Fatal(ctx) << path << ": " << error;
    all.insert(all.end(), list->begin(), list->end());
  }
  return all;
}

std::vector<VersionPattern> builtinDynamicList(const Config &cfg) {
  // GNU ld's built-in lists, matched as extern "C++" patterns: a program
  // that replaces operator new, or compares typeinfo objects across
  // modules, needs one definition of each visible to every module.
  std::vector<VersionPattern> list;
  if (cfg.dynamicListCppNew)
    list.insert(list.end(), {{"operator new*", true, true}, {"operator delete*", true, true}});
  if (cfg.dynamicListCppTypeinfo)
    list.insert(list.end(), {{"typeinfo for*", true, true}, {"typeinfo name for*", true, true}});
  return list;
}

void computeImportExport(Context &ctx) {
  ScopedTimer timer(ctx, "computeImportExport");
  const Config &cfg = ctx.config;
  bool dynamic = ctx.hasDynamicSection && !cfg.isStaticPie();
  auto versionedNames = [&] {
    for (const ObjectFile *obj : ctx.objs)
      if (obj->hasVersionedNames)
        return true;
    return false;
  };
  if (dynamic && (!cfg.versionScript.empty() || !cfg.scriptVersions.empty() ||
                  (cfg.isShared() && (cfg.defaultSymver || versionedNames()))))
    applyVersionScript(ctx);
  // GNU ld's two lists. The dynamic list (--dynamic-list, and every data
  // symbol with --dynamic-list-data) names what an executable exports and
  // what stays preemptible in a shared object, where giving one at all binds
  // every other definition locally, as -Bsymbolic does. The export list
  // (--export-dynamic-symbol[-list]) also names what an executable exports,
  // but in a shared object it only keeps names preemptible that
  // -Bsymbolic or a dynamic list would bind.
  std::vector<VersionPattern> dynList, exportList;
  if (dynamic) {
    dynList = readDynamicLists(ctx, cfg.dynamicLists);
    std::vector<VersionPattern> builtin = builtinDynamicList(cfg);
    dynList.insert(dynList.end(), builtin.begin(), builtin.end());
    exportList = readDynamicLists(ctx, cfg.exportDynamicSymbolLists);
    for (const std::string &glob : cfg.exportDynamicSyms)
      exportList.push_back({glob, false, glob.find_first_of("*?[") != std::string::npos});
  }
  bool hasDynList = cfg.hasDynamicList();
  // --exclude-libs: definitions from members of these archives (by file
  // name, or ALL) are not exported.
  auto excluded = [&](const Symbol *sym) {
    if (cfg.excludeLibs.empty() || !sym->file || sym->file->archiveName.empty())
      return false;
    llvm::StringRef lib = llvm::sys::path::filename(sym->file->archiveName);
    for (const std::string &name : cfg.excludeLibs)
      if (name == "ALL" || lib == name)
        return true;
    return false;
  };
  auto listed = [&](const Symbol *sym) {
    return (cfg.dynamicListData && !sym->isFunc()) ||
           (!dynList.empty() && matchesAny(dynList, sym->name)) ||
           (!exportList.empty() && matchesAny(exportList, sym->name));
  };
  for (Symbol *sym : ctx.symtab.symbols) {
    bool defaultVis = sym->visibility == STV_DEFAULT || sym->visibility == STV_PROTECTED;
    if (sym->isShared()) {
      sym->isPreemptible = true;
      if (sym->isUsedInRegularObj)
        static_cast<SharedFile *>(sym->file)->isNeeded = true;
      continue;
    }
    if (!dynamic || !defaultVis)
      continue;
    if (sym->isUndefined()) {
      // In a shared object an undefined name is bound by the loader, a weak
      // one too unless -z nodynamic-undefined-weak fixes it at 0; in an
      // executable an undefined weak name resolves to 0.
      sym->isPreemptible = cfg.isShared() && (!sym->isUndefWeak() || cfg.zDynamicUndefinedWeak);
      continue;
    }
    if (!sym->isDefined() || sym->isLinkerDefined || excluded(sym))
      continue;
    if (cfg.isShared()) {
      sym->isExported = true;
      bool symbolic = hasDynList || cfg.bsymbolic || (cfg.bsymbolicFunctions && sym->isFunc());
      sym->isPreemptible = (!symbolic || listed(sym)) && sym->visibility == STV_DEFAULT;
    } else if (cfg.exportDynamic || sym->referencedByDso || listed(sym)) {
      // An executable exports what its libraries refer to (callbacks,
      // interposed functions), or everything with --export-dynamic.
      sym->isExported = true;
    }
  }
}

} // namespace mld
