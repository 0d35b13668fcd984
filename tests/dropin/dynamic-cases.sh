# dynamic-cases.sh: the dynamic drop-in cases (issue 4). PIE, -no-pie and
# -shared outputs of `gcc/g++ -B $MLD_GCC_DIR` run under the system ld.so
# and behave like the same objects linked by ld.bfd; mld's libraries and
# executables interoperate with ld.bfd's and ld.lld's. Failure cases and
# the runtime's own libc are in dynamic-more-cases.sh, TLS/IFUNC and
# option handling in dynamic-options-cases.sh.

source "$(dirname "${BASH_SOURCE[0]}")/dynamic-more-cases.sh"
source "$(dirname "${BASH_SOURCE[0]}")/dynamic-options-cases.sh"

DYN_CFLAGS=(-O2 -g0)
DYN_CXXFLAGS=(-O2 -g0 -std=c++17)

# Compile flags and link flags of an executable mode (pie or nopie).
modeCflag() { [ "$1" = pie ] && echo -fPIE || echo -fno-pie; }
modeLflag() { [ "$1" = pie ] && echo -pie || echo -no-pie; }

# checkMode FILE pie|nopie|shared lazy|now: the ELF type and DT_FLAGS /
# DT_FLAGS_1 say what was asked for.
checkMode() {
  local f=$1 mode=$2 bind=$3 want=DYN
  [ "$mode" = nopie ] && want=EXEC
  [ "$(elfType "$f")" = $want ] || fail "$(basename "$f") is ET_$(elfType "$f"), want ET_$want ($mode)"
  local dyn
  dyn=$(readelf -dW "$f")
  grep -q '(NEEDED)' <<<"$dyn" || fail "$(basename "$f") has no DT_NEEDED"
  if grep -qE '\(BIND_NOW\)|\(FLAGS\).*BIND_NOW|\(FLAGS_1\).* NOW' <<<"$dyn"; then
    [ "$bind" = now ] || fail "$(basename "$f") was linked with -z lazy but asks for BIND_NOW"
  else
    [ "$bind" = lazy ] || fail "$(basename "$f") was linked with -z now but has no BIND_NOW flag"
  fi
  if [ "$mode" = pie ]; then
    grep -qE '\(FLAGS_1\).*PIE' <<<"$dyn" || fail "$(basename "$f"): PIE without DF_1_PIE in DT_FLAGS_1"
  fi
  return 0
}

# A C program against libc.so.6 and libm.so.6.
cProgram() {
  local mode=$1 bind=$2 o
  o=$(obj dyn-c/main.c "${DYN_CFLAGS[@]}" "$(modeCflag "$mode")") || fail "compile"
  sameAsBfd gcc prog "$(modeLflag "$mode")" "$o" -lm "-Wl,-z,$bind"
  checkMode "$T/prog" "$mode" "$bind"
}
case_c_pie_lazy() { cProgram pie lazy; }
case_c_pie_now() { cProgram pie now; }
case_c_nopie_lazy() { cProgram nopie lazy; }
case_c_nopie_now() { cProgram nopie now; }

# A C++ program of two objects against libstdc++.so.6.
cxxProgram() {
  local mode=$1 bind=$2 m u
  m=$(obj dyn-cxx/main.cc "${DYN_CXXFLAGS[@]}" "$(modeCflag "$mode")") || fail "compile"
  u=$(obj dyn-cxx/util.cc "${DYN_CXXFLAGS[@]}" "$(modeCflag "$mode")") || fail "compile"
  sameAsBfd g++ prog "$(modeLflag "$mode")" "$m" "$u" "-Wl,-z,$bind"
  checkMode "$T/prog" "$mode" "$bind"
  readelf -lW "$T/prog" | grep -q GNU_EH_FRAME || fail "no PT_GNU_EH_FRAME (gcc passes --eh-frame-hdr)"
}
case_cxx_pie_lazy() { cxxProgram pie lazy; }
case_cxx_pie_now() { cxxProgram pie now; }
case_cxx_nopie_lazy() { cxxProgram nopie lazy; }
case_cxx_nopie_now() { cxxProgram nopie now; }

# libLink LINKER DIR NAME DRIVER ARGS...: DIR/libNAME.so with SONAME
# libNAME.so, linked by mld, bfd or lld.
libLink() {
  local linker=$1 dir=$2 name=$3 driver=$4
  shift 4
  mkdir -p "$dir"
  local out=$dir/lib$name.so args=(-shared "-Wl,-soname,lib$name.so" "$@")
  case $linker in
    mld) mldLink "$driver" "$out" "${args[@]}" ;;
    bfd) refLink "$driver" "$out" "${args[@]}" ;;
    lld)
      "$driver" -fuse-ld=lld "${args[@]}" -o "$out" 2>"$out.link.err" ||
        fail "(test setup) ld.lld link failed: $(cat "$out.link.err")"
      ;;
  esac
}

