// tls.h: the static TLS block (x86-64 TLS variant II) for the program and
// its start-up libraries, and __tls_get_addr for general-dynamic accesses.
#pragma once

#include "module.h"

namespace mload {

// Give each module with PT_TLS a module id and its offset below the thread
// pointer. Must run before relocation (TPOFF64/DTPMOD64 read them).
void layoutStaticTls(Loader &L);

// Freestanding: allocate the block and the TCB, copy each initialisation
// image, point %fs at the TCB. Hosted: glibc owns %fs; copy the images into
// mload-hosted's TLS arena and its template (host-tls.cpp). Must run after
// relocation (images may hold relocated pointers) and before any
// initialiser.
void installThreadPointer(Loader &L);

// Hosted, after dlopen: the new modules' blocks (from `first` on) in the
// arena image and in the calling thread. Threads that already exist get
// zeros there (their arena was copied when they started).
void addThreadLocal(Loader &L, Module *first);

// What a general-dynamic access passes to __tls_get_addr (the GOT pair that
// DTPMOD64/DTPOFF64 filled).
struct TlsIndex {
  uint64_t module, offset;
};

} // namespace mload
