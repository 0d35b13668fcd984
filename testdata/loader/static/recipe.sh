# static: mload also runs static and static-PIE programs (no PT_DYNAMIC
# dependencies): same output as when the kernel starts them itself.
for kind in static static-pie; do
  $CC $CFLAGS -$kind -nostdlib -o $kind "$RT/crt1.o" "$SRC/prog.c" "$RT/libmldc.a" || fail "cannot build $kind"
  for how in kernel mload; do
    if [ $how = kernel ]; then ./$kind arg >out.txt 2>err.txt; else "$MLOAD" ./$kind arg >out.txt 2>err.txt; fi
    echo "exit=$?" >>out.txt
    diff -u "$SRC/prog.out" out.txt >&2 || fail "$kind started by $how: wrong output"
    [ -s err.txt ] && fail "$kind started by $how: stderr $(cat err.txt)"
  done
done
note "static and static-pie programs run the same under mload"

# Process entry: %rsp 16-byte aligned and at argc, however many of mload's
# own words are dropped from the front of the vector (one: `mload PROG`;
# two: `mload --maps PROG`; three: `mload --argv0 NAME PROG`).
$CC -static -nostdlib -o entry-align "$SRC/entry-align.S" || fail "cannot build entry-align"
./entry-align a b || fail "(setup) entry-align under the kernel exited $?"
"$MLOAD" ./entry-align a b || fail "mload ./entry-align: exit $? (1: %rsp misaligned at entry)"
"$MLOAD" --maps ./entry-align a b 2>/dev/null || fail "mload --maps ./entry-align: exit $?"
"$MLOAD" --argv0 x ./entry-align a b || fail "mload --argv0 x ./entry-align: exit $?"
note "the entry point sees an aligned %rsp and argc"
