#!/usr/bin/env bash
# The whole test suite: install what is missing, build, run every test;
# then the e2e tests again against an mld built with ASan+UBSan (CI's part
# of tests/run-sanitized.sh: the whole suite under ASan does not fit CI's
# 20 minutes on 2 cores; see tests/fuzz/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tests/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
ninja -C build
(cd build && ctest -j"$(nproc)" --output-on-failure --timeout 600)
bash tests/run-sanitized.sh linker build
