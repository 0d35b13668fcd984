# search: the library search order (DT_RPATH, then MLOAD_LIBRARY_PATH and
# LD_LIBRARY_PATH, then DT_RUNPATH with $ORIGIN, then the default
# directories) and one load per file, found by (st_dev, st_ino).
mkdir -p d1 d2
for d in d1 d2; do
  $CC $CFLAGS -fPIC -shared -nostdlib -DPICK_DIR="\"$d\"" -o $d/libpick.so "$SRC/pick.c" \
    -Wl,-soname,libpick.so -L"$RT" -lmldc || fail "cannot build $d/libpick.so"
done
link() { # link NAME DTAGS-OPTION RPATH
  $CC $CFLAGS -fPIE -pie -nostdlib -o "$1" "$RT/crt1.o" "$SRC/prog.c" -Ld1 -lpick -L"$RT" -lmldc \
    -Wl,--dynamic-linker="$MLOAD" "$2" -Wl,-rpath,"$3" || fail "cannot build $1"
}
link rpath -Wl,--disable-new-dtags '$ORIGIN/d1'
link runpath -Wl,--enable-new-dtags '$ORIGIN/d1'
# expect WHAT COMMAND...: stdout must be exactly WHAT (d1 or d2).
expect() {
  local want=$1; shift
  local got
  got=$("$@" 2>&1)
  [ "$got" = "$want" ] || fail "'$*' printed '$got', expected '$want'"
}
expect d1 ./rpath
expect d1 env LD_LIBRARY_PATH="$PWD/d2" ./rpath        # DT_RPATH comes before LD_LIBRARY_PATH
expect d1 env MLOAD_LIBRARY_PATH="$PWD/d2" ./rpath
expect d1 ./runpath                                     # $ORIGIN/d1
expect d2 env LD_LIBRARY_PATH="$PWD/d2" ./runpath       # ...but after LD_LIBRARY_PATH
expect d2 env MLOAD_LIBRARY_PATH="$PWD/d2" ./runpath
expect d2 env MLOAD_LIBRARY_PATH=/nonexistent LD_LIBRARY_PATH="$PWD/d2" ./runpath
expect d2 "$MLOAD" --library-path d2 ./runpath
# The same file under a second name (a symlink; no DT_SONAME, so the
# names in DT_NEEDED differ) is loaded once.
$CC $CFLAGS -fPIC -shared -nostdlib -DPICK_DIR='"noso"' -o d1/libnoso.so "$SRC/pick.c" -L"$RT" -lmldc \
  || fail "cannot build libnoso.so"
ln -s libnoso.so d1/libnoso2.so
$CC $CFLAGS -fPIC -shared -nostdlib -o libuser.so -x c /dev/null -Ld1 -Wl,--no-as-needed -lnoso2 \
  -Wl,-rpath,'$ORIGIN/d1' || fail "cannot build libuser.so"
$CC $CFLAGS -fPIE -pie -nostdlib -o twice "$RT/crt1.o" "$SRC/prog.c" -Ld1 -lnoso -L. -Wl,--no-as-needed -luser \
  -L"$RT" -lmldc -Wl,--dynamic-linker="$MLOAD" -Wl,-rpath,'$ORIGIN/d1:$ORIGIN' || fail "cannot build twice"
expect noso ./twice
MLOAD_LOG=twice.json MLOAD_LOG_FORMAT=json ./twice >/dev/null
expect_count 1 twice.json map name libnoso.so
expect_count 0 twice.json map name libnoso2.so
grep -q '"event":"duplicate","path":"./d1/libnoso2.so","as":"./d1/libnoso.so"' twice.json \
  || { cat twice.json >&2; fail "libnoso2.so was not recognised as libnoso.so"; }
