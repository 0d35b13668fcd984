// What the loader's fuzz targets share: mload's header checks and a copy of
// what mapImage() would map, built in an ordinary heap buffer instead of
// at fixed addresses, so that decodeDynamic() and the hash lookup run
// in-process on any input. Bytes the real loader would not have readable
// (gaps between segments, non-PF_R segments) are poisoned for ASan, so a
// read there is reported as the fault it would be in mload.
#pragma once

#include "module.h"

#include <cstddef>
#include <cstdint>

namespace mload::fuzz {

// mload's fatal() inside a fuzz target: throws this instead of exiting.
struct LoaderFatal {};

// One input's image: the Module, its Loader, and the buffer it lives in.
class FuzzImage {
public:
  FuzzImage();
  ~FuzzImage();
  FuzzImage(const FuzzImage &) = delete;
  FuzzImage &operator=(const FuzzImage &) = delete;

  // Runs mload's checks on the file `data`, lays out its PT_LOADs as
  // mapImage() would, then decodeDynamic(). False if the loader refused
  // the file (a normal outcome) or the image is too big to lay out here.
  bool load(const uint8_t *data, size_t size);

  Loader loader;
  Module module;

private:
  uint8_t *buffer = nullptr;
  uint64_t bufferSize = 0;
};

} // namespace mload::fuzz