# pairLink LINKER NAME LIBSRC MAINSRC DRIVER MODE BIND [EXTRA...]: libNAME.so
# and an executable using it, both linked by LINKER, in $T/LINKER/. EXTRA
# goes to the library's link, the array exeExtra to the executable's.
exeExtra=()
pairLink() {
  local linker=$1 name=$2 libsrc=$3 mainsrc=$4 driver=$5 mode=$6 bind=$7
  shift 7
  local flags=("${DYN_CFLAGS[@]}") l m dir=$T/$linker
  [ "$driver" = g++ ] && flags=("${DYN_CXXFLAGS[@]}")
  l=$(obj "$libsrc" "${flags[@]}" -fPIC) || fail "compile"
  m=$(obj "$mainsrc" "${flags[@]}" "$(modeCflag "$mode")") || fail "compile"
  libLink "$linker" "$dir" "$name" "$driver" "$l" "-Wl,-z,$bind" "$@"
  local exe=("$(modeLflag "$mode")" "$m" -L"$dir" -l"$name" "-Wl,-rpath,$dir" "-Wl,-z,$bind" "${exeExtra[@]}")
  case $linker in
    mld) mldLink "$driver" "$dir/prog" "${exe[@]}" ;;
    bfd) refLink "$driver" "$dir/prog" "${exe[@]}" ;;
  esac
}

# libdropc.so and its user, both linked by mld, against the pair from ld.bfd.
sharedC() {
  local mode=$1 bind=$2
  pairLink mld dropc dyn-shared-c/lib.c dyn-shared-c/main.c gcc "$mode" "$bind" -lm
  pairLink bfd dropc dyn-shared-c/lib.c dyn-shared-c/main.c gcc "$mode" "$bind" -lm
  compareRun "$T/mld/prog" "$T/bfd/prog"
  checkMode "$T/mld/libdropc.so" shared "$bind"
  checkMode "$T/mld/prog" "$mode" "$bind"
  readelf -dW "$T/mld/libdropc.so" | grep -q 'Library soname: \[libdropc.so\]' || fail "no DT_SONAME libdropc.so"
  readelf -dW "$T/mld/prog" | grep -q "Library \(rpath\|runpath\): \[$T/mld\]" || fail "no DT_RPATH/DT_RUNPATH"
  return 0
}
case_shared_c_pie_lazy() { sharedC pie lazy; }
case_shared_c_pie_now() { sharedC pie now; }
case_shared_c_nopie_lazy() { sharedC nopie lazy; }
case_shared_c_nopie_now() { sharedC nopie now; }

# A C++ exception thrown in mld's libdropxx.so, caught in mld's executable.
cxxSoException() {
  local mode=$1 bind=$2
  pairLink mld dropxx dyn-cxx-so/lib.cc dyn-cxx-so/main.cc g++ "$mode" "$bind"
  pairLink bfd dropxx dyn-cxx-so/lib.cc dyn-cxx-so/main.cc g++ "$mode" "$bind"
  compareRun "$T/mld/prog" "$T/bfd/prog"
  grep -q 'LibError LibError from the library code 7' "$T/mld/prog.out" || fail "exception not caught by type"
}
case_cxx_so_exception_pie_lazy() { cxxSoException pie lazy; }
case_cxx_so_exception_nopie_now() { cxxSoException nopie now; }

# The same exception from mld's .so caught in an ld.bfd-linked executable.
case_cxx_so_exception_in_bfd_exe() {
  local m
  pairLink mld dropxx dyn-cxx-so/lib.cc dyn-cxx-so/main.cc g++ pie lazy
  pairLink bfd dropxx dyn-cxx-so/lib.cc dyn-cxx-so/main.cc g++ pie lazy
  m=$(obj dyn-cxx-so/main.cc "${DYN_CXXFLAGS[@]}" -fPIE) || fail "compile"
  refLink g++ "$T/mixed" "$m" -L"$T/mld" -ldropxx "-Wl,-rpath,$T/mld"
  compareRun "$T/mixed" "$T/bfd/prog"
}

