# static-cases.sh: the static drop-in cases (issue 3). Each case_X links
# testdata/dropin programs with `gcc/g++ -static -B $MLD_GCC_DIR` and
# checks them against the same objects linked by ld.bfd, or against fixed
# expectations; every mld output also passes readelf and llvm-readelf.

source "$(dirname "${BASH_SOURCE[0]}")/static-options-cases.sh"

STATIC_CFLAGS=(-O2 -g0)
STATIC_CXXFLAGS=(-O2 -g0 -std=c++17)

# Hello world: crt1/crti/crtn, libc.a and stdio flushing at exit.
case_c_hello() {
  local o
  o=$(obj c-hello/hello.c "${STATIC_CFLAGS[@]}") || fail "compile"
  sameAsBfd gcc hello -static "$o"
}

# stdio, malloc/realloc, qsort with callbacks, libm.a, tmpfile.
case_c_stdio_malloc_qsort_libm() {
  local o
  o=$(obj c-stdio-libm/main.c "${STATIC_CFLAGS[@]}") || fail "compile"
  sameAsBfd gcc stdio -static "$o" -lm
}

# __thread variables in 4 pthreads; tls-access.c uses GD/LD sequences
# (compiled -fPIC) that the static link must relax to local-exec.
case_c_tls_pthreads() {
  local m t
  m=$(obj c-tls-threads/main.c "${STATIC_CFLAGS[@]}") || fail "compile"
  t=$(obj c-tls-threads/tls-access.c "${STATIC_CFLAGS[@]}" -fPIC) || fail "compile"
  sameAsBfd gcc tls -static -pthread "$m" "$t"
}

# setjmp/longjmp and sigsetjmp/siglongjmp out of a signal handler: fails
# if the pointer guard (set up from TLS by the start code) is wrong.
case_c_setjmp_longjmp() {
  local o
  o=$(obj c-setjmp/main.c "${STATIC_CFLAGS[@]}") || fail "compile"
  sameAsBfd gcc setjmp -static "$o"
}

# atexit/on_exit order, exit() from a nested call, destructors, flushing.
case_c_atexit_handlers() {
  local o
  o=$(obj c-atexit/main.c "${STATIC_CFLAGS[@]}") || fail "compile"
  sameAsBfd gcc atexit -static "$o"
}

# IFUNC-dispatched memcpy/strlen/...: IRELATIVE in .rela.iplt, canonical
# addresses taken from two objects.
case_c_ifunc_memcpy_strlen() {
  local m a
  m=$(obj c-ifunc/main.c "${STATIC_CFLAGS[@]}") || fail "compile"
  a=$(obj c-ifunc/addr.c "${STATIC_CFLAGS[@]}") || fail "compile"
  sameAsBfd gcc ifunc -static "$m" "$a"
  grep -q 'canonical: yes' "$T/ifunc.out" || fail "IFUNC addresses are not canonical"
}

# Exceptions thrown in thrower.cc and caught in main.cc: .eh_frame,
# .eh_frame_hdr, the personality routine and typeinfo across objects.
case_cxx_exceptions_across_objects() {
  local m t
  m=$(obj cxx-exceptions/main.cc "${STATIC_CXXFLAGS[@]}") || fail "compile"
  t=$(obj cxx-exceptions/thrower.cc "${STATIC_CXXFLAGS[@]}") || fail "compile"
  sameAsBfd g++ exceptions -static "$m" "$t"
}

# iostream and the containers from libstdc++.a: std::cout's static
# initialisation, locale facets and the allocator all come from the archive.
case_cxx_iostream_containers() {
  local o
  o=$(obj cxx-containers/main.cc "${STATIC_CXXFLAGS[@]}") || fail "compile"
  sameAsBfd g++ containers -static "$o"
}

# Virtual calls, and templates/inline variables instantiated in two objects
# (COMDAT groups): one copy of each must survive.
case_cxx_virtual_templates_comdat() {
  local m a b
  m=$(obj cxx-comdat/main.cc "${STATIC_CXXFLAGS[@]}") || fail "compile"
  a=$(obj cxx-comdat/a.cc "${STATIC_CXXFLAGS[@]}") || fail "compile"
  b=$(obj cxx-comdat/b.cc "${STATIC_CXXFLAGS[@]}") || fail "compile"
  sameAsBfd g++ comdat -static "$m" "$a" "$b"
  grep -q 'Box<int>::instances=3 Box<string>::instances=2' "$T/comdat.out" ||
    fail "COMDAT static member duplicated: $(cat "$T/comdat.out")"
}

# frameStarts FILE: the start address of every FDE in .eh_frame;
# cieCount FILE: the number of CIEs.
frameStarts() {
  readelf --debug-dump=frames "$1" 2>/dev/null |
    awk '/ FDE cie=/ {split($NF, r, "[.][.]"); sub(/^pc=/, "", r[1]); print r[1]}'
}
cieCount() {
  readelf --debug-dump=frames "$1" 2>/dev/null | grep -c ' CIE$'
}

