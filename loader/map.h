// map.h: turning ELF files into mapped images (mapImage) and adopting the
// images the kernel already mapped (the program when mload is PT_INTERP).
#pragma once

#include "elf-check.h" // readSpecialHeaders
#include "module.h"

namespace mload {

// Map the ELF object open on `fd` (already checked to be a regular file of
// `fileSize` bytes). Malformed input is fatal with a message naming `path`.
Module *mapImage(Loader &L, const char *path, const char *name, int fd, uint64_t fileSize);

// Describe an image the kernel mapped: its program headers are at `phdr`.
Module *adoptImage(Loader &L, const char *path, const Elf64_Phdr *phdr, uint16_t phnum,
                   uint64_t entry);

int protFromFlags(uint32_t pflags);
// A blank module owned by L (nothing mapped yet).
Module *newModule(Loader &L, const char *path, const char *name);

} // namespace mload
