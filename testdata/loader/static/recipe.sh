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
