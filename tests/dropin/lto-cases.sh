# lto-cases.sh: link-time optimization through the linker plugin (issue 14):
# gcc -flto (its liblto_plugin.so) and clang -flto / -flto=thin (LLVMgold.so)
# linking with mld give programs that behave like ld.bfd's, with the same
# symbol resolutions reported to the plugin; bad plugins and IR nobody can
# compile are clear errors. The programs are testdata/dropin/lto.

# ltoCompile CC SRC OUT FLAGS...: compile testdata/dropin/lto/SRC into $T/OUT.
ltoCompile() {
  local cc=$1 src=$2 out=$3
  shift 3
  "$cc" "$@" -c "$DROPIN_DATA/lto/$src" -o "$T/$out" || fail "compile $cc $* $src"
}

# ltoCProgram CC LTOFLAG AR: the C program's objects in $T: main.o, util.o,
# lib.a (lib_used.o, lib_unused.o, archived by AR) with LTOFLAG, plain.o
# without LTO.
ltoCProgram() {
  local cc=$1 flag=$2 ar=$3
  ltoCompile "$cc" main.c main.o -O2 $flag
  ltoCompile "$cc" util.c util.o -O2 $flag
  ltoCompile "$cc" lib_used.c lib_used.o -O2 $flag
  ltoCompile "$cc" lib_unused.c lib_unused.o -O2 $flag
  ltoCompile gcc plain.c plain.o -O2
  rm -f "$T/lib.a"
  (cd "$T" && "$ar" rcs lib.a lib_used.o lib_unused.o) || fail "archive"
}

# symtabHas FILE NAME: FILE's .symtab has a symbol NAME.
symtabHas() {
  readelf -sW "$1" | awk '{print $8}' | grep -qx "$2"
}

# The cross-module inlining check: square_plus (util.c) is inlined into
# main and dropped by LTO in ld.bfd's link; mld's must not have it either,
# nor the archive member nothing pulled.
checkInlinedAway() {
  local mine=$1 ref=$2
  symtabHas "$ref" square_plus && fail "(test setup) ld.bfd's link kept square_plus: no LTO?"
  symtabHas "$mine" square_plus && fail "square_plus is still in mld's symbol table: the IR was not optimized across modules"
  symtabHas "$mine" lib_unused && fail "lib_unused (an archive member nothing needs) was linked"
  symtabHas "$mine" main || fail "main is missing from mld's symbol table"
}

# gcc -flto -O2: C objects, an archive of LTO objects (gcc-ar), a non-LTO
# object calling into the LTO code. Same output as ld.bfd's link, and the
# same resolution file (-save-temps keeps what the plugin was told: each
# IR symbol's LDPR_* resolution).
case_gcc_c_program() {
  ltoCProgram gcc -flto gcc-ar
  mkdir -p "$T/mld" "$T/bfd"
  local objs=("$T/main.o" "$T/util.o" "$T/plain.o" "$T/lib.a")
  (cd "$T/mld" && gcc -B "$MLD_GCC_DIR" -flto -O2 -save-temps "${objs[@]}" -o exe) \
    2>"$T/mld.err" || { cat "$T/mld.err"; fail "mld link"; }
  (cd "$T/bfd" && gcc -fuse-ld=bfd -flto -O2 -save-temps "${objs[@]}" -o exe) ||
    fail "(setup) ld.bfd link"
  linkedOutputs+=("$T/mld/exe")
  compareRun "$T/mld/exe" "$T/bfd/exe"
  checkInlinedAway "$T/mld/exe" "$T/bfd/exe"
  if ! cmp -s "$T/bfd/exe.res" "$T/mld/exe.res"; then
    echo "FAIL: the resolutions mld gave the plugin differ from ld.bfd's (< ld.bfd, > mld):"
    diff "$T/bfd/exe.res" "$T/mld/exe.res" | head -30
    exit 1
  fi
  grep -q 'PREVAILING_DEF lto_called_from_plain' "$T/mld/exe.res" ||
    fail "lto_called_from_plain (called by plain.o) was not PREVAILING_DEF"
  # The map names the plugin's object as the plugin named it.
  gcc -B "$MLD_GCC_DIR" -flto -O2 "${objs[@]}" -o "$T/mapped" -Wl,-Map,"$T/mapped.map" ||
    fail "mld link with -Map"
  grep -qE '\.ltrans[0-9]*\.ltrans\.o:\(\.text' "$T/mapped.map" ||
    fail "the map does not show the LTO output object: $(grep -m3 text "$T/mapped.map")"
}

