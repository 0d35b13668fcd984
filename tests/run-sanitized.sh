#!/usr/bin/env bash
# The test suite under sanitizers, in a build directory of its own.
#   tests/run-sanitized.sh [address,undefined]   ASan+UBSan: the whole suite
#   tests/run-sanitized.sh thread                TSan: every e2e scenario
#                                                linked with --threads=4, and
#                                                mld linking itself
#   tests/run-sanitized.sh linker BUILD          CI's part: only mld and the
#                                                unit tests are built with
#                                                ASan+UBSan; the unit tests
#                                                run, then BUILD's e2e tests
#                                                against that mld
# Extra arguments after the sanitizer go to ctest (e.g. -R e2e) or, for
# thread, name the scenarios. Any sanitizer report aborts the program it is
# in (-fno-sanitize-recover=all, halt_on_error), which fails its test.
# Uses $CXX/$CC if set (gcc 12 or clang 14 both work); build-asan/ or
# build-tsan/ at the top of the tree.
set -euo pipefail
cd "$(dirname "$0")/.."
san=${1:-address,undefined}
shift || true
case $san in
  thread) dir=build-tsan ;;
  *) dir=build-asan ;;
esac
part=""
if [ "$san" = linker ]; then
  part=linker san=address,undefined
fi
cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMLD_SANITIZE="$san" >/dev/null
# Leaks are not reported: mld exits without freeing what the link built, on
# purpose (see exitLink in linker/diag.cpp).
export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1:halt_on_error=1
export UBSAN_OPTIONS=halt_on_error=1:abort_on_error=1:print_stacktrace=1
export TSAN_OPTIONS=halt_on_error=1:abort_on_error=1:second_deadlock_stack=1
if [ "$part" = linker ]; then
  # The e2e tests (every testdata/static scenario, every bad-input case)
  # take the linker from MLD_E2E_LINKER: an instrumented mld is all they
  # need, and it is about half of a full build.
  plain=$(cd "${1:?usage: $0 linker BUILD}" && pwd)
  shift
  ninja -C "$dir" mld mld-unit-tests
  (cd "$dir" && ctest -L unit --output-on-failure)
  cd "$plain"
  MLD_E2E_LINKER=$OLDPWD/$dir/linker/mld exec ctest -j"$(nproc)" -L e2e \
    --output-on-failure --timeout 600 "$@"
fi
if [ "$san" != thread ]; then
  ninja -C "$dir"
  cd "$dir"
  exec ctest -j"$(nproc)" --output-on-failure --timeout 1200 "$@"
fi

# TSan: the parallel passes only run on more than one thread, and mld keeps
# small links on one thread unless told otherwise, so every scenario the
# e2e tests prepare is linked again here with --threads=4.
ninja -C "$dir" mld mld-e2e-inputs mld_runtime
rt=$PWD/$dir/runtime
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0 n=0
for t in testdata/static/*/test.txt; do
  name=$(basename "$(dirname "$t")")
  [ $# -eq 0 ] || [[ " $* " == *" $name "* ]] || continue
  line=$(sed -n 's/^link:[ \t]*//p' "$t" | head -1)
  [ -n "$line" ] || continue
  src=$PWD/$dir/tests/e2e/static/$name
  for kind in "-static" "-static -pie"; do
    n=$((n + 1))
    # shellcheck disable=SC2086
    if ! (cd "$src" && "$OLDPWD/$dir/linker/mld" --threads=4 $kind -o "$work/out" \
          "$rt/crt1.o" $line -L"$rt" -lmldc) >"$work/log" 2>&1; then
      if grep -q "ThreadSanitizer" "$work/log"; then
        echo "TSan report: $name ($kind)"; cat "$work/log"; fail=1
      fi
    fi
  done
done
# One large link too, where every parallel pass has real work: mld links
# itself (LLVM's static libraries, ~50 MB out) through gcc -B with the
# instrumented mld, on 2 and on 4 threads, with the passes that only run when
# asked for (gc, build-id, map file, compressed debug sections).
mkdir -p "$work/gcc-ld"
ln -s "$PWD/$dir/linker/mld" "$work/gcc-ld/ld"
self=$(cd "$dir" && ninja -t commands linker/mld | tail -1 | sed 's/^: && //; s/ && :$//')
for extra in "--threads=2" "--threads=4,--gc-sections,--build-id,-Map,$work/map,--compress-debug-sections=zlib"; do
  n=$((n + 1))
  if ! (cd "$dir" && eval "${self/-o linker\/mld/-o $work/self -B$work/gcc-ld -Wl,$extra}") >"$work/log" 2>&1 ||
     ! "$work/self" --version >/dev/null; then
    echo "self-link failed ($extra)"; cat "$work/log"; fail=1
  fi
done
echo "TSan: $n links with --threads=4 or 2, $( [ $fail = 0 ] && echo "no reports" || echo "REPORTS")"
exit $fail