# bindingLine ERRFILE FROM SYMBOL: the line numbers, in LD_DEBUG=bindings
# output, where ld.so binds SYMBOL referenced by the object named FROM.
bindingLine() {
  local err=$1 from=$2 sym=$3
  grep -nE "binding file [^ ]*/$from \[0\] to [^ ]+ \[0\]: normal symbol \`$sym'" "$err" | cut -d: -f1
}

# lazyBinding BIND: run prog under LD_DEBUG=bindings; strtol (exe -> libc),
# lazyLibValue (exe -> liblazy.so) and strtoul (liblazy.so -> libc), each
# called twice, are bound exactly once: with lazy after the marker written
# just before their first calls, with now before it.
lazyBinding() {
  local bind=$1
  pairLink mld lazy lazy-binding/lib.c lazy-binding/main.c gcc pie "$bind"
  local dir=$T/mld
  (cd "$dir" && env -i LD_DEBUG=bindings "$dir/prog" >"$dir/prog.out" 2>"$dir/prog.err")
  [ $? = 0 ] || fail "prog exited non-zero: $(tail -3 "$dir/prog.err")"
  [ "$(cat "$dir/prog.out")" = "strtol 42 lazyLibValue 18" ] || fail "wrong output: $(cat "$dir/prog.out")"
  local marker
  marker=$(grep -n DROPIN-MARKER "$dir/prog.err" | cut -d: -f1)
  [ -n "$marker" ] || fail "no marker in stderr"
  local spec from sym at
  for spec in "prog strtol" "prog lazyLibValue" "liblazy.so strtoul"; do
    read -r from sym <<<"$spec"
    at=$(bindingLine "$dir/prog.err" "$from" "$sym")
    if [ -z "$at" ]; then
      echo "FAIL: LD_DEBUG shows no binding of $sym from $from:"
      grep binding "$dir/prog.err" | tail -20
      exit 1
    fi
    [ "$(wc -w <<<"$at")" = 1 ] ||
      fail "$sym (from $from) was bound $(wc -w <<<"$at") times (stderr lines $(echo $at)):" \
        "the GOT slot is not updated after the first call"
    if [ "$bind" = lazy ] && [ "$at" -lt "$marker" ]; then
      echo "FAIL: with -z lazy, $sym (from $from) was bound at start-up (stderr line $at)," \
        "before its first call (marker at line $marker):"
      sed -n "$((at > 3 ? at - 3 : 1)),$((marker + 1))p" "$dir/prog.err"
      exit 1
    fi
    if [ "$bind" = now ] && [ "$at" -gt "$marker" ]; then
      fail "with -z now, $sym (from $from) was bound only at its first call (line $at > marker $marker)"
    fi
  done
}
case_lazy_binding_on_first_call() { lazyBinding lazy; }
case_z_now_binds_at_startup() { lazyBinding now; }

# Interop: libinterop.so from one linker used by an executable from another.
interopRef() {
  pairLink bfd interop interop/lib.c interop/main.c gcc pie lazy
  runProg "$T/bfd/prog"
  [ $runRc = 0 ] || fail "(test setup) reference program failed"
}
case_interop_mld_so_in_bfd_exe() {
  local l m
  interopRef
  l=$(obj interop/lib.c "${DYN_CFLAGS[@]}" -fPIC) || fail "compile"
  libLink mld "$T/mld" interop gcc "$l"
  m=$(obj interop/main.c "${DYN_CFLAGS[@]}" -fPIE) || fail "compile"
  refLink gcc "$T/mixed" "$m" -L"$T/mld" -linterop "-Wl,-rpath,$T/mld"
  compareRun "$T/mixed" "$T/bfd/prog"
}
case_interop_bfd_so_in_mld_exe() {
  local m
  interopRef
  m=$(obj interop/main.c "${DYN_CFLAGS[@]}" -fPIE) || fail "compile"
  mldLink gcc "$T/mixed" "$m" -L"$T/bfd" -linterop "-Wl,-rpath,$T/bfd"
  compareRun "$T/mixed" "$T/bfd/prog"
}
case_interop_lld_so_in_mld_exe() {
  local l m
  interopRef
  l=$(obj interop/lib.c "${DYN_CFLAGS[@]}" -fPIC) || fail "compile"
  libLink lld "$T/lld" interop gcc "$l"
  m=$(obj interop/main.c "${DYN_CFLAGS[@]}" -fPIE) || fail "compile"
  mldLink gcc "$T/mixed" "$m" -L"$T/lld" -linterop "-Wl,-rpath,$T/lld"
  compareRun "$T/mixed" "$T/bfd/prog"
}
# dlopen of mld's library from ld.bfd's executable, and of ld.bfd's and
# mld's libraries from mld's executable.
case_interop_dlopen() {
  local l d
  l=$(obj interop/lib.c "${DYN_CFLAGS[@]}" -fPIC) || fail "compile"
  d=$(obj interop/dlmain.c "${DYN_CFLAGS[@]}" -fPIE) || fail "compile"
  libLink mld "$T/mld" interop gcc "$l"
  libLink bfd "$T/bfd" interop gcc "$l"
  refLink gcc "$T/dl.bfd" "$d"
  mldLink gcc "$T/dl" "$d"
  runProg "$T/dl.bfd" "$T/bfd/libinterop.so"
  [ $runRc = 0 ] && [ -s "$T/dl.bfd.out" ] || fail "(test setup) ld.bfd's dlopen program failed"
  cp "$T/dl.bfd.out" "$T/expected"
  local exe lib
  for exe in dl.bfd dl; do
    for lib in mld bfd; do
      runProg "$T/$exe" "$T/$lib/libinterop.so"
      if [ $runRc != 0 ] || ! cmp -s "$T/expected" "$T/$exe.out"; then
        echo "FAIL: $exe (dlopen) with $lib's libinterop.so: exit $runRc, output (< expected, > got):"
        diff "$T/expected" "$T/$exe.out"
        exit 1
      fi
    done
  done
}

