#!/usr/bin/env bash
# Proves a change leaves mld's outputs byte-identical: the whole test suite
# runs with every link made twice, by a reference mld and by BUILD's mld,
# and the outputs compared (twin-ld.sh). Used for refactorings (issue 12).
#
#   tests/identical/run.sh --save BUILD REFDIR   keep BUILD's mld as the reference
#   tests/identical/run.sh REFDIR BUILD [ctest args]
#
# Prints the number of links that were identical, differed, or could not be
# compared (response files, --version, timing output); exits 1 on any
# difference. The package test is left out: it packages whatever
# BUILD/linker/mld is.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if [ "${1:-}" = --save ]; then
  mkdir -p "$3"
  cp -p "$2/linker/mld" "$2/linker/mld-dyn" "$3/"
  echo "reference mld saved in $3"
  exit 0
fi
ref=$(cd "${1:?usage: $0 REFDIR BUILD [ctest args]}" && pwd)
build=$(cd "${2:?usage: $0 REFDIR BUILD [ctest args]}" && pwd)
shift 2
bin=$build/linker
log=$build/identical.log
: >"$log"
mv "$bin/mld" "$bin/mld.twin-new"
restore() { mv -f "$bin/mld.twin-new" "$bin/mld"; }
trap restore EXIT
cat >"$bin/mld" <<WRAP
#!/bin/sh
MLD_TWIN_OLD='$ref/mld' MLD_TWIN_NEW='$bin/mld.twin-new' MLD_TWIN_LOG='$log' exec '$here/twin-ld.sh' "\$@"
WRAP
chmod +x "$bin/mld"
touch -r "$bin/mld.twin-new" "$bin/mld" # ninja, if a test runs it, sees nothing to do
(cd "$build" && ctest -j"$(nproc)" -E '^package' --timeout 1200 "$@") || echo "(some tests failed; the comparison still counts)"
same=$(grep -c '^SAME' "$log" || true)
diff=$(grep -c '^DIFF' "$log" || true)
skip=$(grep -c '^SKIP' "$log" || true)
echo "links: $same identical, $diff different, $skip not compared (log: $log)"
grep '^DIFF' "$log" | head -20 || true
[ "$diff" = 0 ]
