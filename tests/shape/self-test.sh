#!/usr/bin/env bash
# The shape checks can fail: a made-up tree with one function of 130 lines
# (its braces in strings, comments and lambdas must not fool the count), one
# of 100 lines, and a .cpp without its header.
set -u
py=$1 here=$2
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
body() { # body N: N-2 lines of statements with misleading braces
  local i
  for ((i = 0; i < $1 - 2; i++)); do
    case $((i % 4)) in
    0) echo '  s += "}{";  // } not a brace' ;;
    1) echo "  c = '{';" ;;
    2) echo '  auto f = [&] { return 1; };' ;;
    3) echo '  /* { */ n++;' ;;
    esac
  done
}
{
  echo 'namespace x {'
  echo 'int longOne(int n) {'; body 130; echo '}'
  echo 'struct S { int shortOne(int n) const {'; body 100; echo '} };'
  echo '} // namespace x'
} >"$t/a.cpp"
touch "$t/a.h"
out=$("$py" "$here/long-functions.py" --check "$t" 2>&1) && fail "the check passed a 130-line function"
grep -q ' 130  .*a.cpp:2  longOne$' <<<"$out" || fail "longOne not reported as 130 lines at a.cpp:2: $out"
grep -q shortOne <<<"$out" && fail "the 100-line shortOne was reported: $out"
"$py" "$here/long-functions.py" --check --limit 140 "$t" >/dev/null 2>&1 || fail "--limit 140 still failed"
bash "$here/check-headers.sh" "$t" >/dev/null || fail "a.cpp has a.h but the header check failed"
printf '// b.cpp: no header\n' >"$t/b.cpp"
out=$(bash "$here/check-headers.sh" "$t") && fail "b.cpp without b.h passed the header check"
grep -q 'b.cpp: no b.h' <<<"$out" || fail "unexpected message: $out"
printf '// b.cpp (implements a.h): the other half\n' >"$t/b.cpp"
bash "$here/check-headers.sh" "$t" >/dev/null || fail "b.cpp implementing a.h was refused"
echo "shape checks: ok"
