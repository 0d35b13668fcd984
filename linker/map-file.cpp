// -Map FILE: where every output section, input section and symbol went.
// Columns: address, size, alignment, then the name indented by level
// (output section, input section "file:(name)", symbol).
#include "map-file.h"
#include "stats.h"

#include "context.h"
#include "diag.h"
#include "writer.h"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>

namespace mld {

static std::string line(uint64_t addr, uint64_t size, uint64_t align, int depth,
                        const std::string &name) {
  char buf[64];
  snprintf(buf, sizeof buf, "%16llx %8llx %5llu ", (unsigned long long)addr,
           (unsigned long long)size, (unsigned long long)align);
  return buf + std::string(depth * 8, ' ') + name + "\n";
}

void writeMapFile(Context &ctx) {
  ScopedTimer timer(ctx, "writeMapFile");
  // Symbols by the input section that defines them, in address order.
  std::map<const InputSection *, std::multimap<uint64_t, const Symbol *>> syms;
  auto note = [&](const Symbol *s) {
    if (!s->isDefined() || !s->section || s->type == llvm::ELF::STT_SECTION || s->name.empty())
      return;
    const InputSection *isec = s->section->merged ? s->section->merged->out : s->section;
    syms[isec].emplace(s->section->getVA(s->value), s);
  };
  for (ObjectFile *file : ctx.objs)
    for (Symbol &s : file->localSymbols)
      note(&s);
  for (Symbol *s : ctx.symtab.symbols)
    note(s);

  std::string out = "         Address     Size Align Out / In / Symbol\n";
  for (Chunk *c : ctx.chunks) {
    if (c->isHeader())
      continue;
    out += line(c->shdr.sh_addr, c->shdr.sh_size, c->shdr.sh_addralign, 0, c->name);
    auto *osec = dynamic_cast<OutputSection *>(c);
    if (!osec)
      continue;
    for (InputSection *isec : osec->members) {
      std::string name =
          isec->file ? isec->describe() : "<merged>:(" + std::string(isec->name) + ")";
      out += line(isec->getVA(), isec->size, isec->align, 1, name);
      auto it = syms.find(isec);
      if (it == syms.end())
        continue;
      for (auto &[va, s] : it->second)
        out += line(va, s->size, 0, 2, std::string(s->name));
    }
  }
  if (ctx.config.mapPath == "-") {
    std::cout << out;
    return;
  }
  std::ofstream f(ctx.config.mapPath);
  f << out;
  if (!f)
    Fatal(ctx) << "cannot write map file " << ctx.config.mapPath;
}

} // namespace mld
