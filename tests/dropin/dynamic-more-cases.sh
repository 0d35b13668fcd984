# dynamic-more-cases.sh: the rest of the dynamic drop-in cases (sourced by
# dynamic-cases.sh): bad inputs to dynamic links, each a one-line error,
# exit status 1 and no output; and a program linked against the runtime's
# libmldc.so (no glibc) that runs under the system's ld.so.

# A truncated copy of a real shared library given to the link.
case_corrupt_so_rejected() {
  local o real=/lib/x86_64-linux-gnu/libz.so.1
  o=$(obj bad-input/main.c -O2 -fPIE) || fail "compile"
  [ -f "$real" ] || fail "(test setup) $real missing"
  head -c $(($(stat -L -c %s "$real") / 2)) "$real" >"$T/libcorrupt.so"
  mldLinkFails gcc "$T/prog" "$o" -L"$T" -lcorrupt
  expectErr libcorrupt.so
}

# A GNU linker script with a syntax error (an unclosed GROUP).
case_linker_script_syntax_error_rejected() {
  local o
  o=$(obj bad-input/main.c -O2 -fPIE) || fail "compile"
  printf 'GROUP ( /lib/x86_64-linux-gnu/libc.so.6 ' >"$T/libbad.so"
  mldLinkFails gcc "$T/prog" "$o" -L"$T" -lbad
  expectErr libbad.so
}

# -shared -z defs with a reference nothing defines.
case_z_defs_undefined_rejected() {
  local o
  o=$(obj bad-input/undefined.c -O2 -fPIC) || fail "compile"
  mldLinkFails gcc "$T/libundef.so" -shared "$o" -Wl,-z,defs
  expectErr notDefinedAnywhere
  expectErr "$(basename "$o")"
}

# Non-PIC code (R_X86_64_32 against x) in a shared object.
case_non_pic_object_in_shared_rejected() {
  local o
  o=$(obj bad-input/nonpic.s) || fail "assemble"
  mldLinkFails gcc "$T/libnonpic.so" -shared "$o"
  expectErr "relocation R_X86_64_32 against 'x' can not be used when making a shared object; recompile with -fPIC"
  expectErr "$(basename "$o")"
}

# crt1.o + libmldc.so from the runtime, no glibc at all, under glibc's ld.so.
mldcProgram() {
  local mode=$1 o rt=$MLD_RUNTIME_DIR
  [ -f "$rt/crt1.o" ] && [ -f "$rt/libmldc.so" ] ||
    fail "(test setup) build mld_runtime first: no $rt/crt1.o or libmldc.so"
  if [ "$mode" = pie ]; then
    o=$(obj mldc/main.c -O2 -fno-stack-protector -fPIE) || fail "compile"
  else
    o=$(obj mldc/main.c -O2 -fno-stack-protector -fno-pie) || fail "compile"
  fi
  mldLink gcc "$T/prog" -nostdlib "$(modeLflag "$mode")" "$rt/crt1.o" "$o" -L"$rt" -lmldc \
    -Wl,-dynamic-linker,/lib64/ld-linux-x86-64.so.2 "-Wl,-rpath,$rt"
  local needed
  needed=$(readelf -dW "$T/prog" | awk '/\(NEEDED\)/ {print $NF}' | tr '\n' ' ')
  [ "$needed" = "[libmldc.so] " ] || fail "DT_NEEDED should be only libmldc.so, is: $needed"
  readelf -lW "$T/prog" | grep -q 'Requesting program interpreter: /lib64/ld-linux-x86-64.so.2' ||
    fail "PT_INTERP is not /lib64/ld-linux-x86-64.so.2"
  expectOutput "$T/prog" $'hello from runtime libc: 12 chars, argc=1\nalpha'
}
case_runtime_mldc_pie() { mldcProgram pie; }
case_runtime_mldc_nopie() { mldcProgram nopie; }

# TLS descriptors (-mtls-dialect=gnu2): R_X86_64_TLSDESC pairs in mld's
# shared object, relaxed to local/initial exec in mld's executable; same
# output as ld.bfd's pair.
tlsDesc() {
  local mode=$1
  # pairLink compiles with DYN_CFLAGS: a local copy adds the dialect.
  local DYN_CFLAGS=("${DYN_CFLAGS[@]}" -mtls-dialect=gnu2)
  pairLink mld tlsd tlsdesc/lib.c tlsdesc/main.c gcc "$mode" lazy
  pairLink bfd tlsd tlsdesc/lib.c tlsdesc/main.c gcc "$mode" lazy
  compareRun "$T/mld/prog" "$T/bfd/prog"
  readelf -rW "$T/mld/libtlsd.so" | grep -q R_X86_64_TLSDESC ||
    fail "no R_X86_64_TLSDESC in mld's libtlsd.so"
  readelf -rW "$T/mld/prog" | grep -q R_X86_64_TLSDESC &&
    fail "the executable kept a TLS descriptor instead of relaxing it"
  return 0
}
case_tls_descriptors_pie() { tlsDesc pie; }
case_tls_descriptors_nopie() { tlsDesc nopie; }

# --no-allow-shlib-undefined: a name a library needs but nothing defines is
# an error for the executable, naming the library.
case_no_allow_shlib_undefined_rejected() {
  local l m
  l=$(obj shlib-undefined/lib.c "${DYN_CFLAGS[@]}" -fPIC) || fail "compile"
  m=$(obj shlib-undefined/main.c "${DYN_CFLAGS[@]}") || fail "compile"
  libLink bfd "$T/lib" missing gcc "$l"
  mldLinkFails gcc "$T/prog" "$m" -L"$T/lib" -lmissing -Wl,--no-allow-shlib-undefined
  expectErr "undefined reference due to --no-allow-shlib-undefined: notDefinedAnywhere"
  expectErr "libmissing.so"
}
