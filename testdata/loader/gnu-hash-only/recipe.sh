# gnu-hash-only: a library with .gnu.hash and no DT_HASH, whose long names
# make .dynstr large, so .gnu.version lies near the end of its segment. The
# number of dynamic symbols is where the GNU hash chains end (not the room
# left in the segment, which DT_VERSYM, two bytes a symbol, does not have).
big() {
  local i pad
  pad=$(printf 'x%.0s' $(seq 180))
  for ((i = 0; i < 800; i++)); do echo "int fn_${pad}_$i(void) { return $i; }"; done >big.c
  echo "int total(void) { return fn_${pad}_799(); }" >>big.c
  echo 'V1 { global: *; };' >v.map
  gcc $GCFLAGS $(linker_flags) -fPIC -shared -o libbig.so big.c -Wl,--hash-style=gnu \
    -Wl,--version-script=v.map -Wl,-soname,libbig.so || fail "cannot build libbig.so"
  readelf -SW libbig.so | grep -q ' \.gnu\.version ' || fail "(setup) libbig.so has no .gnu.version"
  readelf -SW libbig.so | grep -q ' \.hash ' && fail "(setup) libbig.so has a .hash"
  gprog prog prog.c -- -lbig -Wl,--hash-style=gnu
  grun prog
  grep -qx 799 prog.native.out || fail "(setup) prog printed $(cat prog.native.out)"
}
for_linkers big
