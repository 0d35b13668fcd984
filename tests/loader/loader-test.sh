#!/usr/bin/env bash
# loader-test.sh SCENARIO: builds testdata/loader/SCENARIO with the system gcc
# + ld.bfd against the runtime's crt1.o/libmldc.so, then runs its recipe's
# checks under mload. Exit 0 pass, 1 fail, 77 skip (ctest SKIP_RETURN_CODE).
# Environment (set by CMake): MLOAD, MLD_RUNTIME_DIR, TESTDATA, WORK.
set -u
scenario=$1
SRC=$TESTDATA/$scenario
OUT=$WORK/$scenario
RT=$MLD_RUNTIME_DIR
SYSLD=/lib64/ld-linux-x86-64.so.2
CC=${CC:-gcc}
CFLAGS="-O1 -g0 -fno-asynchronous-unwind-tables"
rm -rf "$OUT" && mkdir -p "$OUT" && cd "$OUT" || exit 1
[ -x "$MLOAD" ] || { echo "mload not built: $MLOAD"; exit 1; }
[ -f "$RT/libmldc.so" ] && [ -f "$RT/crt1.o" ] || { echo "runtime not built in $RT"; exit 1; }

fail() { echo "FAIL [$scenario]: $*" >&2; exit 1; }
note() { echo "[$scenario] $*"; }

# lib NAME SOURCE... [-- LINK-ARGS]: lib$NAME.so, lazily bound, RUNPATH $ORIGIN.
lib() {
  local name=$1; shift
  local srcs=() link=()
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do srcs+=("$SRC/$1"); shift; done
  [ $# -gt 0 ] && shift && link=("$@")
  $CC $CFLAGS -fPIC -shared -nostdlib -o "lib$name.so" "${srcs[@]}" -Wl,-soname,"lib$name.so" \
    -Wl,-z,lazy -Wl,-rpath,'$ORIGIN' -Wl,--enable-new-dtags -L. "${link[@]}" -L"$RT" -lmldc \
    || fail "cannot build lib$name.so"
}

# prog NAME pie|nopie SOURCE... [-- LINK-ARGS]: NAME with PT_INTERP = mload,
# and NAME.sys, the same program with the system's ld.so as interpreter.
prog() {
  local name=$1 kind=$2; shift 2
  local srcs=() link=() pic=(-fPIE -pie)
  [ "$kind" = nopie ] && pic=(-fno-pic -no-pie)
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do srcs+=("$SRC/$1"); shift; done
  [ $# -gt 0 ] && shift && link=("$@")
  local interp
  for interp in "$MLOAD" "$SYSLD"; do
    local out=$name
    [ "$interp" = "$SYSLD" ] && out=$name.sys
    $CC $CFLAGS "${pic[@]}" -nostdlib -o "$out" "$RT/crt1.o" "${srcs[@]}" -Wl,-z,lazy \
      -Wl,--dynamic-linker="$interp" -Wl,-rpath,'$ORIGIN' -Wl,--enable-new-dtags -L. "${link[@]}" \
      -L"$RT" -lmldc || fail "cannot build $out"
  done
}

# run_all NAME [ARGS]: the program must print exactly $SRC/NAME.out (stdout,
# then "exit=N") with an empty stderr, in every way it can be started.
# NO_SYSTEM=reason leaves out the comparison with the system's ld.so.
run_all() {
  local name=$1; shift
  local expected=$SRC/$name.out mode modes="direct interp bindnow bindnow-flag system"
  [ -f "$expected" ] || fail "no $expected"
  [ -n "${NO_SYSTEM:-}" ] && modes=${modes% system} && note "$name: not run under $SYSLD: $NO_SYSTEM"
  for mode in $modes; do
    local rc
    case $mode in
      direct) "$MLOAD" ./"$name" "$@" >"$name.$mode.out" 2>"$name.$mode.err"; rc=$? ;;
      interp) ./"$name" "$@" >"$name.$mode.out" 2>"$name.$mode.err"; rc=$? ;;
      bindnow) MLOAD_BIND_NOW=1 ./"$name" "$@" >"$name.$mode.out" 2>"$name.$mode.err"; rc=$? ;;
      bindnow-flag) "$MLOAD" --bind-now ./"$name" "$@" >"$name.$mode.out" 2>"$name.$mode.err"; rc=$? ;;
      system) LD_LIBRARY_PATH=$RT ./"$name.sys" "$@" >"$name.$mode.out" 2>"$name.$mode.err"; rc=$? ;;
    esac
    echo "exit=$rc" >>"$name.$mode.out"
    if [ $mode = system ]; then
      # The runtime never calls glibc's _dl_fini (it cannot run without
      # glibc's libc), so under ld.so no destructor lines are compared.
      diff -u <(grep -v '^fini ' "$expected") <(grep -v '^fini ' "$name.$mode.out") >&2 \
        || fail "$name ($mode): stdout differs from $expected"
    else
      diff -u "$expected" "$name.$mode.out" >&2 || fail "$name ($mode): stdout differs from $expected"
    fi
    [ -s "$name.$mode.err" ] && { cat "$name.$mode.err" >&2; fail "$name ($mode): unexpected stderr"; }
  done
  note "$name: expected output in modes: $modes"
}

