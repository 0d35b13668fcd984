# copyreloc: a non-PIE program referencing a library's global array and a
# struct holding a pointer (itself relocated in the library) gets COPY
# relocations; the copy happens after the library is relocated, and the
# library's GLOB_DATs bind to the program's copies.
lib table lib.c
prog prog nopie prog.c -- -ltable
run_all prog
json_log prog
expect_count 1 prog.json reloc file ./prog type R_X86_64_COPY symbol table
expect_count 1 prog.json reloc file ./prog type R_X86_64_COPY symbol config
grep -q '"event":"bind","file":"./libtable.so","to":"./prog","symbol":"table"' prog.json \
  || fail "the library's reference to table was not bound to the program's copy"

# A COPY of a 4-byte object at the very end of the writable segment: only
# its 4 bytes must lie inside it (not a whole word).
lib int int.c
prog prog4 nopie prog4.c -- -lint
run_all prog4
