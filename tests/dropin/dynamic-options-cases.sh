# dynamic-options-cases.sh: dynamic drop-in cases about TLS and IFUNC in
# dynamic links and the options gcc users pass (sourced by
# dynamic-cases.sh): hash styles, --as-needed with --push-state,
# --export-dynamic, -Bsymbolic, -z relro/norelro, RPATH/RUNPATH.

# libtls.so (GD/LD kept) used by an executable through initial-exec
# (TPOFF64 against libTls) in 4 threads.
sharedTls() {
  local mode=$1
  pairLink mld tls shared-tls/lib.c shared-tls/main.c gcc "$mode" lazy -pthread
  pairLink bfd tls shared-tls/lib.c shared-tls/main.c gcc "$mode" lazy -pthread
  compareRun "$T/mld/prog" "$T/bfd/prog"
  readelf -rW "$T/mld/prog" | grep -q 'R_X86_64_TPOFF64.*libTls' ||
    fail "no R_X86_64_TPOFF64 against libTls in the executable"
  readelf -dW "$T/mld/libtls.so" | grep -q STATIC_TLS &&
    fail "libtls.so has DF_STATIC_TLS: GD/LD were turned into IE"
  return 0
}
case_shared_tls_pie() { sharedTls pie; }
case_shared_tls_nopie() { sharedTls nopie; }

# mld's libtls.so loaded with dlopen (dynamic TLS through __tls_get_addr and
# DTPMOD64/DTPOFF64), from ld.bfd's and from mld's executable.
case_dlopen_tls_library() {
  local l d
  l=$(obj shared-tls/lib.c "${DYN_CFLAGS[@]}" -fPIC) || fail "compile"
  d=$(obj shared-tls/dlmain.c "${DYN_CFLAGS[@]}" -fPIE) || fail "compile"
  libLink mld "$T/mld" tls gcc "$l"
  libLink bfd "$T/bfd" tls gcc "$l"
  refLink gcc "$T/dl.bfd" "$d" -pthread
  mldLink gcc "$T/dl" "$d" -pthread
  runProg "$T/dl.bfd" "$T/bfd/libtls.so"
  [ $runRc = 0 ] && [ -s "$T/dl.bfd.out" ] || fail "(test setup) ld.bfd's dlopen program failed"
  cp "$T/dl.bfd.out" "$T/expected"
  local exe
  for exe in dl.bfd dl; do
    runProg "$T/$exe" "$T/mld/libtls.so"
    if [ $runRc != 0 ] || ! cmp -s "$T/expected" "$T/$exe.out"; then
      echo "FAIL: $exe dlopening mld's libtls.so: exit $runRc, output (< expected, > got):"
      diff "$T/expected" "$T/$exe.out"
      head -5 "$T/$exe.err"
      exit 1
    fi
  done
}

# The program's own IFUNC in a PIE / non-PIE: IRELATIVE relocations; every
# way of calling it works; in a non-PIE one canonical address (the PLT
# entry) everywhere (ld.bfd does not promise that for a PIE).
userIfunc() {
  local mode=$1 m i
  m=$(obj user-ifunc/main.c "${DYN_CFLAGS[@]}" "$(modeCflag "$mode")") || fail "compile"
  i=$(obj user-ifunc/ifunc.c "${DYN_CFLAGS[@]}" "$(modeCflag "$mode")") || fail "compile"
  mldLink gcc "$T/prog" "$(modeLflag "$mode")" "$m" "$i"
  expectOutput "$T/prog" "direct 42, stored pointer 42, pointer from ifunc.c 42" calls-only
  readelf -rW "$T/prog" | grep -q R_X86_64_IRELATIVE || fail "no R_X86_64_IRELATIVE"
  if [ "$mode" = nopie ]; then
    refLink gcc "$T/prog.bfd" "$(modeLflag "$mode")" "$m" "$i"
    compareRun "$T/prog" "$T/prog.bfd"
    grep -q 'canonical: yes' "$T/prog.out" || fail "IFUNC address not canonical"
  fi
  return 0
}
case_user_ifunc_pie() { userIfunc pie; }
case_user_ifunc_nopie() { userIfunc nopie; }