# The executable's hook()/sharedValue win over the library's, also for the
# library's own references.
interposition() {
  local mode=$1
  pairLink mld interpose interposition/lib.c interposition/main.c gcc "$mode" lazy
  pairLink bfd interpose interposition/lib.c interposition/main.c gcc "$mode" lazy
  compareRun "$T/mld/prog" "$T/bfd/prog"
  grep -q 'callHook 200' "$T/mld/prog.out" || fail "library did not call the executable's hook"
}
case_interposition_pie() { interposition pie; }
case_interposition_nopie() { interposition nopie; }

weakUndefined() {
  local mode=$1
  pairLink mld weak weak-undef/lib.c weak-undef/main.c gcc "$mode" lazy
  pairLink bfd weak weak-undef/lib.c weak-undef/main.c gcc "$mode" lazy
  compareRun "$T/mld/prog" "$T/bfd/prog"
  grep -q NON-NULL "$T/mld/prog.out" && fail "a weak undefined symbol is not null"
  return 0
}
case_weak_undefined_pie() { weakUndefined pie; }
case_weak_undefined_nopie() { weakUndefined nopie; }

fnptrEquality() {
  local mode=$1
  pairLink mld fnptr fnptr/lib.c fnptr/main.c gcc "$mode" lazy
  pairLink bfd fnptr fnptr/lib.c fnptr/main.c gcc "$mode" lazy
  compareRun "$T/mld/prog" "$T/bfd/prog"
  grep -q DIFFERENT "$T/mld/prog.out" && fail "function addresses differ across objects"
  return 0
}
case_fnptr_equality_pie() { fnptrEquality pie; }
case_fnptr_equality_nopie() { fnptrEquality nopie; }

# copiedNames FILE: every .dynsym name defined at the target of an
# R_X86_64_COPY, sorted: aliases such as environ/__environ must all move to
# the copy, or libc keeps writing its own (stale) variable.
copiedNames() {
  { readelf -rW "$1" | awk '$3 == "R_X86_64_COPY" {print "C", $1}'
    readelf --dyn-syms -W "$1" | awk '$7 != "UND" && $8 != "" {print "S", $2, $8}'; } |
    awk '$1 == "C" {copy[$2] = 1; next} $1 == "S" && ($2 in copy) {sub(/@.*/, "", $3); print $3}' |
    sort -u | tr '\n' ' '
}
copyRelocations() {
  local mode=$1
  pairLink mld copy copy-reloc/lib.c copy-reloc/main.c gcc "$mode" lazy
  pairLink bfd copy copy-reloc/lib.c copy-reloc/main.c gcc "$mode" lazy
  local mine ref
  mine=$(copiedNames "$T/mld/prog")
  ref=$(copiedNames "$T/bfd/prog")
  [ "$mine" = "$ref" ] || fail "symbols defined at R_X86_64_COPY targets: mld [$mine], ld.bfd [$ref]"
  compareRun "$T/mld/prog" "$T/bfd/prog"
}
case_copy_relocations_pie() { copyRelocations pie; }
case_copy_relocations_nopie() { copyRelocations nopie; }

