# static-options-cases.sh: static drop-in cases about linker options gcc
# users pass (sourced by static-cases.sh): --build-id forms, an unknown
# -z keyword, -s/-S, and a program-defined IFUNC in a static link.

# buildId FILE: the hex string of its NT_GNU_BUILD_ID note, or nothing.
buildId() {
  readelf -nW "$1" 2>/dev/null | sed -n 's/.*Build ID: \([0-9a-f]*\).*/\1/p'
}

# --build-id, =sha1, =md5, =uuid, =0xHEX and =none: the note is there with
# the right length (or the given bytes), stable for sha1, absent for none.
case_build_id_variants() {
  local o id
  o=$(obj c-hello/hello.c "${STATIC_CFLAGS[@]}") || fail "compile"
  mldLink gcc "$T/sha1" -static "$o" -Wl,--build-id=sha1
  mldLink gcc "$T/sha1-again" -static "$o" -Wl,--build-id=sha1
  mldLink gcc "$T/md5" -static "$o" -Wl,--build-id=md5
  mldLink gcc "$T/uuid" -static "$o" -Wl,--build-id=uuid
  mldLink gcc "$T/hex" -static "$o" -Wl,--build-id=0x0123456789abcdef
  mldLink gcc "$T/none" -static "$o" -Wl,--build-id=none
  id=$(buildId "$T/sha1")
  [[ $id =~ ^[0-9a-f]{40}$ ]] || fail "--build-id=sha1 gives '$id', want 40 hex digits"
  [ "$id" = "$(buildId "$T/sha1-again")" ] || fail "--build-id=sha1 differs between two identical links"
  [[ $(buildId "$T/md5") =~ ^[0-9a-f]{32}$ ]] || fail "--build-id=md5 gives '$(buildId "$T/md5")'"
  [[ $(buildId "$T/uuid") =~ ^[0-9a-f]{32}$ ]] || fail "--build-id=uuid gives '$(buildId "$T/uuid")'"
  [ "$(buildId "$T/hex")" = 0123456789abcdef ] || fail "--build-id=0x0123456789abcdef gives '$(buildId "$T/hex")'"
  [ -z "$(buildId "$T/none")" ] || fail "--build-id=none still has a build ID"
  expectOutput "$T/sha1" $'hello, world\nargc=1'
}

# An unknown -z keyword is a warning naming it, as in ld, not an error.
case_unknown_z_keyword_warns() {
  local o
  o=$(obj c-hello/hello.c "${STATIC_CFLAGS[@]}") || fail "compile"
  mldLink gcc "$T/hello" -static "$o" -Wl,-z,dropin-no-such-keyword
  grep -q 'warning:.*dropin-no-such-keyword' "$T/hello.link.err" ||
    fail "no warning naming the unknown -z keyword; mld said: $(cat "$T/hello.link.err")"
  expectOutput "$T/hello" $'hello, world\nargc=1'
}

# -s drops .symtab, -S drops the debug sections; both outputs still run.
case_strip_all_and_debug() {
  local o
  o=$(obj gdb/main.c -O0 -g) || fail "compile"
  local l
  l=$(obj gdb/leaf.c -O0 -g) || fail "compile"
  mldLink gcc "$T/full" -static "$o" "$l"
  mldLink gcc "$T/s" -static "$o" "$l" -s
  mldLink gcc "$T/S" -static "$o" "$l" -Wl,-S
  readelf -SW "$T/full" | grep -q '\.debug_info' || fail "-g program has no .debug_info"
  readelf -SW "$T/s" | grep -qE '\.symtab|\.debug_' && fail "-s left .symtab or debug sections"
  readelf -SW "$T/S" | grep -q '\.debug_' && fail "-S left debug sections"
  readelf -SW "$T/S" | grep -q '\.symtab' || fail "-S removed .symtab too"
  expectOutput "$T/s" "result 129"
  expectOutput "$T/S" "result 129"
}

# The program's own IFUNC in a static link: IRELATIVE in .rela.iplt applied
# by glibc's start code, canonical address from both objects and from data.
case_c_user_ifunc() {
  local m i
  m=$(obj user-ifunc/main.c "${STATIC_CFLAGS[@]}") || fail "compile"
  i=$(obj user-ifunc/ifunc.c "${STATIC_CFLAGS[@]}") || fail "compile"
  sameAsBfd gcc ifunc -static "$m" "$i"
  grep -q 'direct 42, stored pointer 42, pointer from ifunc.c 42' "$T/ifunc.out" || fail "IFUNC calls wrong"
  grep -q 'canonical: yes' "$T/ifunc.out" || fail "IFUNC address not canonical"
}

# clang 14 as the driver: its own linker command lines (--hash-style=both,
# -static, and -static-pie's -static -pie --no-dynamic-linker -z text) are
# accepted and give the same program as ld.bfd's.
case_clang_static_and_static_pie() {
  command -v clang >/dev/null || fail "(test setup) clang is not installed"
  local o
  o=$(obj c-stdio-libm/main.c -O1 -fno-stack-protector) || fail "compile"
  sameAsBfd clang clang-static -static "$o" -lm
  sameAsBfd clang clang-static-pie -static-pie "$o" -lm
}
