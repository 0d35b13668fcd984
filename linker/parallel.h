// Parallel loops over many small items. LLVM's parallelForEachN makes one
// task per item (up to 1,024 of them), and queueing a task costs more than
// the work of a small item (a file's sections, a section's pieces), so the
// passes cut their items into a few contiguous ranges per thread instead.
#pragma once

#include <algorithm>
#include <cstddef>

#include "llvm/Support/Parallel.h"

namespace mld {

// Calls fn(begin, end) for consecutive ranges covering [0, n), in parallel:
// about four ranges per thread (so that uneven items still balance), none
// smaller than `grain` items.
template <typename F> void parallelForRanges(size_t n, size_t grain, F fn) {
  size_t threads = llvm::parallel::strategy.compute_thread_count();
  size_t tasks = std::min(threads * 4, (n + grain - 1) / std::max<size_t>(grain, 1));
  if (tasks <= 1 || threads <= 1) {
    if (n)
      fn(size_t(0), n);
    return;
  }
  llvm::parallelForEachN(0, tasks, [&](size_t t) {
    size_t begin = n * t / tasks, end = n * (t + 1) / tasks;
    if (begin < end)
      fn(begin, end);
  });
}

// Calls fn(i) for each i in [0, n), in parallel ranges (see above).
template <typename F> void parallelForIndices(size_t n, size_t grain, F fn) {
  parallelForRanges(n, grain, [&](size_t begin, size_t end) {
    for (size_t i = begin; i < end; i++)
      fn(i);
  });
}

} // namespace mld