# --- Hosted mode: ordinary glibc programs (docs/architecture.md) ---------
# Built by the system gcc/g++ against glibc, linked by ld.bfd, or by mld when
# LINKER=mld. Expected output: the same program under the system's ld.so.
GCFLAGS="-O1 -g0"
linker_flags() { [ "${LINKER:-bfd}" = mld ] && echo "-B$OUT/mld-bin" || echo "-fuse-ld=bfd"; }
use_mld() {
  [ -x "${MLD:-}" ] || fail "mld is not built (MLD=${MLD:-unset})"
  mkdir -p "$OUT/mld-bin" && ln -sf "$MLD" "$OUT/mld-bin/ld"
}
compiler_for() { case "$1" in *.cpp) echo g++ ;; *) echo gcc ;; esac; }

# glib NAME SOURCE... [-- LINK-ARGS]: libNAME.so, C or C++ by the first source.
glib() {
  local name=$1; shift
  local srcs=() link=()
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do srcs+=("$SRC/$1"); shift; done
  [ $# -gt 0 ] && shift && link=("$@")
  $(compiler_for "${srcs[0]}") $GCFLAGS $(linker_flags) -fPIC -shared -o "lib$name.so" "${srcs[@]}" \
    -Wl,-soname,"lib$name.so" -Wl,-z,lazy -Wl,-rpath,'$ORIGIN' -L. "${link[@]}" || fail "cannot build lib$name.so"
}

# gprog NAME SOURCE... [-- LINK-ARGS]: NAME (interpreter: the system's ld.so)
# and NAME.mload, the same program with PT_INTERP = mload.
gprog() {
  local name=$1; shift
  local srcs=() link=()
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do srcs+=("$SRC/$1"); shift; done
  [ $# -gt 0 ] && shift && link=("$@")
  local cc; cc=$(compiler_for "${srcs[0]}")
  $cc $GCFLAGS $(linker_flags) -o "$name" "${srcs[@]}" -Wl,-z,lazy -Wl,-rpath,'$ORIGIN' -L. "${link[@]}" \
    || fail "cannot build $name"
  $cc $GCFLAGS $(linker_flags) -o "$name.mload" "${srcs[@]}" -Wl,-z,lazy -Wl,-rpath,'$ORIGIN' -L. "${link[@]}" \
    -Wl,--dynamic-linker="$MLOAD" || fail "cannot build $name.mload"
}

# grun NAME [ARGS]: stdout, stderr and exit status under mload equal those
# under the system's ld.so, started directly (mload ./NAME) and as PT_INTERP
# (./NAME.mload), lazily and with LD_BIND_NOW. GRUN_ENV adds environment.
genv() { if [ -n "${GRUN_ENV:-}" ]; then export ${GRUN_ENV?}; fi; }
grun() {
  local name=$1; shift
  local mode rc
  env ${GRUN_ENV:-} ./"$name" "$@" >"$name.native.out" 2>"$name.native.err"
  echo "exit=$?" >>"$name.native.out"
  for mode in direct interp direct-now interp-now; do
    case $mode in
      direct) env ${GRUN_ENV:-} "$MLOAD" ./"$name" "$@" ;;
      # exec -a: the same argv[0] as the native run (the file is NAME.mload).
      interp) (genv; exec -a "./$name" ./"$name.mload" "$@") ;;
      direct-now) env ${GRUN_ENV:-} LD_BIND_NOW=1 "$MLOAD" ./"$name" "$@" ;;
      interp-now) (genv; export LD_BIND_NOW=1; exec -a "./$name" ./"$name.mload" "$@") ;;
    esac >"$name.$mode.out" 2>"$name.$mode.err"
    rc=$?
    echo "exit=$rc" >>"$name.$mode.out"
    diff -u "$name.native.out" "$name.$mode.out" >&2 || fail "$name ($mode, ${LINKER:-bfd}): stdout or exit status differs from ld.so's"
    diff -u "$name.native.err" "$name.$mode.err" >&2 \
      || fail "$name ($mode, ${LINKER:-bfd}): stderr differs from ld.so's"
  done
  note "$name (${LINKER:-bfd}): same as under ld.so: direct, PT_INTERP, lazy and LD_BIND_NOW"
}

