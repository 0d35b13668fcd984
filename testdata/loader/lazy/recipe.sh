# lazy: the lazy-binding proof. target() is called twice through the PLT:
# the log shows exactly one lazy bind, at the first call, and the program
# itself sees its GOT slot go from "not target" to target's address, the
# value the log reports as the slot's new content, at the slot's address.
lib target lib.c
prog prog pie prog.c -- -ltarget
MLOAD_LOG=lazy.json MLOAD_LOG_FORMAT=json ./prog >out.txt 2>err.txt || fail "prog failed: $(cat err.txt)"
target=$(sed -n 's/^target=//p' out.txt)
slotAddr=$(sed -n 's/^slot address=//p' out.txt)
grep -qx "before: slot -1" out.txt || fail "a GOT slot held target before its first call"
grep -Eqx "after: slot [0-9]+, result 49" out.txt || fail "no GOT slot holds target after the calls"
expect_count 1 lazy.json lazy-bind file ./prog symbol target
expect_count 1 lazy.json lazy-bind file ./prog symbol target new "$target" slot "$slotAddr"
# The old value was the slot's rebased PLT push address, as logged when
# the slot was prepared.
old=$(grep '"event":"lazy-slot","file":"./prog"' lazy.json | grep '"symbol":"target"' | sed 's/.*"new":"\([^"]*\)".*/\1/')
[ -n "$old" ] || fail "no lazy-slot event for target"
expect_count 1 lazy.json lazy-bind file ./prog symbol target old "$old"

# Eager binding: the slot already holds target before the first call.
MLOAD_BIND_NOW=1 ./prog >now.txt || fail "prog failed under bind-now"
grep -Eqx "before: slot [0-9]+" now.txt || fail "bind-now left target's slot unbound"

# The PLT/GOT contract as the log shows it, with the psABI's names: the
# entry of .rela.plt[n] is PLT(n+1) (PLT0 is the common stub), and its slot
# is GOT.PLT[n+3] (words 0-2 are reserved); the lazy-setup filled
# GOT.PLT[1] and GOT.PLT[2]. The .rela.plt index n is what the entry pushes,
# which _dl_fixup read: the bound slot must be the one at that index.
got=$(grep '"event":"lazy-setup","file":"./prog"' lazy.json | sed 's/.*"got":"\([^"]*\)".*/\1/')
bind=$(grep '"event":"lazy-bind","file":"./prog"' lazy.json | grep '"symbol":"target"')
plt=$(printf '%s' "$bind" | sed -n 's/.*"plt":"PLT\([0-9]*\)".*/\1/p')
word=$(printf '%s' "$bind" | sed -n 's/.*"got_plt":\([0-9]*\).*/\1/p')
[ -n "$got" ] && [ -n "$plt" ] && [ -n "$word" ] || fail "no lazy-setup or lazy-bind event (with plt, got_plt) for ./prog"
[ "$plt" -ge 1 ] || fail "target bound through PLT$plt, the common stub"
[ "$word" -eq $((plt + 2)) ] || fail "PLT$plt's slot is GOT.PLT[$word], not GOT.PLT[$((plt + 2))]"
[ $((got + 8 * word)) -eq $((slotAddr)) ] || fail "slot $slotAddr is not GOT.PLT[$word] (.got.plt at $got)"
grep -q "GOT.PLT\[1\] = 0x[0-9a-f]* (module handle), GOT.PLT\[2\] = " <(MLOAD_DEBUG=reloc ./prog 2>&1 >/dev/null) \
  || fail "the text log does not name GOT.PLT[1] and GOT.PLT[2]"

# A program linked with -z now (DF_BIND_NOW / DF_1_NOW) is bound eagerly
# without being asked.
prog nowprog pie prog.c -- -ltarget -Wl,-z,now
MLOAD_LOG=nowprog.json MLOAD_LOG_FORMAT=json ./nowprog >nowprog.txt || fail "nowprog failed"
grep -Eqx "before: slot [0-9]+" nowprog.txt || fail "-z now left target's slot unbound"
expect_count 0 nowprog.json lazy-bind file ./nowprog
