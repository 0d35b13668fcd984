// layout-checks.h: properties every static executable's layout must have,
// whatever linker made it (gABI/psABI rules, not mld's particular choices).
// Each check returns human-readable problems; empty means the file is fine.
#pragma once

#include "elf-inspect.h"

#include <string>
#include <vector>

namespace mld::test {

// PT_LOADs sorted and disjoint, offset == vaddr mod page, no W+X segment;
// every allocated section inside a PT_LOAD whose flags match its own (X for
// code, W for writable data, no X for the rest), at the matching file offset,
// and .bss-like sections past the segment's file bytes; PT_TLS covering
// .tdata/.tbss when there are any.
std::vector<std::string> layoutProblems(const ElfFile &elf);

// Input sections named with the usual prefixes (.text.foo, .rodata.str1.1,
// .data.x, .bss.x, .tdata.x, .tbss.x, .init_array.00101...) were merged into
// their base output section; .data.rel.ro may stand alone as in GNU ld.
std::vector<std::string> unmergedSectionProblems(const ElfFile &elf);

// .symtab: locals first and sh_info one past the last local (gABI), sh_link
// naming .strtab, and every defined function or object (not TLS or absolute)
// inside the section it names.
std::vector<std::string> symtabProblems(const ElfFile &elf);

// `frames` is `readelf -wf` of the file. Every FDE must cover a non-empty
// range inside an executable section, and no two FDEs overlap: this fails when
// .eh_frame's PC-relative pc_begin fields were mis-relocated.
std::vector<std::string> ehFrameProblems(const ElfFile &elf, const std::string &frames);

// e_entry is the address of `entrySymbol` in .symtab.
std::vector<std::string> entryProblems(const ElfFile &elf, const std::string &entrySymbol);

} // namespace mld::test