# --hash-style=sysv: only DT_HASH, which ld.so must then use to find the
# library's symbols; --hash-style=both: both tables.
hashStyle() {
  local style=$1
  exeExtra=("-Wl,--hash-style=$style")
  pairLink mld dropc dyn-shared-c/lib.c dyn-shared-c/main.c gcc pie lazy -lm "-Wl,--hash-style=$style"
  pairLink bfd dropc dyn-shared-c/lib.c dyn-shared-c/main.c gcc pie lazy -lm "-Wl,--hash-style=$style"
  compareRun "$T/mld/prog" "$T/bfd/prog"
  local f dyn
  for f in "$T/mld/prog" "$T/mld/libdropc.so"; do
    dyn=$(readelf -dW "$f")
    grep -q '(HASH)' <<<"$dyn" || fail "$(basename "$f"): no DT_HASH with --hash-style=$style"
    if [ "$style" = sysv ]; then
      grep -q '(GNU_HASH)' <<<"$dyn" && fail "$(basename "$f"): DT_GNU_HASH with --hash-style=sysv"
    else
      grep -q '(GNU_HASH)' <<<"$dyn" || fail "$(basename "$f"): no DT_GNU_HASH with --hash-style=$style"
    fi
  done
  return 0
}
case_hash_style_sysv() { hashStyle sysv; }
case_hash_style_both() { hashStyle both; }

# neededOf FILE: its DT_NEEDED names in order.
neededOf() {
  readelf -dW "$1" | awk '/\(NEEDED\)/ {print $NF}' | tr -d '[]' | tr '\n' ' '
}

# --as-needed drops an unused library; --push-state/--pop-state restore
# --no-as-needed for the libraries after them. DT_NEEDED as ld.bfd's.
case_as_needed_push_pop_state() {
  local o
  o=$(obj dyn-c/main.c "${DYN_CFLAGS[@]}" -fPIE) || fail "compile"
  local name args
  # Debian's gcc passes --as-needed first; --no-as-needed undoes that.
  for name in plain as-needed push-pop; do
    case $name in
      plain) args=(-Wl,--no-as-needed "$o" -lm -lz) ;;
      as-needed) args=(-Wl,--no-as-needed "$o" -lm -Wl,--as-needed -lz) ;;
      push-pop) args=(-Wl,--no-as-needed "$o" -lm -Wl,--push-state,--as-needed -lz -Wl,--pop-state -lsqlite3) ;;
    esac
    mldLink gcc "$T/$name" "${args[@]}"
    refLink gcc "$T/$name.bfd" "${args[@]}"
    [ "$(neededOf "$T/$name")" = "$(neededOf "$T/$name.bfd")" ] ||
      fail "$name: DT_NEEDED [$(neededOf "$T/$name")], ld.bfd [$(neededOf "$T/$name.bfd")]"
    compareRun "$T/$name" "$T/$name.bfd"
  done
  neededOf "$T/plain" | grep -q libz || fail "--no-as-needed dropped libz.so.1"
  neededOf "$T/as-needed" | grep -q libz && fail "--as-needed kept the unused libz.so.1"
  neededOf "$T/push-pop" | grep -q libsqlite3 || fail "--pop-state did not restore --no-as-needed"
  return 0
}

# -Bdynamic ends a -Bstatic: a -l after it finds the shared library again
# although the static one is there too (and so do gcc's own -lgcc_s, -lc).
case_bstatic_then_bdynamic() {
  mkdir -p "$T/lib"
  printf 'int one(void) { return 1; }\n' >"$T/one.c"
  printf 'int two(void) { return 2; }\n' >"$T/two.c"
  printf '#include <stdio.h>\nint one(void), two(void);\nint main(void) { printf("%%d\\n", one() + two()); return 0; }\n' >"$T/main.c"
  local n
  for n in one two; do
    gcc -fPIC -c "$T/$n.c" -o "$T/$n.o" || fail "compile"
    ar rcs "$T/lib/lib$n.a" "$T/$n.o" || fail "ar"
    gcc -fuse-ld=bfd -shared "$T/$n.o" -o "$T/lib/lib$n.so" || fail "(setup) libtwo.so"
  done
  gcc -fPIE -c "$T/main.c" -o "$T/main.o" || fail "compile"
  local args=(-Wl,--no-as-needed "$T/main.o" -L"$T/lib" -Wl,-Bstatic -lone -Wl,-Bdynamic -ltwo)
  mldLink gcc "$T/prog" "${args[@]}"
  refLink gcc "$T/prog.bfd" "${args[@]}"
  [ "$(neededOf "$T/prog")" = "$(neededOf "$T/prog.bfd")" ] ||
    fail "DT_NEEDED [$(neededOf "$T/prog")], ld.bfd [$(neededOf "$T/prog.bfd")]"
  neededOf "$T/prog" | grep -q 'libtwo.so ' || fail "-ltwo after -Bdynamic did not take libtwo.so"
  neededOf "$T/prog" | grep -q 'libone.so' && fail "-lone under -Bstatic took libone.so"
  LD_LIBRARY_PATH=$T/lib "$T/prog" >"$T/out" || fail "the program failed"
  [ "$(cat "$T/out")" = 3 ] || fail "the program printed '$(cat "$T/out")', want 3"
}