# .eh_frame of the COMDAT program built at -O0 (inline functions and
# template instances out of line in every object): identical CIEs are
# merged (no more CIEs than ld.bfd keeps) and the FDEs of discarded COMDAT
# copies are dropped (same FDE count as ld.bfd, none at 0, no duplicates).
case_eh_frame_cie_dedup_fde_drop() {
  local m a b flags=(-O0 -g0 -std=c++17)
  m=$(obj cxx-comdat/main.cc "${flags[@]}") || fail "compile"
  a=$(obj cxx-comdat/a.cc "${flags[@]}") || fail "compile"
  b=$(obj cxx-comdat/b.cc "${flags[@]}") || fail "compile"
  sameAsBfd g++ comdat -static "$m" "$a" "$b"
  local mine ref
  mine=$(cieCount "$T/comdat")
  ref=$(cieCount "$T/comdat.bfd")
  [ "$mine" -le "$ref" ] || fail ".eh_frame has $mine CIEs, ld.bfd keeps $ref: identical CIEs are not merged"
  frameStarts "$T/comdat" | sort >"$T/fdes"
  frameStarts "$T/comdat.bfd" | sort >"$T/fdes.bfd"
  [ "$(wc -l <"$T/fdes")" = "$(wc -l <"$T/fdes.bfd")" ] ||
    fail ".eh_frame has $(wc -l <"$T/fdes") FDEs, ld.bfd $(wc -l <"$T/fdes.bfd"): FDEs of discarded sections kept?"
  grep -q '^0*$' "$T/fdes" && fail "an FDE starts at address 0 (its section was discarded)"
  [ -z "$(uniq -d "$T/fdes")" ] ||
    fail "several FDEs start at the same address: $(uniq -d "$T/fdes" | head -3 | tr '\n' ' ')"
  return 0
}

# Static constructors with priorities across three objects: .init_array
# order (priority, then link order) and destructor order at exit.
case_cxx_static_ctors_order() {
  local m a b
  m=$(obj cxx-static-ctors/main.cc "${STATIC_CXXFLAGS[@]}") || fail "compile"
  a=$(obj cxx-static-ctors/a.cc "${STATIC_CXXFLAGS[@]}") || fail "compile"
  b=$(obj cxx-static-ctors/b.cc "${STATIC_CXXFLAGS[@]}") || fail "compile"
  sameAsBfd g++ ctors -static "$a" "$b" "$m"
}

# std::thread with thread_local objects that have constructors/destructors.
case_cxx_thread_threadlocal() {
  local o
  o=$(obj cxx-threads/main.cc "${STATIC_CXXFLAGS[@]}") || fail "compile"
  sameAsBfd g++ threads -static -pthread "$o"
  grep -q 'constructed=4 destroyed=4' "$T/threads.out" || fail "thread_local lifetimes wrong"
}

# Debian's libz.a: 1 MiB compress/uncompress round trip.
case_libz_roundtrip() {
  local o
  o=$(obj zlib/main.c "${STATIC_CFLAGS[@]}") || fail "compile"
  sameAsBfd gcc zlib -static "$o" -lz
  grep -q 'identical: yes' "$T/zlib.out" || fail "round trip mismatch"
}

# Debian's libsqlite3.a: create/insert/select with checked results.
case_libsqlite3_queries() {
  local o
  o=$(obj sqlite/main.c "${STATIC_CFLAGS[@]}") || fail "compile"
  sameAsBfd gcc sqlite -static "$o" -lsqlite3 -lpthread -lm -ldl
  grep -q 'results correct' "$T/sqlite.out" || fail "sqlite results wrong"
}

# Debian's liblua5.4.a: a Lua snippet with a checked result.
case_liblua_snippet() {
  local o
  o=$(obj lua/main.c "${STATIC_CFLAGS[@]}" -I/usr/include/lua5.4) || fail "compile"
  sameAsBfd gcc lua -static "$o" -llua5.4 -lm -ldl
  grep -q 'result correct' "$T/lua.out" || fail "lua result wrong"
}