# g++ -flto -O2: virtual calls, templates, an exception thrown across
# modules; dynamic (PIE) and -static.
case_gcc_cxx_program() {
  ltoCompile g++ main.cc main.o -O2 -flto
  ltoCompile g++ shapes.cc shapes.o -O2 -flto
  sameAsBfd g++ exe -flto -O2 "$T/main.o" "$T/shapes.o"
  sameAsBfd g++ exe-static -flto -O2 -static "$T/main.o" "$T/shapes.o"
}

# clang -flto (full LTO, one merged module) through LLVMgold.so.
case_clang_full_c_program() {
  ltoCProgram clang -flto ar
  sameAsBfd clang exe -flto -O2 "$T/main.o" "$T/util.o" "$T/plain.o" "$T/lib.a"
  checkInlinedAway "$T/exe" "$T/exe.bfd"
}

# clang -flto=thin: the plugin compiles the modules on several threads.
case_clang_thin_programs() {
  ltoCProgram clang -flto=thin ar
  sameAsBfd clang exe -flto=thin -O2 "$T/main.o" "$T/util.o" "$T/plain.o" "$T/lib.a"
  symtabHas "$T/exe" lib_unused && fail "lib_unused was linked"
  ltoCompile clang++ main.cc main-cc.o -O2 -flto=thin
  ltoCompile clang++ shapes.cc shapes.o -O2 -flto=thin
  sameAsBfd clang++ exe-cc -flto=thin -O2 "$T/main-cc.o" "$T/shapes.o"
}

# clang++ -flto (full) on the C++ program, and a thin archive (its members
# are read from their own files) of LTO objects with gcc.
case_clang_cxx_and_thin_archive() {
  ltoCompile clang++ main.cc main-cc.o -O2 -flto
  ltoCompile clang++ shapes.cc shapes.o -O2 -flto
  sameAsBfd clang++ exe-cc -flto -O2 "$T/main-cc.o" "$T/shapes.o"
  ltoCProgram gcc -flto ar
  rm -f "$T/thin.a"
  (cd "$T" && ar rcT thin.a lib_used.o lib_unused.o) || fail "thin archive"
  sameAsBfd gcc exe-thin -flto -O2 "$T/main.o" "$T/util.o" "$T/plain.o" "$T/thin.a"
  checkInlinedAway "$T/exe-thin" "$T/exe-thin.bfd"
}

# A shared object: what the version script leaves global is exported
# (PREVAILING_DEF_IRONLY_EXP), the rest may be internalized; the same
# resolutions and the same exported functions as ld.bfd's.
case_shared_version_script() {
  ltoCompile gcc util.c util.o -O2 -flto -fPIC
  ltoCompile gcc lib_used.c lib_used.o -O2 -flto -fPIC
  printf '{ global: lib_used; local: *; };\n' >"$T/v.map"
  mkdir -p "$T/mld" "$T/bfd"
  local args=(-shared -flto -O2 -save-temps "$T/util.o" "$T/lib_used.o" -Wl,--version-script="$T/v.map" -o lib.so)
  (cd "$T/mld" && gcc -B "$MLD_GCC_DIR" "${args[@]}") || fail "mld link"
  (cd "$T/bfd" && gcc -fuse-ld=bfd "${args[@]}") || fail "(setup) ld.bfd link"
  linkedOutputs+=("$T/mld/lib.so")
  cmp -s "$T/bfd/lib.so.res" "$T/mld/lib.so.res" ||
    fail "resolutions differ: $(diff "$T/bfd/lib.so.res" "$T/mld/lib.so.res" | head -10)"
  grep -q 'PREVAILING_DEF_IRONLY_EXP lib_used' "$T/mld/lib.so.res" || fail "lib_used not IRONLY_EXP"
  local got ref
  got=$(nm -D --defined-only "$T/mld/lib.so" | awk '$2 == "T" {print $3}')
  ref=$(nm -D --defined-only "$T/bfd/lib.so" | awk '$2 == "T" {print $3}')
  [ "$got" = "$ref" ] || fail "exported functions '$got', ld.bfd's '$ref'"
}

