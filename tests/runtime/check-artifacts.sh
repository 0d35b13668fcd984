#!/bin/bash
# check-artifacts.sh: the runtime's build products have the shape other
# parts rely on: libmldc.so has SONAME libmldc.so, DT_HASH (for SysV-only
# loaders), no DT_NEEDED and no undefined symbols, and exports no internal
# mldcCamelCase helper (the public extensions are mldc_*); crt1.o defines
# only _start and needs no data relocation;
# libmldc.a defines the start entry point and the TLS setup.
# Usage: check-artifacts.sh RUNTIME_DIR
rt=$1
fail() { echo "FAIL: $*"; exit 1; }
dyn=$(readelf -dW "$rt/libmldc.so") || fail "cannot read libmldc.so"
grep -q 'Library soname: \[libmldc.so\]' <<<"$dyn" || fail "SONAME is not libmldc.so"
grep -q '(HASH)' <<<"$dyn" || fail "no DT_HASH"
grep -q '(NEEDED)' <<<"$dyn" && fail "libmldc.so has DT_NEEDED entries"
undef=$(nm -D --undefined-only "$rt/libmldc.so" | grep -v ' w ')
[ -z "$undef" ] || fail "undefined symbols in libmldc.so: $undef"
nm -D --defined-only "$rt/libmldc.so" | grep -q ' mldc[A-Z]' && fail "internal mldc* symbols exported"
for sym in __mldc_start_main printf malloc __errno_location __ctype_b_loc stdout \
    brk sbrk mldc_ff_malloc mldc_buddy_stats mldc_swapcontext mldc_makecontext; do
  nm -D --defined-only "$rt/libmldc.so" | grep -q " $sym\$" || fail "libmldc.so lacks $sym"
done
defs=$(nm --defined-only "$rt/crt1.o" | awk '{print $3}')
[ "$defs" = "_start" ] || fail "crt1.o defines more than _start: $defs"
relocs=$(readelf -rW "$rt/crt1.o" | awk '/R_X86_64/{print $3}' | sort -u | tr '\n' ' ')
[ "$relocs" = "R_X86_64_PC32 R_X86_64_PLT32 " ] || fail "crt1.o relocation types: $relocs"
nm --defined-only "$rt/libmldc.a" | grep -q ' T __mldc_start_main$' || fail "libmldc.a lacks __mldc_start_main"
nm --defined-only "$rt/libmldc.a" | grep -q 'mldcSetupStaticTls' || fail "libmldc.a lacks the TLS setup"
nm -D --defined-only "$rt/libmldc.so" | grep -q 'mldcSetupStaticTls' && fail "libmldc.so must not set up TLS"
echo "ok: runtime artifacts"