# --gc-sections: same behaviour, smaller image; sections reached through
# __start_/__stop_, the init array and SHF_GNU_RETAIN stay.
case_gc_sections_smaller() {
  local o
  o=$(obj gc-sections/main.c -O2 -g0 -ffunction-sections -fdata-sections) || fail "compile"
  mldLink gcc "$T/gc" -static "$o" -Wl,--gc-sections
  mldLink gcc "$T/nogc" -static "$o"
  refLink gcc "$T/gc.bfd" -static "$o" -Wl,--gc-sections
  compareRun "$T/gc" "$T/gc.bfd"
  compareRun "$T/nogc" "$T/gc.bfd"
  local with without
  with=$(size -B "$T/gc" | awk 'NR == 2 {print $4}')
  without=$(size -B "$T/nogc" | awk 'NR == 2 {print $4}')
  [ "$with" -lt "$without" ] ||
    fail "--gc-sections output is not smaller: $with bytes with, $without without (text+data+bss)"
  grep -q DROPIN-UNUSED-MARKER "$T/gc" && fail "--gc-sections kept the unused rodata"
  nm "$T/gc" | grep -qw unusedFunction && fail "--gc-sections kept unusedFunction"
  grep -q DROPIN-RETAINED-MARKER "$T/gc" || fail "--gc-sections dropped a SHF_GNU_RETAIN section"
  return 0
}

# C++ exceptions after --gc-sections: .eh_frame, .gcc_except_table and the
# personality/typeinfo they reach must survive the collection.
case_cxx_exceptions_gc_sections() {
  local m t flags=("${STATIC_CXXFLAGS[@]}" -ffunction-sections -fdata-sections)
  m=$(obj cxx-exceptions/main.cc "${flags[@]}") || fail "compile"
  t=$(obj cxx-exceptions/thrower.cc "${flags[@]}") || fail "compile"
  sameAsBfd g++ exceptions -static "$m" "$t" -Wl,--gc-sections
}

# -static-pie: ET_DYN without PT_INTERP, self-relocated by glibc's start
# code; main's address differs between two runs (ASLR).
case_static_pie_aslr() {
  local o
  o=$(obj static-pie/main.c -O2 -g0 -fPIE) || fail "compile"
  mldLink gcc "$T/spie" -static-pie "$o"
  refLink gcc "$T/spie.bfd" -static-pie "$o"
  [ "$(elfType "$T/spie")" = DYN ] || fail "-static-pie output is $(elfType "$T/spie"), not DYN"
  readelf -lW "$T/spie" | grep -q INTERP && fail "-static-pie output has a PT_INTERP"
  runProg "$T/spie.bfd"
  tail -n +2 "$T/spie.bfd.out" >"$T/expected"
  runProg "$T/spie"
  [ $runRc = 0 ] || fail "-static-pie program exited $runRc; stderr: $(head -5 "$T/spie.err")"
  local first second
  first=$(head -1 "$T/spie.out")
  tail -n +2 "$T/spie.out" >"$T/got"
  diff "$T/expected" "$T/got" || fail "-static-pie output differs from ld.bfd's (< ld.bfd, > mld)"
  runProg "$T/spie"
  second=$(head -1 "$T/spie.out")
  [[ $first == "main at 0x"* ]] || fail "unexpected first line: $first"
  [ "$first" != "$second" ] ||
    fail "load address is the same in two runs: $first (randomize_va_space=$(cat /proc/sys/kernel/randomize_va_space))"
  return 0
}

# gdb stops at leaf.c:LINE in an mld-linked -g program; bt shows
# leaf <- middle <- main with files and lines.
case_gdb_file_line_breakpoint() {
  local l m line mline
  l=$(obj gdb/leaf.c -O0 -g) || fail "compile"
  m=$(obj gdb/main.c -O0 -g) || fail "compile"
  mldLink gcc "$T/prog" -static -g "$m" "$l"
  line=$(grep -n 'BREAK HERE' "$DROPIN_DATA/gdb/leaf.c" | cut -d: -f1)
  mline=$(grep -n 'printf("result' "$DROPIN_DATA/gdb/main.c" | cut -d: -f1)
  timeout 120 gdb -nx -batch -ex "break leaf.c:$line" -ex run -ex bt "$T/prog" \
    </dev/null >"$T/gdb.out" 2>&1
  local want
  for want in "Breakpoint 1 at 0x[0-9a-f]+: file .*leaf.c, line $line\." \
    "^#0 +leaf \(x=21\) at .*leaf.c:$line$" \
    "^#1 +0x[0-9a-f]+ in middle \(x=20\) at .*main.c:[0-9]+$" \
    "^#2 +0x[0-9a-f]+ in main \(\) at .*main.c:$mline$"; do
    grep -qE "$want" "$T/gdb.out" || {
      echo "FAIL: gdb output lacks a line matching: $want"
      cat "$T/gdb.out"
      exit 1
    }
  done
}

# gcc -flto -static: the plugin compiles the IR, and the code it makes
# calls into libc.a for members the IR did not name (memcpy, ...), which
# the archives searched again after LTO provide.
case_lto_static() {
  local o
  o=$(obj lto/main.c -O2 -flto) || fail "compile"
  local u p l
  u=$(obj lto/util.c -O2 -flto) || fail "compile"
  p=$(obj lto/plain.c -O2) || fail "compile"
  l=$(obj lto/lib_used.c -O2 -flto) || fail "compile"
  sameAsBfd gcc lto -flto -O2 -static "$o" "$u" "$p" "$l"
}