# A plugin that cannot be loaded stops the link with one line naming it.
case_plugin_load_failure() {
  ltoCompile gcc util.c util.o -O2 -flto
  ltoCompile gcc main.c main.o -O2 -flto
  ltoCompile gcc plain.c plain.o -O2
  ltoCompile gcc lib_used.c lib_used.o -O2
  echo 'not a shared object' >"$T/junk.so"
  local p
  for p in "$T/junk.so" "$T/missing.so"; do
    mldLinkFails gcc "$T/exe" -flto "$T/main.o" "$T/util.o" "$T/plain.o" "$T/lib_used.o" -Wl,-plugin,"$p"
    expectErr "$p: error loading plugin:"
    [ "$(grep -c 'mld: error' <<<"$linkErr")" = 1 ] || fail "not one error line: $linkErr"
  done
}

# IR with no plugin to compile it: mld alone (no -plugin) on a gcc LTO
# object, and clang's plugin (which does not read gcc's IR) on a slim gcc
# object that is needed.
case_unclaimed_ir_rejected() {
  ltoCompile gcc util.c util.o -O2 -flto
  "$MLD_GCC_DIR/ld" "$T/util.o" -o "$T/alone" 2>"$T/alone.err" && fail "mld linked IR without a plugin"
  grep -qF "util.o: LTO object (section .gnu.lto_" "$T/alone.err" || fail "unclear error: $(cat "$T/alone.err")"
  grep -qF "needs the LTO plugin" "$T/alone.err" || fail "unclear error: $(cat "$T/alone.err")"
  [ ! -e "$T/alone" ] || fail "an output was left behind"
  ltoCompile clang main.c main.o -O2 -flto
  ltoCompile gcc plain.c plain.o -O2
  ltoCompile gcc lib_used.c lib_used.o -O2
  # (clang's driver, not collect2, reports the exit status.)
  clang -B "$MLD_GCC_DIR" -flto "$T/main.o" "$T/util.o" "$T/plain.o" "$T/lib_used.o" \
    -o "$T/exe" 2>"$T/exe.err" && fail "a link with unclaimed IR succeeded"
  linkErr=$(cat "$T/exe.err")
  expectErr "util.o: LTO object"
  expectErr "was not claimed by the LTO plugin"
  expectErr "linker command failed with exit code 1"
  [ "$(grep -c 'mld: error' <<<"$linkErr")" = 1 ] || fail "not one error line: $linkErr"
  [ ! -e "$T/exe" ] || fail "an output was left behind"
}

# Definitions something outside the output may use are exported to the
# plugin as such (PREVAILING_DEF_IRONLY_EXP): one a linked-against shared
# library refers to, and every one under --export-dynamic. Same resolution
# files as ld.bfd's, and the programs run alike.
case_export_resolutions() {
  ltoCProgram gcc -flto gcc-ar
  printf 'int square_plus(int);\nint use_it(void) { return square_plus(3); }\n' |
    gcc -fPIC -shared -x c - -o "$T/libref.so" || fail "(setup) libref.so"
  local extra how
  for how in dso export; do
    extra=("$T/libref.so" -Wl,-rpath,"$T")
    [ $how = export ] && extra=(-Wl,--export-dynamic)
    mkdir -p "$T/$how/mld" "$T/$how/bfd"
    local objs=("$T/main.o" "$T/util.o" "$T/plain.o" "$T/lib.a" "${extra[@]}")
    (cd "$T/$how/mld" && gcc -B "$MLD_GCC_DIR" -flto -O2 -save-temps "${objs[@]}" -o exe) ||
      fail "$how: mld link"
    (cd "$T/$how/bfd" && gcc -fuse-ld=bfd -flto -O2 -save-temps "${objs[@]}" -o exe) ||
      fail "$how: (setup) ld.bfd link"
    linkedOutputs+=("$T/$how/mld/exe")
    compareRun "$T/$how/mld/exe" "$T/$how/bfd/exe"
    cmp -s "$T/$how/bfd/exe.res" "$T/$how/mld/exe.res" ||
      fail "$how: resolutions differ (< ld.bfd, > mld): $(diff "$T/$how/bfd/exe.res" "$T/$how/mld/exe.res" | head -10)"
    grep -q 'PREVAILING_DEF_IRONLY_EXP square_plus' "$T/$how/mld/exe.res" ||
      fail "$how: square_plus is not PREVAILING_DEF_IRONLY_EXP"
  done
}

