# mold: the chain scenario's sources linked by mold, whose lazy PLT entry
# passes the index in %r11 to a PLT header that pushes it: the trampoline
# sees the same stack (module handle, then index), so mload binds it as is.
command -v mold >/dev/null || { note "mold not installed: skipped"; exit 77; }
CFLAGS="$CFLAGS -fuse-ld=mold"
SRC=$TESTDATA/chain
lib c3 c.c -- -Wl,-init,c3_legacy_init -Wl,-fini,c3_legacy_fini
lib b b.c -- -lc3
lib a a.c -- -lb
prog prog pie prog.c -- -la
run_all prog one two
json_log prog one two
for f in a_report a_vsum a_mix; do expect_count 1 prog.json lazy-bind file ./prog symbol $f; done
expect_count 1 prog.json lazy-bind file ./liba.so symbol b_sum8
