#!/bin/bash
# run-case.sh: runs one drop-in case: `run-case.sh SUITE CASE`, where SUITE
# is a file SUITE-cases.sh next to this script defining case_<CASE> (dashes
# become underscores). Needs MLD_GCC_DIR, MLD_RUNTIME_DIR, DROPIN_DATA and
# DROPIN_WORK in the environment (CTest sets them). Each case works in its
# own directory $T, so cases can run in parallel. Every output mld made is
# finally read by readelf and llvm-readelf, which must not warn.
set -u
here=$(cd "$(dirname "$0")" && pwd)
suite=$1 name=$2
for v in MLD_GCC_DIR MLD_RUNTIME_DIR DROPIN_DATA DROPIN_WORK; do
  [ -n "${!v:-}" ] || { echo "FAIL: $v is not set"; exit 1; }
done
[ -x "$MLD_GCC_DIR/ld" ] || { echo "FAIL: $MLD_GCC_DIR/ld does not exist (build the mld target)"; exit 1; }
# A caller's settings must not change how programs bind or load.
unset LD_BIND_NOW LD_LIBRARY_PATH LD_PRELOAD LD_DEBUG GCC_EXEC_PREFIX COMPILER_PATH LIBRARY_PATH

source "$here/lib.sh"
source "$here/$suite-cases.sh"
T=$DROPIN_WORK/run/$suite/$name
rm -rf "$T"
mkdir -p "$T"
fn=case_${name//-/_}
declare -F "$fn" >/dev/null || fail "no case $name in $suite-cases.sh"
"$fn"
for out in "${linkedOutputs[@]}"; do
  checkElf "$out"
done
echo "ok: $suite.$name"
