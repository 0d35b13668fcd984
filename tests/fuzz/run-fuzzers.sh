#!/usr/bin/env bash
# Runs every fuzz target (a build configured with -DMLD_FUZZ=ON, clang) for
# N seconds each, one after another, over the seed corpus make-corpus.sh
# builds plus the corpus earlier runs grew, and prints one summary line per
# target: executions, coverage (edges), corpus size, and whether it found
# anything (crash-*, leak-*, timeout-* files are left in WORK/findings/NAME).
#   run-fuzzers.sh --build DIR [--work DIR] [--seconds N] [--only NAME]
#                  [--seeds-from BUILD]  (another build's e2e objects)
#                  [--replay]   (run the seeds once each, then stop)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=build-fuzz work="" seconds=60 only="" replay=0 seedsFrom=""
while [ $# -gt 0 ]; do
  case $1 in
    --build) build=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --only) only=$2; shift 2 ;;
    --replay) replay=1; shift ;;
    --seeds-from) seedsFrom=$2; shift 2 ;;
    *) echo "usage: $0 --build DIR [--work DIR] [--seconds N] [--only NAME] [--replay]" >&2; exit 2 ;;
  esac
done
build=$(cd "$build" && pwd)
work=${work:-$build/tests/fuzz/work}
mkdir -p "$work"
bash "$here/make-corpus.sh" "${seedsFrom:-$build}" "$work/seeds" >/dev/null
# Leaks are not findings: mld, like lld and mold, leaves its memory to the
# exit on purpose. Any other sanitizer report aborts the target.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
status=0
for bin in "$build"/tests/fuzz/fuzz-*; do
  [ -x "$bin" ] || continue
  name=${bin##*/fuzz-}
  [ -z "$only" ] || [ "$name" = "$only" ] || continue
  corpus=$work/corpus/$name findings=$work/findings/$name
  mkdir -p "$corpus" "$findings"
  log=$work/$name.log
  flags=(-dict="$here/mld.dict" -max_len=65536 -timeout=20 -rss_limit_mb=2560
         -artifact_prefix="$findings/" -print_final_stats=1)
  if [ "$replay" = 1 ]; then
    flags+=(-runs=0)
    dirs=("$work/seeds/$name")
  else
    flags+=(-max_total_time="$seconds")
    dirs=("$corpus" "$work/seeds/$name")
  fi
  if (cd "$work" && "$bin" "${flags[@]}" "${dirs[@]}") >"$log" 2>&1; then rc=0; else rc=$?; fi
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  found=$(ls "$findings" | wc -l)
  echo "fuzz-$name: ${execs:-?} executions, ${cov:-?} edges, $(ls "$corpus" | wc -l) in corpus, exit $rc, $found finding(s)"
  if [ "$rc" != 0 ] || [ "$found" != 0 ]; then
    status=1
    grep -m5 -E 'ERROR|runtime error|SUMMARY|deadly signal' "$log" | sed 's/^/    /' || true
  fi
done
exit $status