# --export-dynamic puts the program's symbols in .dynsym: dlsym finds them.
case_export_dynamic_dlsym() {
  local o
  o=$(obj export-dynamic/main.c "${DYN_CFLAGS[@]}" -fPIE) || fail "compile"
  mldLink gcc "$T/exported" "$o" -Wl,--export-dynamic
  mldLink gcc "$T/plain" "$o"
  expectOutput "$T/exported" "dlsym(exportedFromExe): found, same function"
  expectOutput "$T/plain" "dlsym(exportedFromExe): not found"
}

# -Bsymbolic: the library binds its own definitions, so the executable's
# hook/sharedValue do not interpose on calls from inside the library.
case_bsymbolic_binds_locally() {
  pairLink mld interpose interposition/lib.c interposition/main.c gcc pie lazy -Wl,-Bsymbolic
  pairLink bfd interpose interposition/lib.c interposition/main.c gcc pie lazy -Wl,-Bsymbolic
  compareRun "$T/mld/prog" "$T/bfd/prog"
  grep -q 'callHook 100' "$T/mld/prog.out" || fail "-Bsymbolic library still called the executable's hook"
}

# -z relro gives PT_GNU_RELRO, -z norelro none; both run.
case_relro_and_norelro() {
  local o
  o=$(obj dyn-c/main.c "${DYN_CFLAGS[@]}" -fPIE) || fail "compile"
  mldLink gcc "$T/relro" "$o" -lm -Wl,-z,relro,-z,now
  mldLink gcc "$T/norelro" "$o" -lm -Wl,-z,norelro
  refLink gcc "$T/ref" "$o" -lm
  readelf -lW "$T/relro" | grep -q GNU_RELRO || fail "-z relro: no PT_GNU_RELRO"
  readelf -lW "$T/norelro" | grep -q GNU_RELRO && fail "-z norelro: PT_GNU_RELRO present"
  compareRun "$T/relro" "$T/ref"
  compareRun "$T/norelro" "$T/ref"
}

# -rpath with --enable-new-dtags gives DT_RUNPATH, with --disable-new-dtags
# DT_RPATH; the library is found through either.
case_rpath_and_runpath() {
  pairLink mld dropc dyn-shared-c/lib.c dyn-shared-c/main.c gcc pie lazy -lm
  local m=$T/mld
  local o
  o=$(obj dyn-shared-c/main.c "${DYN_CFLAGS[@]}" -fPIE) || fail "compile"
  mldLink gcc "$T/runpath" "$o" -L"$m" -ldropc "-Wl,-rpath,$m" -Wl,--enable-new-dtags
  mldLink gcc "$T/rpath" "$o" -L"$m" -ldropc "-Wl,-rpath,$m" -Wl,--disable-new-dtags
  readelf -dW "$T/runpath" | grep -q "(RUNPATH).*\[$m\]" || fail "--enable-new-dtags: no DT_RUNPATH"
  readelf -dW "$T/rpath" | grep -q "(RPATH).*\[$m\]" || fail "--disable-new-dtags: no DT_RPATH"
  readelf -dW "$T/rpath" | grep -q "(RUNPATH)" && fail "--disable-new-dtags: DT_RUNPATH present"
  compareRun "$T/runpath" "$m/prog"
  compareRun "$T/rpath" "$m/prog"
}