# gcc -flto -ffat-lto-objects: each object holds the IR and regular code.
# Through the plugin the IR is what gets linked (square_plus is inlined
# away, as in ld.bfd's link); with no plugin on the link line (gcc
# -fno-use-linker-plugin -fno-lto) the regular code links instead, and
# square_plus is there, as in ld.bfd's link.
case_gcc_fat_objects() {
  ltoCProgram gcc "-flto -ffat-lto-objects" gcc-ar
  readelf -SW "$T/util.o" | grep -q '\.gnu\.lto_' || fail "(setup) util.o has no IR"
  nm "$T/util.o" | grep -q ' T square_plus' || fail "(setup) util.o is not fat"
  local objs=("$T/main.o" "$T/util.o" "$T/plain.o" "$T/lib.a")
  sameAsBfd gcc exe -flto -O2 "${objs[@]}"
  checkInlinedAway "$T/exe" "$T/exe.bfd"
  sameAsBfd gcc exe-regular -fno-use-linker-plugin -fno-lto -O2 "${objs[@]}"
  symtabHas "$T/exe-regular.bfd" square_plus || fail "(setup) ld.bfd's regular link has no square_plus"
  symtabHas "$T/exe-regular" square_plus ||
    fail "square_plus is missing: the fat objects' regular code was not linked"
  # -t names the inputs mld read: the fat objects themselves, no ltrans.
  gcc -B "$MLD_GCC_DIR" -fno-use-linker-plugin -fno-lto "${objs[@]}" -o "$T/exe-t" -Wl,-t >"$T/t.out" 2>&1 ||
    fail "mld -t link: $(head -5 "$T/t.out")"
  grep -q 'ltrans' "$T/t.out" && fail "a link with no plugin ran LTO: $(grep ltrans "$T/t.out")"
  grep -q 'util\.o' "$T/t.out" || fail "-t does not list util.o: $(head -20 "$T/t.out")"
}

# -flto=auto splits the program into partitions compiled in parallel by
# lto-wrapper (through make, joining the caller's jobserver when run from
# make -j). The small program gets one partition per function
# (-flto-partition=max); every partition's object is linked (the map names
# each), and the program behaves like ld.bfd's link, also under make -j2.
case_gcc_flto_auto_parallel() {
  ltoCProgram gcc -flto gcc-ar
  ltoCompile g++ main.cc main-cc.o -O2 -flto
  ltoCompile g++ shapes.cc shapes.o -O2 -flto
  local parts=(-flto-partition=max)
  local objs=("$T/main.o" "$T/util.o" "$T/plain.o" "$T/lib.a")
  mkdir -p "$T/mld"
  (cd "$T/mld" && gcc -B "$MLD_GCC_DIR" -flto=auto -O2 -save-temps "${parts[@]}" "${objs[@]}" \
    -o exe -Wl,-Map,exe.map) 2>"$T/mld.err" || { cat "$T/mld.err"; fail "mld link"; }
  refLink gcc "$T/exe.bfd" -flto=auto -O2 "${parts[@]}" "${objs[@]}"
  linkedOutputs+=("$T/mld/exe")
  compareRun "$T/mld/exe" "$T/exe.bfd"
  checkInlinedAway "$T/mld/exe" "$T/exe.bfd"
  local n
  n=$(grep -oE 'exe\.ltrans[0-9]+\.ltrans\.o' "$T/mld/exe.map" | sort -u | wc -l)
  [ "$n" -ge 2 ] || fail "the map shows $n ltrans objects, expected several partitions"
  # Under make -j2 (lto-wrapper's make joins make's jobserver through the
  # inherited pipe, which mld and its re-execution must keep open).
  cat >"$T/Makefile" <<MK
all:
	+g++ -B $MLD_GCC_DIR -flto=auto -O2 ${parts[*]} $T/main-cc.o $T/shapes.o -o $T/cxx
MK
  make -j2 -C "$T" -f "$T/Makefile" >"$T/make.out" 2>&1 || fail "link under make -j2: $(tail -5 "$T/make.out")"
  grep -qi 'jobserver unavailable\|warning' "$T/make.out" && fail "make/lto-wrapper warned: $(head -5 "$T/make.out")"
  linkedOutputs+=("$T/cxx")
  refLink g++ "$T/cxx.bfd" -flto=auto -O2 "${parts[@]}" "$T/main-cc.o" "$T/shapes.o"
  compareRun "$T/cxx" "$T/cxx.bfd"
}

