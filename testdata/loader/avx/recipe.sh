# avx: eight __m256d arguments in ymm0-ymm7 survive the lazy first call
# (the trampoline saves the vector state with xsavec/xsave). Skipped on a
# CPU without AVX.
grep -qw avx /proc/cpuinfo || { note "no AVX on this CPU: skipped"; exit 77; }
CFLAGS="$CFLAGS -mavx"
lib vec vec.c
prog prog pie prog.c -- -lvec
run_all prog
json_log prog
expect_count 1 prog.json lazy-bind file ./prog symbol avx8

# With fixup wiping every vector register, each trampoline variant that
# saves the AVX state must still deliver the arguments...
for variant in xsavec xsave; do
  out=$(MLOAD_TRAMPOLINE=$variant MLOAD_TEST_CLOBBER_VECTORS=1 ./prog; echo "exit=$?")
  [ "$out" = "$(cat "$SRC/prog.out")" ] || fail "$variant trampoline lost vector arguments: $out"
done
# ...while fxsave, which saves only the xmm halves, cannot: this proves the
# check above would catch a trampoline that drops the upper halves.
out=$(MLOAD_TRAMPOLINE=fxsave MLOAD_TEST_CLOBBER_VECTORS=1 ./prog)
[ "$out" != "$(head -2 "$SRC/prog.out")" ] || fail "the vector clobber hook had no effect"
note "xsavec and xsave trampolines keep ymm arguments; fxsave (control) does not"
