// tls.h: the static TLS block (x86-64 TLS variant II) for the program and
// its start-up libraries, and __tls_get_addr for general-dynamic accesses.
#pragma once

#include "module.h"

namespace mload {

// Give each module with PT_TLS a module id and its offset below the thread
// pointer. Must run before relocation (TPOFF64/DTPMOD64 read them).
void layoutStaticTls(Loader &L);

// Allocate the block and the TCB, copy each initialisation image, point %fs
// at the TCB. Must run after relocation (images may hold relocated
// pointers) and before any initialiser.
void installThreadPointer(Loader &L);

} // namespace mload
