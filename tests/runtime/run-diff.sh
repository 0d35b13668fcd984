#!/bin/bash
# run-diff.sh: differential test of the mldc runtime. Builds one C program
# twice with the system gcc: normally against glibc (the reference) and with
# ld.bfd against crt1.o + libmldc (static, static-pie or dynamic under the
# system loader), runs both (stdin = the source file) and requires identical
# stdout and exit status.
# With COMPARE_STDERR=1, stderr must match too (program names replaced).
# With EXPECT=FILE, the mldc program's stdout is compared with FILE instead
# (for mldc-specific behaviour) and its exit status must be 0.
# EXTRA_CFLAGS (words) are added to the compile, e.g. -I for the runtime's
# own headers (runtime/include); EXTRA_LDFLAGS (words) to the mldc link.
# With REQUIRE_SECTION=NAME, the mldc program must have a section NAME.
# Usage: run-diff.sh MODE OPT SOURCE RUNTIME_DIR WORK_DIR [ARGS...]
set -u
mode=$1 opt=$2 src=$3 rt=$4 work=$5
shift 5
name=$(basename "$src" .c)-$mode-O$opt
mkdir -p "$work" || exit 1
obj=$work/$name.o ref=$work/$name.ref mine=$work/$name.mldc

cflags=(-O"$opt" -fno-stack-protector -w ${EXTRA_CFLAGS:-})
if [ -z "${EXPECT:-}" ]; then
  gcc "${cflags[@]}" -o "$ref" "$src" || { echo "FAIL: reference build"; exit 1; }
fi
gcc "${cflags[@]}" -c -o "$obj" "$src" || { echo "FAIL: compile"; exit 1; }
case $mode in
  static) link=(-static "$rt/crt1.o" "$obj" "$rt/libmldc.a") ;;
  static-pie) link=(-static-pie "$rt/crt1.o" "$obj" "$rt/libmldc.a") ;;
  dynamic) link=("$rt/crt1.o" "$obj" -L"$rt" -lmldc -Wl,-rpath,"$rt"
                 -Wl,-dynamic-linker,/lib64/ld-linux-x86-64.so.2) ;;
  *) echo "FAIL: unknown mode $mode"; exit 1 ;;
esac
gcc -nostdlib -o "$mine" "${link[@]}" ${EXTRA_LDFLAGS:-} || { echo "FAIL: link against mldc"; exit 1; }
if [ -n "${REQUIRE_SECTION:-}" ] && ! readelf -SW "$mine" | grep -qF " $REQUIRE_SECTION "; then
  echo "FAIL: $mine has no section $REQUIRE_SECTION"; exit 1
fi
# The mldc build must not depend on glibc in any way.
if readelf -d "$mine" 2>/dev/null | grep -q 'libc\.so'; then
  echo "FAIL: $mine needs glibc"; exit 1
fi

# A fixed, small environment: the programs print all of it.
run=(env -i MLD_FIRST_VAR=first MLD_TEST_VAR=1 MLD_LAST_VAR=last)
if [ -n "${EXPECT:-}" ]; then
  cp "$EXPECT" "$ref.out"; refrc=0
else
  (cd "$work" && "${run[@]}" "$ref" "$work" "$@" <"$src" >"$ref.out" 2>"$ref.err"); refrc=$?
fi
(cd "$work" && "${run[@]}" "$mine" "$work" "$@" <"$src" >"$mine.out" 2>"$mine.err"); minerc=$?
status=0
if ! cmp -s "$ref.out" "$mine.out"; then
  echo "FAIL: stdout differs (< expected, > mldc):"
  diff "$ref.out" "$mine.out" | head -40
  status=1
fi
if [ "${COMPARE_STDERR:-0}" = 1 ]; then
  sed "s|$(basename "$ref")|PROG|g" "$ref.err" >"$ref.err.norm"
  sed "s|$(basename "$mine")|PROG|g" "$mine.err" >"$mine.err.norm"
  if ! cmp -s "$ref.err.norm" "$mine.err.norm"; then
    echo "FAIL: stderr differs (< glibc, > mldc):"
    diff "$ref.err.norm" "$mine.err.norm" | head -20
    status=1
  fi
fi
if [ "$refrc" != "$minerc" ]; then
  echo "FAIL: exit status glibc=$refrc mldc=$minerc"
  status=1
fi
[ $status = 0 ] && echo "ok: $name ($(wc -l <"$ref.out") lines, exit $refrc)"
exit $status