# -static with gcc -flto: the C program (an archive of LTO objects and a
# non-LTO object) linked statically, inlined across modules like ld.bfd's.
case_gcc_static_c_program() {
  ltoCProgram gcc -flto gcc-ar
  sameAsBfd gcc exe -flto -O2 -static "$T/main.o" "$T/util.o" "$T/plain.o" "$T/lib.a"
  [ "$(elfType "$T/exe")" = EXEC ] || fail "not a static executable"
  readelf -lW "$T/exe" | grep -q INTERP && fail "a -static link has PT_INTERP"
  checkInlinedAway "$T/exe" "$T/exe.bfd"
}

# -r with gcc -flto: as in GNU ld, the plugin runs (told LDPO_REL, every
# definition PREVAILING_DEF_IRONLY_EXP: all stay global for the next link)
# and gcc returns one merged IR object, which the relocatable output keeps
# as .gnu.lto_* sections; the final -flto link then optimizes it. With
# -flinker-output=nolto-rel gcc returns machine code instead. mld -r
# without any plugin keeps the inputs' IR sections (GNU ld does too).
case_relocatable_lto() {
  ltoCProgram gcc -flto gcc-ar
  mkdir -p "$T/mld" "$T/bfd"
  local parts=(-flto -O2 -r -save-temps "$T/main.o" "$T/util.o" "$T/lib_used.o" -o part.o)
  (cd "$T/mld" && gcc -B "$MLD_GCC_DIR" "${parts[@]}") 2>"$T/mld.err" || fail "mld -r: $(head -3 "$T/mld.err")"
  (cd "$T/bfd" && gcc -fuse-ld=bfd "${parts[@]}") || fail "(setup) ld.bfd -r"
  cmp -s "$T/bfd/part.o.res" "$T/mld/part.o.res" ||
    fail "-r resolutions differ (< ld.bfd, > mld): $(diff "$T/bfd/part.o.res" "$T/mld/part.o.res" | head -10)"
  grep -q 'PREVAILING_DEF_IRONLY_EXP main' "$T/mld/part.o.res" || fail "main is not IRONLY_EXP under -r"
  readelf -SW "$T/mld/part.o" | grep -q '\.gnu\.lto_' || fail "the -r output lost the IR"
  linkedOutputs+=("$T/mld/part.o")
  sameAsBfd gcc exe -flto -O2 "$T/mld/part.o" "$T/plain.o"
  refLink gcc "$T/exe.bfdpart" -flto -O2 "$T/bfd/part.o" "$T/plain.o"
  compareRun "$T/exe" "$T/exe.bfdpart"
  checkInlinedAway "$T/exe" "$T/exe.bfdpart"
  # Machine code from the plugin (-flinker-output=nolto-rel).
  mldLink gcc "$T/nolto.o" -flto -O2 -r -flinker-output=nolto-rel "$T/main.o" "$T/util.o" "$T/lib_used.o"
  readelf -SW "$T/nolto.o" | grep -q '\.gnu\.lto_' && fail "nolto-rel output still has IR"
  nm "$T/nolto.o" | grep -q ' T main$' || fail "nolto-rel output does not define main"
  sameAsBfd gcc exe-nolto -O2 "$T/nolto.o" "$T/plain.o"
  # No plugin: the IR sections are copied as they are.
  "$MLD_GCC_DIR/ld" -r "$T/main.o" "$T/util.o" -o "$T/raw.o" 2>"$T/raw.err" || fail "mld -r without a plugin: $(cat "$T/raw.err")"
  ld.bfd -r "$T/main.o" "$T/util.o" -o "$T/raw-bfd.o" || fail "(setup) ld.bfd -r"
  local n m
  n=$(readelf -SW "$T/raw.o" | grep -c '\.gnu\.lto_')
  m=$(readelf -SW "$T/raw-bfd.o" | grep -c '\.gnu\.lto_')
  [ "$n" = "$m" ] || fail "mld -r kept $n IR sections, ld.bfd $m"
  linkedOutputs+=("$T/raw.o")
  sameAsBfd gcc exe-raw -flto -O2 "$T/raw.o" "$T/plain.o" "$T/lib_used.o"
}

