# ifunc: STT_GNU_IFUNC definitions are bound to what their resolver
# returns (lazily and eagerly), IRELATIVE relocations in a library and in
# the program (PIE and non-PIE) call the resolver at load time.
lib ifunc lib.c
prog prog pie prog.c -- -lifunc
prog prog-nopie nopie prog.c -- -lifunc
run_all prog
run_all prog-nopie
json_log prog
grep -q '"event":"reloc","file":"./libifunc.so","type":"R_X86_64_IRELATIVE"' prog.json || fail "no IRELATIVE in libifunc.so"
grep -q '"event":"reloc","file":"./prog","type":"R_X86_64_IRELATIVE"' prog.json || fail "no IRELATIVE in prog"
