// Symbols the linker defines when something refers to them (GNU ld's
// PROVIDE/PROVIDE_HIDDEN in its default script, and lld's equivalents):
// section and segment boundaries, __start_SEC/__stop_SEC, the GOT and
// dynamic section addresses. Defined before the scan so references resolve;
// given values once layout is final.
#include "linker-symbols.h"
#include "stats.h"

#include "context.h"
#include "diag.h"
#include "synthetic.h"

#include <cctype>

namespace mld {

using namespace llvm::ELF;

static const char *const hiddenNames[] = {
    "__ehdr_start",       "__executable_start", "__init_array_start",    "__init_array_end",
    "__fini_array_start", "__fini_array_end",   "__preinit_array_start", "__preinit_array_end",
    "__rela_iplt_start",  "__rela_iplt_end",    "_GLOBAL_OFFSET_TABLE_", "_DYNAMIC",
    "__GNU_EH_FRAME_HDR", "_TLS_MODULE_BASE_"};
static const char *const defaultNames[] = {"_etext", "etext", "_edata",     "edata",
                                           "_end",   "end",   "__bss_start"};

static bool isCIdentifier(std::string_view s) {
  if (s.empty() || isdigit((unsigned char)s[0]))
    return false;
  for (char c : s)
    if (!isalnum((unsigned char)c) && c != '_')
      return false;
  return true;
}

static void define(Context &ctx, std::string_view name, uint8_t visibility) {
  Symbol *sym = ctx.symtab.find(name);
  if (!sym || !sym->isUndefined())
    return;
  sym->kind = SymbolKind::Defined;
  sym->isLinkerDefined = true;
  sym->binding = STB_GLOBAL;
  sym->visibility = visibility;
  sym->section = nullptr;
  sym->file = nullptr;
  sym->type = STT_NOTYPE;
}

void addLinkerDefinedSymbols(Context &ctx) {
  ScopedTimer timer(ctx, "addLinkerDefinedSymbols");
  for (const char *n : hiddenNames)
    define(ctx, n, STV_HIDDEN);
  for (const char *n : defaultNames)
    define(ctx, n, STV_DEFAULT);
  for (OutputSection *osec : ctx.outputSections) {
    if (!isCIdentifier(osec->name))
      continue;
    // Protected by default, as GNU ld does: visible, but bound within the
    // module (-z start-stop-visibility chooses).
    uint8_t vis = ctx.config.startStopVisibility;
    define(ctx, ctx.saver.save("__start_" + osec->name), vis);
    define(ctx, ctx.saver.save("__stop_" + osec->name), vis);
  }
  if (Symbol *got = ctx.symtab.find("_GLOBAL_OFFSET_TABLE_"))
    if (got->isLinkerDefined)
      ctx.gotPlt->referenced = true;
}

// Makes sym TARGET+ADDEND: the same place, type and size as TARGET (an
// absolute ADDEND without one).
static void defineAs(Symbol &sym, const Symbol *target, int64_t addend) {
  sym.kind = SymbolKind::Defined;
  sym.binding = STB_GLOBAL;
  sym.section = nullptr;
  sym.chunk = nullptr;
  sym.file = nullptr;
  sym.isLinkerDefined = false;
  sym.isAbsolute = true;
  sym.type = STT_NOTYPE;
  sym.size = 0;
  sym.value = addend;
  if (!target)
    return;
  sym.type = target->type;
  sym.size = target->size;
  sym.file = target->file;
  sym.isLinkerDefined = target->isLinkerDefined;
  if (target->isLinkerDefined) // internal, like its target (as in GNU ld)
    sym.visibility = target->visibility;
  sym.isAbsolute = target->isAbsolute || (!target->section && !target->isLinkerDefined);
  sym.section = target->section;
  sym.value = target->value + addend;
}

// --defsym NAME=SYMBOL+ADDEND: NAME becomes another name for that place (in
// the same section, with SYMBOL's type and size, so it is exported and
// relocated like SYMBOL); NAME=NUMBER is absolute. Like an assignment in a
// GNU ld script, it overrides a definition NAME has in an object (the
// script's assignments are here too). A PROVIDE defines only a name that is
// referenced and not defined, and evaluates nothing otherwise. A target the
// linker defines gets its value in fixLinkerDefinedSymbols.
void defineDefsyms(Context &ctx) {
  for (const Defsym &d : ctx.config.defsyms) {
    Symbol *existing = ctx.symtab.find(d.name);
    if (d.provide && (!existing || existing->kind != SymbolKind::Undefined))
      continue;
    Symbol *target = d.target.empty() ? nullptr : ctx.symtab.find(d.target);
    if (!d.target.empty() && (!target || !target->isDefined())) {
      if (d.script.empty())
        Error(ctx) << "--defsym: undefined symbol '" << d.target << "' referenced in expression";
      else
        Error(ctx) << d.script << ":" << d.line << ": undefined symbol '" << d.target
                   << "' referenced in expression";
      continue;
    }
    Symbol *sym = ctx.symtab.intern(ctx.saver.save(d.name));
    defineAs(*sym, target, d.addend);
    if (d.hidden)
      sym->visibility = STV_HIDDEN;
  }
}

void fixLinkerDefinedSymbols(Context &ctx) {
  ScopedTimer timer(ctx, "fixLinkerDefinedSymbols");
  auto set = [&](std::string_view name, Chunk *chunk, uint64_t va) {
    Symbol *sym = ctx.symtab.find(name);
    if (!sym || !sym->isLinkerDefined)
      return;
    sym->value = va;
    sym->chunk = chunk;
  };
  auto start = [](Chunk *c) { return c->shdr.sh_addr; };
  auto end = [](Chunk *c) { return c->shdr.sh_addr + c->shdr.sh_size; };
  auto find = [&](std::string_view name) -> Chunk * {
    for (Chunk *c : ctx.chunks)
      if (c->name == name && c->isAlloc())
        return c;
    return nullptr;
  };

  Chunk *firstAlloc = nullptr, *lastExec = nullptr, *lastData = nullptr, *lastAlloc = nullptr,
        *firstBss = nullptr;
  for (Chunk *c : ctx.chunks) {
    if (!c->isAlloc() || c->isHeader())
      continue;
    if (!firstAlloc)
      firstAlloc = c;
    if (c->shdr.sh_flags & SHF_EXECINSTR)
      lastExec = c;
    if (c->isTls() && c->isNoBits())
      continue;
    if (!c->isNoBits())
      lastData = c;
    else if (!firstBss)
      firstBss = c;
    lastAlloc = c;
  }

  set("__ehdr_start", firstAlloc, ctx.imageBase);
  set("__executable_start", firstAlloc, ctx.imageBase);
  if (lastExec) {
    set("_etext", lastExec, end(lastExec));
    set("etext", lastExec, end(lastExec));
  }
  if (lastData) {
    set("_edata", lastData, end(lastData));
    set("edata", lastData, end(lastData));
  }
  if (lastAlloc) {
    // `. = ALIGN(8); _end = .;` in GNU ld's default script.
    uint64_t e = (end(lastAlloc) + 7) & ~(uint64_t)7;
    set("_end", lastAlloc, e);
    set("end", lastAlloc, e);
  }
  if (firstBss)
    set("__bss_start", firstBss, start(firstBss));
  else if (lastData)
    set("__bss_start", lastData, end(lastData));

  // Array bounds: when the section is absent both ends are equal, so start-up
  // loops over them do nothing.
  for (const char *arr : {"init_array", "fini_array", "preinit_array"}) {
    std::string name = std::string(".") + arr;
    Chunk *c = find(name);
    uint64_t s = c ? start(c) : ctx.imageBase, e = c ? end(c) : ctx.imageBase;
    set("__" + std::string(arr) + "_start", c ? c : firstAlloc, s);
    set("__" + std::string(arr) + "_end", c ? c : firstAlloc, e);
  }
  // libc's static start-up code applies the IRELATIVE relocations between
  // these two; a static PIE applies them with the rest of .rela.dyn instead.
  Chunk *relaPlt = (Chunk *)ctx.relaPlt;
  bool iplt = relaPlt && relaPlt->shdr.sh_size && !ctx.hasDynamicSection;
  set("__rela_iplt_start", iplt ? relaPlt : firstAlloc, iplt ? start(relaPlt) : ctx.imageBase);
  set("__rela_iplt_end", iplt ? relaPlt : firstAlloc, iplt ? end(relaPlt) : ctx.imageBase);

  if (ctx.gotPlt && ctx.gotPlt->isNeeded(ctx))
    set("_GLOBAL_OFFSET_TABLE_", ctx.gotPlt, start(ctx.gotPlt));
  else if (ctx.got && ctx.got->isNeeded(ctx))
    set("_GLOBAL_OFFSET_TABLE_", ctx.got, start(ctx.got));
  if (ctx.dynamic)
    set("_DYNAMIC", (Chunk *)ctx.dynamic, start((Chunk *)ctx.dynamic));
  if (ctx.ehFrameHdr)
    set("__GNU_EH_FRAME_HDR", (Chunk *)ctx.ehFrameHdr, start((Chunk *)ctx.ehFrameHdr));
  // Local-dynamic TLS descriptors add x@dtpoff to the descriptor's value for
  // _TLS_MODULE_BASE_. A shared object keeps DTPOFF block-relative, so the
  // base is the block's start; an executable's DTPOFF in code is TP-relative
  // (local-dynamic relaxes to local exec there), so the base is TP itself,
  // whose TP offset is 0. GNU ld defines it the same way.
  set("_TLS_MODULE_BASE_", nullptr, ctx.config.isShared() ? ctx.tlsBegin : ctx.tpAddr);

  for (OutputSection *osec : ctx.outputSections) {
    if (!osec->isAlloc())
      continue;
    set("__start_" + osec->name, osec, start(osec));
    set("__stop_" + osec->name, osec, end(osec));
  }
  // --defsym names for linker-defined places, now that those have values.
  for (const Defsym &d : ctx.config.defsyms) {
    Symbol *target = d.target.empty() ? nullptr : ctx.symtab.find(d.target);
    if (target && target->isLinkerDefined)
      set(d.name, target->chunk, target->value + d.addend);
  }
}

} // namespace mld
