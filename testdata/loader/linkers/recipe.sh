# linkers: the chain scenario's sources linked by lld and by mold instead of
# ld.bfd (issue 5 item 9: mload loads what other linkers produce). lld's
# lazy PLT is the classic one; mold's PLT entry passes the index in %r11 to
# a PLT header that pushes it, so the trampoline sees the same stack
# (module handle, then index). A linker that is not installed is skipped.
SRC=$TESTDATA/chain
ran=0 baseFlags=$CFLAGS
for linker in lld mold; do
  command -v "ld.$linker" >/dev/null || command -v "$linker" >/dev/null || { note "$linker not installed"; continue; }
  mkdir -p "$linker" && cd "$linker" || fail "cannot enter $linker/"
  CFLAGS="$baseFlags -fuse-ld=$linker"
  lib c3 c.c -- -Wl,-init,c3_legacy_init -Wl,-fini,c3_legacy_fini
  lib b b.c -- -lc3
  lib a a.c -- -lb
  prog prog pie prog.c -- -la
  run_all prog one two
  json_log prog one two
  for f in a_report a_vsum a_mix; do expect_count 1 prog.json lazy-bind file ./prog symbol $f; done
  expect_count 1 prog.json lazy-bind file ./liba.so symbol b_sum8
  note "linked by $linker: same output, lazily bound"
  cd .. && ran=$((ran + 1))
done
[ $ran -gt 0 ] || exit 77
