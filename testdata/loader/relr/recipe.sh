# relr: DT_RELR packed relative relocations (-z pack-relative-relocs) in a
# library and in the program, including bitmap words with gaps.
lib relr lib.c -- -Wl,-z,pack-relative-relocs
prog prog pie prog.c -- -lrelr -Wl,-z,pack-relative-relocs
run_all prog
json_log prog
[ "$(count prog.json reloc file ./librelr.so type R_X86_64_RELATIVE)" -gt 30 ] \
  || fail "DT_RELR relocations were not applied one by one"
