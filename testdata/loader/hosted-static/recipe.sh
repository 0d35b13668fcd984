# hosted-static: static and static-pie glibc programs run under mload as the
# kernel runs them (no relocation, no RELRO, no TLS set up by mload).
static_progs() {
  local kind
  for kind in static static-pie; do
    gcc $GCFLAGS $(linker_flags) -$kind -o $kind "$SRC/prog.c" || fail "cannot build $kind"
    ./$kind a b >$kind.native.out 2>&1
    echo "exit=$?" >>$kind.native.out
    "$MLOAD" ./$kind a b >$kind.mload.out 2>&1
    echo "exit=$?" >>$kind.mload.out
    diff -u $kind.native.out $kind.mload.out >&2 || fail "$kind (${LINKER:-bfd}) differs under mload"
  done
  note "static and static-pie (${LINKER:-bfd}): same as when the kernel starts them"
}
for_linkers static_progs
cd "$OUT/bfd" || exit 1
# --list on a static program says what ldd says, with ldd's status.
out=$("$MLOAD" --list ./static); rc=$?
[ "$out" = "	not a dynamic executable" ] && [ $rc = 1 ] || fail "--list ./static printed '$out', exit $rc"
