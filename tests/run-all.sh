#!/usr/bin/env bash
# The whole test suite: install what is missing, build, run every test;
# then the unit tests and the e2e tests again against an mld built with
# ASan+UBSan (CI's part of tests/run-sanitized.sh: the whole suite under
# ASan does not fit CI's 20 minutes on 2 cores; see tests/fuzz/README.md).
# That build uses clang 14 and the first gcc 12, so CI compiles the linker
# with both compilers the project supports.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tests/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
ninja -C build
(cd build && ctest -j"$(nproc)" --output-on-failure --timeout 600)
CC=clang CXX=clang++ bash tests/run-sanitized.sh linker build
