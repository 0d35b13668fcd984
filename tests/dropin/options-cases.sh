# options-cases.sh: GNU ld's command-line rules as gcc users meet them
# (issue 10): how DT_NEEDED names a library, options and their errors,
# linker scripts given as inputs, exported dynamic symbols. Each case writes
# its small sources inline and compares with ld.bfd where outputs can be
# compared field by field.

# ccText TEXT OUT FLAGS...: compile the C source TEXT into OUT.
ccText() {
  local text=$1 out=$2
  shift 2
  printf '%s\n' "$text" | gcc "$@" -c -x c - -o "$out" || fail "compile $out"
}

# neededOf FILE: the DT_NEEDED strings of FILE, one per line.
neededOf() {
  readelf -dW "$1" | sed -n 's/.*(NEEDED).*Shared library: \[\(.*\)\]/\1/p'
}

# A library without DT_SONAME is recorded as the user named it: by the path
# as written when named by path, by its file name when found through -l,
# and as NAME for -l:NAME; a DT_SONAME always wins.
case_needed_names_as_written() {
  mkdir -p "$T/sub"
  ccText 'int foo(void) { return 7; }' "$T/a.o" -fPIC
  ccText 'int foo(void); int main(void) { return foo() == 7 ? 0 : 1; }' "$T/m.o"
  gcc -fuse-ld=bfd -shared "$T/a.o" -o "$T/sub/libbar.so" || fail "setup"
  gcc -fuse-ld=bfd -shared "$T/a.o" -o "$T/sub/libfoo.so" -Wl,-soname,libfoo.so.1 || fail "setup"
  ln -sf libfoo.so "$T/sub/libfoo.so.1"
  local how want
  while IFS='|' read -r how want; do
    (cd "$T" && gcc -B "$MLD_GCC_DIR" m.o $how -o exe.mld) 2>"$T/err" || { cat "$T/err"; fail "mld link with $how"; }
    (cd "$T" && gcc -fuse-ld=bfd m.o $how -o exe.bfd) || fail "(setup) ld.bfd link with $how"
    got=$(neededOf "$T/exe.mld" | grep -v '^libc\.so')
    ref=$(neededOf "$T/exe.bfd" | grep -v '^libc\.so')
    [ "$got" = "$want" ] || fail "$how: DT_NEEDED '$got', want '$want'"
    [ "$got" = "$ref" ] || fail "$how: DT_NEEDED '$got', ld.bfd wrote '$ref'"
    (cd "$T" && LD_LIBRARY_PATH=$T/sub ./exe.mld) || fail "$how: the program did not run"
  done <<LIST
sub/libbar.so|sub/libbar.so
$T/sub/libbar.so|$T/sub/libbar.so
-Lsub -lbar|libbar.so
-Lsub -l:libbar.so|libbar.so
sub/libfoo.so|libfoo.so.1
-Lsub -lfoo|libfoo.so.1
LIST
}