# versionedImports FILE: name@version of every undefined .dynsym entry that
# has a version (unversioned weak ones like __gmon_start__ are optional).
versionedImports() {
  readelf --dyn-syms -W "$1" | awk '$7 == "UND" && $8 ~ /@/ {print $8}' | sort | tr '\n' ' '
}
case_versioned_glibc_memcpy() {
  local o
  o=$(obj versioned/main.c "${DYN_CFLAGS[@]}" -fPIE) || fail "compile"
  sameAsBfd gcc prog "$o"
  readelf --dyn-syms -W "$T/prog" | grep -q ' memcpy@GLIBC_2\.14' ||
    fail "memcpy is not bound to GLIBC_2.14: $(readelf --dyn-syms -W "$T/prog" | grep memcpy)"
  readelf -VW "$T/prog" | grep -q 'Name: GLIBC_2.14' || fail "no GLIBC_2.14 in .gnu.version_r"
  local mine ref
  mine=$(versionedImports "$T/prog")
  ref=$(versionedImports "$T/prog.bfd")
  [ "$mine" = "$ref" ] || fail "versioned imports: mld [$mine], ld.bfd [$ref]"
}

# lddNames FILE: the library names ldd lists (no addresses or paths).
lddNames() {
  ldd "$1" | awk '{print $1}' | grep -v '^linux-vdso' | sort | tr '\n' ' '
}
case_ldd_lists_libraries() {
  pairLink mld dropc dyn-shared-c/lib.c dyn-shared-c/main.c gcc pie lazy -lm
  pairLink bfd dropc dyn-shared-c/lib.c dyn-shared-c/main.c gcc pie lazy -lm
  local m u
  m=$(obj dyn-cxx/main.cc "${DYN_CXXFLAGS[@]}" -fPIE) || fail "compile"
  u=$(obj dyn-cxx/util.cc "${DYN_CXXFLAGS[@]}" -fPIE) || fail "compile"
  sameAsBfd g++ cxx "$m" "$u"
  local f ref mine
  for f in mld/prog mld/libdropc.so cxx; do
    ref=${f/mld\//bfd\/}
    [ "$f" = cxx ] && ref=cxx.bfd
    ldd "$T/$f" >"$T/ldd.out" 2>&1 || fail "ldd $f failed: $(cat "$T/ldd.out")"
    grep -q 'not found' "$T/ldd.out" && fail "ldd $f: $(cat "$T/ldd.out")"
    mine=$(lddNames "$T/$f")
    [ "$mine" = "$(lddNames "$T/$ref")" ] || fail "ldd $f lists [$mine], ld.bfd's [$(lddNames "$T/$ref")]"
  done
  grep -q "libdropc.so => $T/mld/libdropc.so" <<<"$(ldd "$T/mld/prog")" || fail "ldd does not resolve libdropc.so"
  for want in libstdc++.so.6 libm.so.6 libgcc_s.so.1 libc.so.6; do
    grep -q "$want => /" <<<"$(ldd "$T/cxx")" || fail "ldd of the C++ program lacks $want"
  done
}

# --version-script: hidden_helper becomes local (dlsym fails), api_* are
# exported with version DROP_1.0.
case_version_script_hides_and_versions() {
  local l d map=$DROPIN_DATA/version-script/lib.map
  l=$(obj version-script/lib.c "${DYN_CFLAGS[@]}" -fPIC) || fail "compile"
  d=$(obj version-script/main.c "${DYN_CFLAGS[@]}" -fPIE) || fail "compile"
  libLink mld "$T/mld" vers gcc "$l" "-Wl,--version-script,$map"
  libLink bfd "$T/bfd" vers gcc "$l" "-Wl,--version-script,$map"
  refLink gcc "$T/main" "$d"
  local want
  want=$'hidden_helper: not found\napi_one: 1\napi_two@DROP_1.0: 42\napi_one@NOPE: not found'
  expectOutput "$T/main" "$want" "$T/bfd/libvers.so"
  expectOutput "$T/main" "$want" "$T/mld/libvers.so"
  local syms
  syms=$(readelf --dyn-syms -W "$T/mld/libvers.so")
  grep -q ' api_one@@DROP_1\.0$' <<<"$syms" || fail "api_one is not api_one@@DROP_1.0 in .dynsym"
  grep -q ' api_two@@DROP_1\.0$' <<<"$syms" || fail "api_two is not api_two@@DROP_1.0 in .dynsym"
  grep -q hidden_helper <<<"$syms" && fail "hidden_helper is in .dynsym"
  readelf -VW "$T/mld/libvers.so" | grep -q 'Name: DROP_1.0' || fail "no DROP_1.0 in .gnu.version_d"
  return 0
}
