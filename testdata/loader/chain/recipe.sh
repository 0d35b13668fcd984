# chain: prog -> liba -> libb -> libc3, all lazily bound. Proves ordinary
# calls (ints, struct by value, float/double, varargs) survive the first,
# lazy call; init/fini order along the chain; the lazy log (each function
# bound once, at its first call); eager binding under bind-now; --list.
lib c3 c.c -- -Wl,-init,c3_legacy_init -Wl,-fini,c3_legacy_fini
lib b b.c -- -lc3
lib a a.c -- -lb
prog prog pie prog.c -- -la
run_all prog one two

json_log prog one two
diff -u "$SRC/prog.out" <(cat prog.log.out; echo "exit=3") >&2 || fail "output differs with a JSON log"
for f in a_report a_vsum a_mix; do expect_count 1 prog.json lazy-bind file ./prog symbol $f; done
expect_count 1 prog.json lazy-bind file ./liba.so symbol b_sum8
expect_count 1 prog.json lazy-bind file ./libb.so symbol c_scale
expect_count 1 prog.json lazy-bind file ./liba.so symbol c_scale
expect_count 0 prog.json bind type R_X86_64_JUMP_SLOT
# Every JUMP_SLOT of the program starts lazy (rebased to its PLT push).
expect_count 4 prog.json search
expect_count 1 prog.json lazy-slot file ./prog symbol a_report

# Bind-now: no lazy binds, every JUMP_SLOT bound before the entry.
MLOAD_BIND_NOW=1 MLOAD_LOG=now.json MLOAD_LOG_FORMAT=json ./prog >/dev/null 2>&1
expect_count 0 now.json lazy-bind
expect_count 0 now.json lazy-slot
expect_count 1 now.json bind file ./prog symbol a_report type R_X86_64_JUMP_SLOT

# The text log reads like glibc's LD_DEBUG=bindings.
MLOAD_DEBUG=bindings ./prog one two 2>text.log >/dev/null
grep -Eq "^ *[0-9]+:	binding file \./prog to \./liba\.so: lazy symbol 'a_report' \[PLT[1-9][0-9]*\] GOT\.PLT\[[0-9]+\] at 0x[0-9a-f]+: 0x[0-9a-f]+ -> 0x[0-9a-f]+$" text.log \
  || { cat text.log >&2; fail "text log lacks the lazy binding of a_report"; }
MLOAD_DEBUG=libs ./prog 2>libs.log >/dev/null
grep -Eq "^ *[0-9]+:	find library=libb\.so; needed by \./liba\.so$" libs.log || fail "libs log lacks the search for libb.so"
grep -Eq "^ *[0-9]+:	  segment 0x[0-9a-f]+-0x[0-9a-f]+ r-x file offset 0x[0-9a-f]+$" libs.log || fail "libs log lacks segments"

# --list prints what would be loaded, like ldd.
"$MLOAD" --list ./prog >list.out || fail "--list failed"
grep -Eq "^	liba\.so => \./liba\.so \(0x[0-9a-f]+\)$" list.out || { cat list.out >&2; fail "--list lacks liba.so"; }
grep -Eq "^	libc3\.so => \./libc3\.so \(0x[0-9a-f]+\)$" list.out || fail "--list lacks libc3.so"
[ "$(wc -l <list.out)" -eq 4 ] || fail "--list: expected 4 libraries"

# Float, double and varargs arguments (xmm0-7 and %al) survive a fixup that
# wipes the vector registers, with each trampoline variant.
for variant in xsavec xsave fxsave; do
  out=$(MLOAD_TRAMPOLINE=$variant MLOAD_TEST_CLOBBER_VECTORS=1 ./prog one two; echo "exit=$?")
  [ "$out" = "$(cat "$SRC/prog.out")" ] || fail "$variant trampoline lost arguments"
done

# gdb finds the libraries through DT_DEBUG -> _r_debug and _dl_debug_state,
# in both forms, and unwinds from _dl_fixup through the trampoline's CFI
# into the caller (optional: only when gdb is installed).
if command -v gdb >/dev/null; then
  timeout 60 gdb -q -batch -ex 'break main' -ex 'run one two' -ex 'info sharedlibrary' \
    -ex 'break _dl_fixup' -ex continue -ex bt ./prog >gdb.out 2>&1
  for l in liba.so libb.so libc3.so libmldc.so mload; do
    grep -Eq "^0x[0-9a-f]+ +0x[0-9a-f]+ +Yes.* /.*/$l$" gdb.out || { cat gdb.out >&2; fail "gdb does not list $l"; }
  done
  grep -Eq "^#1 .* in _dl_runtime_resolve " gdb.out && grep -Eq "^#2 .* in main " gdb.out \
    || { cat gdb.out >&2; fail "gdb cannot unwind from _dl_fixup through the trampoline"; }
  timeout 60 gdb -q -batch -ex 'break _dl_debug_state' -ex run -ex continue -ex 'info sharedlibrary' \
    --args "$MLOAD" ./prog >gdb-direct.out 2>&1
  grep -Eq "Yes.* \./prog$" gdb-direct.out && grep -Eq "Yes.* \./libc3\.so$" gdb-direct.out \
    || { cat gdb-direct.out >&2; fail "gdb --args mload ./prog does not see the program and libraries"; }
  note "gdb lists the libraries mload loaded and unwinds through _dl_runtime_resolve"
fi
