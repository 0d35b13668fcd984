# mld: programs and libraries linked by our own linker (mld, through gcc -B)
# load and bind lazily under mload, with the output the ld.bfd-linked
# builds give: the chain (without -init/-fini, which mld does not take),
# symbols (PIE and non-PIE: canonical PLT, interposition, weak, callbacks)
# and copy relocations.
[ -x "${MLD:-}" ] || fail "mld is not built (MLD=${MLD:-unset})"
mkdir -p bin && ln -sf "$MLD" bin/ld
CFLAGS="$CFLAGS -B$PWD/bin"
TOP=$SRC

mkdir -p chain && cd chain || fail "cannot enter chain/"
SRC=$TESTDATA/chain
lib c3 c.c
lib b b.c -- -lc3
lib a a.c -- -lb
prog prog pie prog.c -- -la
SRC=$TOP
cp "$TOP/chain.out" prog.out
SRC=$PWD run_all prog one two
json_log prog one two
for f in a_report a_vsum a_mix; do expect_count 1 prog.json lazy-bind file ./prog symbol $f; done
expect_count 1 prog.json lazy-bind file ./liba.so symbol b_sum8
cd ..

mkdir -p symbols && cd symbols || fail "cannot enter symbols/"
SRC=$TESTDATA/symbols
lib sym lib.c
# --export-dynamic: mld does not yet put shared_name (defined by the program
# and by libsym) into the program's .dynsym on its own, as ld.bfd does, so
# without it the library cannot see the program's definition.
prog prog pie prog.c -- -lsym -Wl,--export-dynamic
# --hash-style=sysv: mld leaves the canonical-PLT entry of lib_func (an
# undefined symbol with a value) out of .gnu.hash, where ld.bfd puts it, so
# a GNU-hash lookup cannot find it and the library would not see the
# program's address for lib_func. DT_HASH lists every symbol.
prog prog-nopie nopie prog.c -- -lsym -Wl,--export-dynamic -Wl,--hash-style=sysv
run_all prog
run_all prog-nopie
cd ..

mkdir -p copyreloc && cd copyreloc || fail "cannot enter copyreloc/"
SRC=$TESTDATA/copyreloc
lib table lib.c
prog prog nopie prog.c -- -ltable
run_all prog
json_log prog
expect_count 1 prog.json reloc file ./prog type R_X86_64_COPY symbol table
cd ..
