// tls.cpp: the static TLS layout, shared by both modes. Variant II (psABI
// x86-64, "ELF Handling For Thread-Local Storage"): blocks sit below the
// thread pointer, program first. The block and the thread pointer
// themselves: tcb.cpp (freestanding), host-tls.cpp (hosted).
#include "tls.h"

namespace mload {

void layoutStaticTls(Loader &L) {
  uint64_t offset = 0, align = 16, modid = 0;
  for (Module *m = L.head; m; m = m->next) {
    if ((!m->tlsMemsz && !m->tlsFilesz) || m->host)
      continue;
    m->tlsModid = L.tlsModidBase + ++modid;
    // tp - offset must be congruent to p_vaddr modulo p_align; for the
    // program this is the TPOFF the linker already baked into LE code.
    uint64_t vaddr = m->tlsImage - m->base;
    offset += m->tlsMemsz;
    offset += (0 - vaddr - offset) & (m->tlsAlign - 1);
    m->tlsOffset = offset;
    if (m->tlsAlign > align)
      align = m->tlsAlign;
  }
  L.tlsStaticSize = offset;
  L.tlsStaticAlign = align;
  L.tlsModuleCount = modid;
}

} // namespace mload