# gcc passes its plugin on every link. With no IR among the inputs mld does
# not load it (no re-execution as mld-dyn: -t lists each input once), and
# the link is the same as ld.bfd's. A plugin that cannot be loaded fails
# the link even then, as in GNU ld (which loads plugins at start-up).
case_plugin_without_ir() {
  ltoCompile gcc plain.c plain.o -O2
  printf '#include <stdio.h>\nint plain_twice(int);\nint lto_called_from_plain(int x) { return x + 1; }\nint main(void) { printf("%%d\\n", plain_twice(20)); return 0; }\n' >"$T/m.c"
  gcc -O2 -c "$T/m.c" -o "$T/m.o" || fail "(setup) compile"
  gcc -### "$T/m.o" -o "$T/x" 2>&1 | grep -q -- '-plugin ' || fail "(setup) gcc passes no -plugin"
  sameAsBfd gcc exe "$T/m.o" "$T/plain.o"
  gcc -B "$MLD_GCC_DIR" "$T/m.o" "$T/plain.o" -o "$T/exe-t" -Wl,-t >"$T/t.out" 2>&1 || fail "mld -t link"
  [ "$(grep -c 'plain\.o' "$T/t.out")" = 1 ] ||
    fail "plain.o listed $(grep -c 'plain\.o' "$T/t.out") times by -t: was the plugin loaded?"
  echo 'not a shared object' >"$T/junk.so"
  local p
  for p in "$T/missing.so" "$T/junk.so"; do
    gcc -fuse-ld=bfd "$T/m.o" "$T/plain.o" -Wl,-plugin,"$p" -o "$T/bfd-x" 2>/dev/null &&
      fail "(setup) ld.bfd accepted $p"
    mldLinkFails gcc "$T/x" "$T/m.o" "$T/plain.o" -Wl,-plugin,"$p"
    expectErr "$p: error loading plugin:"
    [ "$(grep -c 'mld: error' <<<"$linkErr")" = 1 ] || fail "not one error line: $linkErr"
  done
}

# --wrap=target with LTO and regular objects, each file with and without
# -flto: the programs print what ld.bfd's links print (50 when the call is
# wrapped, 5 when gcc bound it inside the IR, as with GNU ld 2.40), and the
# plugin is told the same resolutions (the IR's references renamed like a
# regular object's; target and __wrap_target kept as PREVAILING_DEF).
case_wrap_with_lto() {
  ltoCompile gcc wrap_main.c main-lto.o -O2 -flto
  ltoCompile gcc wrap_target.c target-lto.o -O2 -flto
  ltoCompile gcc wrap_main.c main-plain.o -O2
  ltoCompile gcc wrap_target.c target-plain.o -O2
  local m t
  for m in lto plain; do
    for t in lto plain; do
      local d="$T/$m-$t"
      mkdir -p "$d/mld" "$d/bfd"
      local args=(-flto -O2 -save-temps "$T/main-$m.o" "$T/target-$t.o" -Wl,--wrap=target -o exe)
      (cd "$d/mld" && gcc -B "$MLD_GCC_DIR" "${args[@]}") 2>"$d/err" || fail "$m-$t: mld link: $(head -3 "$d/err")"
      (cd "$d/bfd" && gcc -fuse-ld=bfd "${args[@]}") || fail "$m-$t: (setup) ld.bfd link"
      linkedOutputs+=("$d/mld/exe")
      compareRun "$d/mld/exe" "$d/bfd/exe"
      if [ -e "$d/bfd/exe.res" ]; then
        cmp -s "$d/bfd/exe.res" "$d/mld/exe.res" ||
          fail "$m-$t: resolutions differ (< ld.bfd, > mld): $(diff "$d/bfd/exe.res" "$d/mld/exe.res" | head -10)"
      fi
    done
  done
  grep -qx 'target(4)=50' "$T/plain-plain/mld/exe.out" || fail "the plain link was not wrapped: $(cat "$T/plain-plain/mld/exe.out")"
  grep -q 'PREVAILING_DEF __wrap_target' "$T/lto-lto/mld/exe.res" || fail "__wrap_target not PREVAILING_DEF"
}
