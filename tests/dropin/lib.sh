# lib.sh: helpers shared by every drop-in case (sourced by run-case.sh).
# Owns the compile cache (each source+flags compiled once into
# $DROPIN_WORK/obj, shared by concurrent tests under flock), the mld and
# ld.bfd links through the gcc driver, the readelf/llvm-readelf hygiene
# check every mld output gets, and run/compare/expect-failure helpers.

fail() {
  echo "FAIL: $*"
  exit 1
}

# obj SRC FLAGS...: path of SRC (relative to testdata/dropin) compiled with
# FLAGS. .cc goes through g++, everything else through gcc. The object is
# rebuilt when any file of the source's directory is newer (local headers).
obj() {
  local src=$DROPIN_DATA/$1
  shift
  [ -f "$src" ] || { echo "no such source: $src" >&2; return 1; }
  local key base out cc=gcc
  key=$(printf '%s\n' "$src" "$@" | md5sum | cut -c1-10)
  base=$(basename "$src")
  out=$DROPIN_WORK/obj/${base%.*}-$key.o
  [[ $src == *.cc ]] && cc=g++
  mkdir -p "$DROPIN_WORK/obj"
  (
    flock 9
    if [ ! -f "$out" ] || [ -n "$(find "$(dirname "$src")" -newer "$out" -print -quit)" ]; then
      "$cc" "$@" -c "$src" -o "$out.tmp.$$" && mv -f "$out.tmp.$$" "$out"
    fi
  ) 9>"$out.lock" || { echo "compile failed: $cc $* -c $src" >&2; return 1; }
  echo "$out"
}

# checkElf FILE: readelf -a -W and llvm-readelf --all --dyn-syms must read
# FILE without a single warning or error.
checkElf() {
  local f=$1
  readelf -a -W "$f" >/dev/null 2>"$f.readelf.err"
  local rc=$?
  if [ $rc != 0 ] || [ -s "$f.readelf.err" ]; then
    echo "FAIL: readelf -a -W $f (exit $rc) complains:"
    head -20 "$f.readelf.err"
    exit 1
  fi
  llvm-readelf --all --dyn-syms "$f" >/dev/null 2>"$f.llvm-readelf.err"
  rc=$?
  if [ $rc != 0 ] || [ -s "$f.llvm-readelf.err" ]; then
    echo "FAIL: llvm-readelf --all --dyn-syms $f (exit $rc) complains:"
    head -20 "$f.llvm-readelf.err"
    exit 1
  fi
}

# mldLink DRIVER OUT ARGS...: DRIVER -B $MLD_GCC_DIR ARGS -o OUT must
# succeed. OUT is remembered in linkedOutputs: run-case.sh has each one
# checked by checkElf after the case's behavioural checks (so a readelf
# warning does not hide whether the program works).
linkedOutputs=()
mldLink() {
  local driver=$1 out=$2
  shift 2
  rm -f "$out"
  if ! "$driver" -B "$MLD_GCC_DIR" "$@" -o "$out" 2>"$out.link.err"; then
    echo "FAIL: mld link failed: $driver -B $MLD_GCC_DIR $* -o $out"
    head -40 "$out.link.err"
    exit 1
  fi
  [ -s "$out" ] || fail "mld link succeeded but left no $out"
  linkedOutputs+=("$out")
}

# refLink DRIVER OUT ARGS...: the same link with the system's ld.bfd.
refLink() {
  local driver=$1 out=$2
  shift 2
  rm -f "$out"
  if ! "$driver" -fuse-ld=bfd "$@" -o "$out" 2>"$out.link.err"; then
    echo "FAIL: (test setup) reference ld.bfd link failed: $driver -fuse-ld=bfd $* -o $out"
    head -20 "$out.link.err"
    exit 1
  fi
}

# A fixed, small environment so outputs do not depend on the caller.
runEnv=(env -i PATH=/usr/bin:/bin LC_ALL=C DROPIN_A=alpha DROPIN_B=beta)

