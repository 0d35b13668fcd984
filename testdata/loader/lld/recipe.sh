# lld: the chain scenario's sources linked by lld instead of ld.bfd
# (issue 5 item 9: mload loads what other linkers produce). lld's lazy PLT
# follows the same contract: PLTn pushes n, PLT0 pushes GOT[1], jumps GOT[2].
command -v ld.lld >/dev/null || { note "ld.lld not installed: skipped"; exit 77; }
CFLAGS="$CFLAGS -fuse-ld=lld"
SRC=$TESTDATA/chain
lib c3 c.c -- -Wl,-init,c3_legacy_init -Wl,-fini,c3_legacy_fini
lib b b.c -- -lc3
lib a a.c -- -lb
prog prog pie prog.c -- -la
run_all prog one two
json_log prog one two
for f in a_report a_vsum a_mix; do expect_count 1 prog.json lazy-bind file ./prog symbol $f; done
expect_count 1 prog.json lazy-bind file ./liba.so symbol b_sum8
