// Symbols the linker defines (_end, __bss_start, __start_SEC, _GLOBAL_OFFSET_TABLE_...)
// and --defsym. See linker-symbols.cpp.
#pragma once

namespace mld {

struct Context;

// Linker-defined symbols that must exist once layout is known.
void addLinkerDefinedSymbols(Context &ctx);
void fixLinkerDefinedSymbols(Context &ctx);
void defineDefsyms(Context &ctx);

} // namespace mld
