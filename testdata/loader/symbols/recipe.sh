# symbols: function-pointer equality across objects (PIE, and non-PIE with
# a canonical PLT entry), interposition (the program's definition wins),
# weak undefined references (null, no error), callbacks into the program.
lib sym lib.c
prog prog pie prog.c -- -lsym
prog prog-nopie nopie prog.c -- -lsym
run_all prog
run_all prog-nopie

json_log prog-nopie
# The library's GOT entry for lib_func holds the program's canonical PLT
# entry (GLOB_DAT accepts it), but the program's own JUMP_SLOT must skip
# that entry and bind to the library, or the call would loop in the PLT.
grep -q '"event":"bind","file":"./libsym.so","to":"./prog-nopie","symbol":"lib_func"' prog-nopie.json \
  || fail "GLOB_DAT lib_func in libsym.so did not bind to the canonical PLT entry"
expect_count 1 prog-nopie.json lazy-bind file ./prog-nopie to ./libsym.so symbol lib_func
grep -q '"event":"lazy-bind","file":"./libsym.so","to":"./prog-nopie","symbol":"shared_name"' prog-nopie.json \
  || fail "shared_name was not interposed by the program"
grep -q '"event":"bind","file":"./libsym.so","to":"","symbol":"not_defined_anywhere","version":"","value":"0x0"' \
  prog-nopie.json || fail "weak undefined not_defined_anywhere did not resolve to 0"