# for_linkers FUNCTION: run a recipe function once per linker, each in its
# own directory (ld.bfd, then mld).
for_linkers() {
  local fn=$1 l
  for l in bfd mld; do
    mkdir -p "$OUT/$l" && cd "$OUT/$l" || fail "cannot enter $l/"
    [ $l = mld ] && use_mld
    LINKER=$l "$fn"
    cd "$OUT" || exit 1
  done
}

# json_log NAME [ARGS]: run under the PT_INTERP form with a JSON binding
# log in NAME.json (the program's stdout in NAME.log.out).
json_log() {
  local name=$1; shift
  MLOAD_LOG="$name.json" MLOAD_LOG_FORMAT=json ./"$name" "$@" >"$name.log.out" 2>&1
}

# count EVENT KEY VALUE... in a JSON log: lines with that event and fields.
count() {
  local file=$1 event=$2; shift 2
  local pattern="\"event\":\"$event\""
  local lines
  lines=$(grep -F "$pattern" "$file")
  while [ $# -gt 0 ]; do
    lines=$(printf '%s\n' "$lines" | grep -F "\"$1\":\"$2\"")
    shift 2
  done
  [ -z "$lines" ] && echo 0 || printf '%s\n' "$lines" | wc -l
}

# expect_count N EVENT KEY VALUE...
expect_count() {
  local n=$1 file=$2; shift 2
  local got
  got=$(count "$file" "$@")
  [ "$got" -eq "$n" ] || fail "expected $n '$*' events in $file, found $got"
}

# expect_error EXPECTED-STDERR-REGEX COMMAND...: exit status 127 (never a
# signal) and exactly one stderr line matching the regex.
expect_error() {
  local regex=$1; shift
  "$@" >/dev/null 2>err.txt
  local rc=$?
  [ $rc -eq 127 ] || { cat err.txt >&2; fail "'$*' exited $rc, expected 127"; }
  [ "$(wc -l <err.txt)" -eq 1 ] && grep -Eqx -- "$regex" err.txt \
    || { cat err.txt >&2; fail "'$*': stderr is not one line matching: $regex"; }
}

# ELF patching for the bad-input tests (little-endian fields).
u64() { od -An -t u8 -j "$2" -N 8 "$1" | tr -d ' '; }
put_u64() {
  local file=$1 off=$2 v=$3 i bytes=""
  for i in 0 1 2 3 4 5 6 7; do bytes+=$(printf '\\x%02x' $(((v >> (8 * i)) & 255))); done
  printf "$bytes" | dd of="$file" bs=1 seek="$off" conv=notrunc status=none
}
put_u8() { printf "$(printf '\\x%02x' "$3")" | dd of="$1" bs=1 seek="$2" conv=notrunc status=none; }
# phdr_field FILE INDEX-OF-PT_LOAD FIELD-OFFSET: file offset of that field of
# the INDEX-th PT_LOAD (0-based).
phdr_field() {
  local file=$1 want=$2 field=$3 phoff phnum i n=0
  phoff=$(u64 "$file" 32)
  phnum=$(od -An -t u2 -j 56 -N 2 "$file" | tr -d ' ')
  for ((i = 0; i < phnum; i++)); do
    local at=$((phoff + 56 * i))
    if [ "$(od -An -t u4 -j $at -N 4 "$file" | tr -d ' ')" = 1 ]; then
      [ $n -eq "$want" ] && { echo $((at + field)); return; }
      n=$((n + 1))
    fi
  done
  fail "no PT_LOAD #$want in $file"
}

# dyn_entry FILE TAG: file offset of the first .dynamic entry with TAG.
dyn_entry() {
  local file=$1 tag=$2 phoff phnum i off=""
  phoff=$(u64 "$file" 32)
  phnum=$(od -An -t u2 -j 56 -N 2 "$file" | tr -d ' ')
  for ((i = 0; i < phnum; i++)); do
    local at=$((phoff + 56 * i))
    [ "$(od -An -t u4 -j $at -N 4 "$file" | tr -d ' ')" = 2 ] && off=$(u64 "$file" $((at + 8)))
  done
  [ -n "$off" ] || fail "no PT_DYNAMIC in $file"
  while :; do
    local t
    t=$(u64 "$file" "$off")
    [ "$t" = "$tag" ] && { echo "$off"; return; }
    [ "$t" = 0 ] && fail "no dynamic tag $tag in $file"
    off=$((off + 16))
  done
}

. "$SRC/recipe.sh"
note "pass"
