// main.h: the loading recipe (main.cpp), entered from the freestanding
// _start (start.cpp) or from mload-hosted's main() (host-builtins.cpp).
#pragma once

#include <cstdint>

// sp points at the initial process stack (argc, argv..., envp..., auxv);
// hosted says glibc is already running in this process. Returns only on
// failure (or for --list), with the exit status.
extern "C" int mloadRun(uint64_t *sp, bool hosted);