# runProg PROG ARGS...: run with the fixed environment in $T; stdout in
# PROG.out, stderr in PROG.err, exit status in $runRc.
runProg() {
  local p=$1
  shift
  (cd "$T" && timeout 60 "${runEnv[@]}" "$p" "$@" >"$p.out" 2>"$p.err")
  runRc=$?
}

# compareRun MINE REF ARGS...: both programs print the same stdout and exit
# alike (REF linked by ld.bfd from the same objects).
compareRun() {
  local mine=$1 ref=$2
  shift 2
  runProg "$ref" "$@"
  local refRc=$runRc
  [ -s "$ref.out" ] || fail "(test setup) reference $ref printed nothing (exit $refRc): $(head -5 "$ref.err")"
  runProg "$mine" "$@"
  local mineRc=$runRc
  local bad=0
  if ! cmp -s "$ref.out" "$mine.out"; then
    echo "FAIL: stdout of the mld-linked $(basename "$mine") differs from ld.bfd's (< ld.bfd, > mld):"
    diff "$ref.out" "$mine.out" | head -30
    bad=1
  fi
  if [ "$refRc" != "$mineRc" ]; then
    echo "FAIL: exit status ld.bfd=$refRc mld=$mineRc"
    bad=1
  fi
  if [ $bad = 1 ]; then
    echo "--- stderr of the mld-linked program:"
    head -20 "$mine.err"
    exit 1
  fi
}

# expectOutput PROG EXPECTED ARGS...: PROG exits 0 and prints EXPECTED.
expectOutput() {
  local p=$1 want=$2
  shift 2
  runProg "$p" "$@"
  if [ "$runRc" != 0 ] || [ "$(cat "$p.out")" != "$want" ]; then
    echo "FAIL: $(basename "$p") exited $runRc; expected output:"
    echo "$want"
    echo "--- got:"
    head -30 "$p.out"
    echo "--- stderr:"
    head -20 "$p.err"
    exit 1
  fi
}

# mldLinkFails DRIVER OUT ARGS...: the link must fail the way a tool should
# on bad input: ld (mld) exits with status 1 (collect2 reports it), prints
# an "error:" line, does not crash, and leaves no OUT behind. mld's stderr
# is in $linkErr for further checks.
mldLinkFails() {
  local driver=$1 out=$2
  shift 2
  rm -f "$out"
  "$driver" -B "$MLD_GCC_DIR" "$@" -o "$out" 2>"$out.link.err"
  local rc=$?
  linkErr=$(cat "$out.link.err")
  local cmd="$driver -B $MLD_GCC_DIR $* -o $out"
  [ $rc != 0 ] || fail "link succeeded but should fail: $cmd"
  if grep -qiE 'signal|core dumped|segmentation|abort|terminate called|assert' "$out.link.err"; then
    echo "FAIL: mld crashed instead of reporting an error: $cmd"
    head -20 "$out.link.err"
    exit 1
  fi
  if ! grep -q 'ld returned 1 exit status' "$out.link.err"; then
    echo "FAIL: mld did not exit with status 1: $cmd"
    head -20 "$out.link.err"
    exit 1
  fi
  grep -q 'error:' "$out.link.err" || fail "no error message from mld: $cmd; stderr: $linkErr"
  [ ! -e "$out" ] || fail "mld left an output file $out after failing: $cmd"
}

# expectErr TEXT: mld's stderr from mldLinkFails contains TEXT (fixed string).
expectErr() {
  if ! grep -qF -- "$1" <<<"$linkErr"; then
    echo "FAIL: mld's error message lacks: $1"
    echo "--- mld said:"
    echo "$linkErr" | head -20
    exit 1
  fi
}

# elfType FILE: EXEC or DYN.
elfType() {
  readelf -h "$1" | awk '/Type:/ {print $2}'
}

# sameAsBfd DRIVER NAME LINKARGS...: link LINKARGS into $T/NAME with mld and
# into $T/NAME.bfd with ld.bfd, run both, require identical behaviour.
sameAsBfd() {
  local driver=$1 name=$2
  shift 2
  mldLink "$driver" "$T/$name" "$@"
  refLink "$driver" "$T/$name.bfd" "$@"
  compareRun "$T/$name" "$T/$name.bfd"
}
