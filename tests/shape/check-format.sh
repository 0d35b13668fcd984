#!/usr/bin/env bash
# The C++ of linker/, loader/ and tests/ is laid out as .clang-format says
# (run `clang-format -i` on a file to fix it). The runtime's C keeps its own
# compact style and is not checked. Exits 77 (skipped) without clang-format.
set -u
top=$1
command -v clang-format >/dev/null || { echo "clang-format not installed"; exit 77; }
cd "$top" || exit 1
mapfile -t files < <(git ls-files 'linker/*.cpp' 'linker/*.h' 'loader/*.cpp' 'loader/*.h' \
  'tests/*.cpp' 'tests/*.h' 'tests/*.c' 2>/dev/null | grep -v '^tests/runtime/')
[ ${#files[@]} -gt 0 ] || { echo "no sources found (not a git checkout?)"; exit 77; }
if ! clang-format --dry-run --Werror "${files[@]}" 2>/tmp/check-format.$$; then
  grep -o '^[^:]*:[0-9]*' /tmp/check-format.$$ | sort -u | head -20
  rm -f /tmp/check-format.$$
  echo "not formatted as .clang-format says (clang-format -i FILE)"
  exit 1
fi
rm -f /tmp/check-format.$$
echo "${#files[@]} files formatted"
