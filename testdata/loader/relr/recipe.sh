# relr: DT_RELR packed relative relocations (-z pack-relative-relocs) in a
# library and in the program, including bitmap words with gaps.
lib relr lib.c -- -Wl,-z,pack-relative-relocs
prog prog pie prog.c -- -lrelr -Wl,-z,pack-relative-relocs
run_all prog
json_log prog
[ "$(count prog.json reloc file ./librelr.so type R_X86_64_RELATIVE)" -gt 30 ] \
  || fail "DT_RELR relocations were not applied one by one"
# Every packed place is logged as a RELATIVE relocation from DT_RELR.
[ "$(count prog.json reloc file ./librelr.so type R_X86_64_RELATIVE table DT_RELR)" -gt 30 ] \
  || fail "DT_RELR relocations are not logged with table DT_RELR"

# The same library and program linked by mld (the program's pointers are
# folded away at -O1; dropin.relr.* covers packed programs).
[ -x "${MLD:-}" ] || fail "mld is not built (MLD=${MLD:-unset})"
mkdir -p mld/bin && ln -sf "$MLD" mld/bin/ld && cd mld || fail "cannot enter mld/"
CFLAGS="$CFLAGS -B$PWD/bin"
lib relr lib.c -- -Wl,-z,pack-relative-relocs
prog prog pie prog.c -- -lrelr -Wl,-z,pack-relative-relocs
readelf -SW librelr.so | grep -q ' \.relr\.dyn ' || fail "mld made no .relr.dyn in librelr.so"
run_all prog
json_log prog
[ "$(count prog.json reloc file ./librelr.so type R_X86_64_RELATIVE table DT_RELR)" -gt 30 ] \
  || fail "DT_RELR relocations of the mld-linked library were not applied one by one"
