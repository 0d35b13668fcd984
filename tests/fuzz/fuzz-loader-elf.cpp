// Fuzz target: mload's checks of an ELF file's header and program headers,
// its layout of the PT_LOADs, and the decoding of .dynamic (tables, sizes,
// versions), on an in-memory copy of the image (fuzz-loader-image.h); then
// the strings the dependency search reads through .dynamic.
#include <cstring> // before support.h (see fuzz-loader-image.cpp)
#include <initializer_list>

#include "fuzz-loader-image.h"

#include "dynamic.h"

using namespace mload;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fuzz::FuzzImage image;
  if (!image.load(data, size))
    return 0;
  const Module *m = &image.module;
  if (!m->dynamic || !m->strtab)
    return 0;
  // What deps.cpp reads: every DT_NEEDED name, DT_SONAME, DT_RPATH and
  // DT_RUNPATH, and the versions each needed file must define.
  size_t total = 0;
  for (const Elf64_Dyn *d = m->dynamic; d->d_tag != DT_NULL; ++d)
    if (d->d_tag == DT_NEEDED)
      total += strlen(dynString(m, d->d_un.d_val));
  for (unsigned tag : {DT_SONAME, DT_RPATH, DT_RUNPATH})
    if (m->has(tag))
      total += strlen(dynString(m, m->dyn[tag]));
  forEachNeed(m, [&](uint32_t file, uint32_t, uint32_t name, uint16_t) {
    total += strlen(dynString(m, file)) + definesVersion(m, dynString(m, name));
  });
  static volatile size_t sink;
  sink = total; // keep the reads
  return 0;
}
