#!/usr/bin/env bash
# run.sh [--quick] [--only WORKLOAD] [--runs N] [--extra NAME=PATH ...]:
# mld's link and loader benchmark. Checks the tools it needs (installs nothing: see
# tests/install-deps.sh), builds mld, mload and the runtime in build-bench/
# (Release), then runs bench.py: workloads built and linked in
# /dev/shm/mld-bench, tables on stdout, progress on stderr, raw numbers in
# /dev/shm/mld-bench/results.json.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
build=$top/build-bench
work=/dev/shm/mld-bench

missing=()
for tool in gcc g++ cmake ninja python3 ld.bfd ld.gold ld.lld mold llvm-config-14 xargs; do
  command -v "$tool" >/dev/null || missing+=("$tool")
done
for f in /usr/lib/x86_64-linux-gnu/libsqlite3.a /usr/lib/x86_64-linux-gnu/libz.a \
  /usr/lib/x86_64-linux-gnu/liblua5.4.a /usr/include/lua5.4/lua.h /usr/include/sqlite3.h \
  /usr/include/zlib.h /usr/lib/llvm-14/lib/libLLVMSupport.a /usr/lib/llvm-14/lib/libLLVMObject.a \
  /usr/lib/x86_64-linux-gnu/libc.a /lib64/ld-linux-x86-64.so.2; do
  [ -e "$f" ] || missing+=("$f")
done
if ((${#missing[@]})); then
  echo "run.sh: missing: ${missing[*]} (tests/install-deps.sh installs them)" >&2
  exit 1
fi
[ -d /dev/shm ] || { echo "run.sh: no /dev/shm (the outputs must go to tmpfs)" >&2; exit 1; }

echo "run.sh: building mld, mload and the runtime in $build (Release)" >&2
cmake -S "$top" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
ninja -C "$build" -j2 mld mload mld_runtime >&2

mkdir -p "$work"
exec python3 "$here/bench.py" --build "$build" --work "$work" "$@"
