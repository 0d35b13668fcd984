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

# dynTag FILE TAG: the value column of FILE's dynamic entry TAG (e.g. AUDIT,
# FLAGS_1), empty if there is none.
dynTag() {
  readelf -dW "$1" | sed -n "s/^ *0x[0-9a-f]* (\($2\)) *\(.*\)$/\2/p"
}

# --audit and --depaudit (-P) join their values with ':' into DT_AUDIT and
# DT_DEPAUDIT; a needed library's own DT_AUDIT is appended to DT_DEPAUDIT,
# after the command line's, as ld.bfd does.
case_audit_and_depaudit() {
  ccText 'void foo(void) {}' "$T/a.o" -fPIC
  ccText 'void foo(void); void bar(void) { foo(); }' "$T/b.o" -fPIC
  ccText 'void bar(void); int main(void) { bar(); return 0; }' "$T/c.o"
  mldLink gcc "$T/a.so" -shared "$T/a.o"
  mldLink gcc "$T/b.so" -shared "$T/b.o" -Wl,--audit=/x/a.so -Wl,--audit=q
  [ "$(dynTag "$T/b.so" AUDIT)" = "Audit library: [/x/a.so:q]" ] ||
    fail "b.so DT_AUDIT: $(dynTag "$T/b.so" AUDIT)"
  local how tag
  for how in "" "-Wl,--depaudit=d1 -Wl,-P,d2 -Wl,--audit=x" "-Wl,--depaudit=d1 -shared"; do
    mldLink gcc "$T/e.mld" "$T/c.o" "$T/b.so" -Wl,--allow-shlib-undefined $how
    refLink gcc "$T/e.bfd" "$T/c.o" "$T/b.so" -Wl,--allow-shlib-undefined $how
    for tag in AUDIT DEPAUDIT; do
      [ "$(dynTag "$T/e.mld" $tag)" = "$(dynTag "$T/e.bfd" $tag)" ] ||
        fail "'$how': DT_$tag '$(dynTag "$T/e.mld" $tag)', ld.bfd: '$(dynTag "$T/e.bfd" $tag)'"
    done
  done
  [ -n "$(dynTag "$T/e.mld" DEPAUDIT)" ] || fail "no DT_DEPAUDIT at all"
  mldLink gcc "$T/plain" "$T/c.o" "$T/b.so" -Wl,--allow-shlib-undefined -Wl,--as-needed
  # b.so is needed (main calls bar), so its audit list still applies.
  [ "$(dynTag "$T/plain" DEPAUDIT)" = "Dependency audit library: [/x/a.so:q]" ] ||
    fail "--as-needed: DT_DEPAUDIT '$(dynTag "$T/plain" DEPAUDIT)'"
}

# -z keywords that set DT_FLAGS_1 bits, and -z stack-size, which sets
# PT_GNU_STACK's p_memsz: the same fields as ld.bfd's.
case_z_flags_and_stack_size() {
  ccText 'int main(void) { return 0; }' "$T/m.o" -fPIC
  local z got ref
  for z in initfirst interpose nodefaultlib nodump loadfltr nodlopen global "nodump -z now"; do
    mldLink gcc "$T/z.so" -shared "$T/m.o" -Wl,-z,${z// -z /,-z,}
    refLink gcc "$T/z.bfd.so" -shared "$T/m.o" -Wl,-z,${z// -z /,-z,}
    got=$(dynTag "$T/z.so" FLAGS_1) ref=$(dynTag "$T/z.bfd.so" FLAGS_1)
    [ -n "$ref" ] || fail "(setup) ld.bfd set no DT_FLAGS_1 for -z $z"
    [ "$got" = "$ref" ] || fail "-z $z: DT_FLAGS_1 '$got', ld.bfd: '$ref'"
  done
  stackOf() { readelf -lW "$1" | awk '$1 == "GNU_STACK" {print $6, $7}'; }
  mldLink gcc "$T/s" "$T/m.o" -Wl,-z,stack-size=0x900000
  refLink gcc "$T/s.bfd" "$T/m.o" -Wl,-z,stack-size=0x900000
  [ "$(stackOf "$T/s")" = "0x900000 RW" ] || fail "GNU_STACK memsz/flags: $(stackOf "$T/s")"
  [ "$(stackOf "$T/s")" = "$(stackOf "$T/s.bfd")" ] || fail "GNU_STACK differs from ld.bfd's"
  expectOutput "$T/s" ""
  mldLinkFails gcc "$T/bad" "$T/m.o" -Wl,-z,stack-size=lots
  expectErr "invalid -z stack-size: lots"
}

# -Bno-symbolic undoes an earlier -Bsymbolic (or -Bsymbolic-functions): the
# library's own references go through the GOT again, so an executable's
# copy of its variable and the canonical address of its function are the
# ones the library sees. And of -Bsymbolic and -Bsymbolic-functions, the
# last one given counts.
case_bno_symbolic() {
  ccText 'int foo = 4; int get_foo(void) { return foo; } void *bar(void) { return (void *)bar; }' \
    "$T/a.o" -fPIC
  ccText '#include <stdio.h>
extern int foo; int get_foo(void); void *bar(void);
int main(void) { foo = 3; printf("%d %d %d\n", foo, get_foo(), (void *)bar == bar()); return 0; }' \
    "$T/c.o" -fno-PIE
  local flags want
  while IFS='|' read -r flags want; do
    mldLink gcc "$T/b.so" -shared "$T/a.o" $flags
    mldLink gcc "$T/exe" -no-pie "$T/c.o" "$T/b.so" -Wl,-rpath,"$T"
    expectOutput "$T/exe" "$want"
    refLink gcc "$T/b.so" -shared "$T/a.o" $flags
    refLink gcc "$T/exe.bfd" -no-pie "$T/c.o" "$T/b.so" -Wl,-rpath,"$T"
    expectOutput "$T/exe.bfd" "$want"
  done <<LIST
-Wl,-Bsymbolic -Wl,-Bno-symbolic|3 3 1
-Wl,-Bsymbolic-functions -Wl,-Bno-symbolic|3 3 1
-Wl,-Bsymbolic|3 4 0
-Wl,-Bsymbolic-functions -Wl,-Bsymbolic|3 4 0
-Wl,-Bsymbolic -Wl,-Bsymbolic-functions|3 3 0
LIST
}

# symOf FILE NAME: "VALUE TYPE BIND NDX" of NAME in FILE's .dynsym (or
# .symtab with a third argument "s").
symOf() {
  local sect=--dyn-syms
  [ "${3:-}" = s ] && sect=--syms
  readelf -W $sect "$1" | awk -v n="$2" '$8 == n {print $2, $4, $5, $7; exit}'
}

# --defsym NAME=EXPR (also spelled -defsym=...): NAME=SYMBOL is another name
# for SYMBOL's place, with its type, exported from a shared library like any
# definition; NAME=NUMBER is absolute; SYMBOL+-NUMBER is an offset from it.
# The target is a reference (it pulls an archive member) and may be a
# linker-defined name. It overrides an object's own definition of NAME.
case_defsym() {
  ccText 'void foo(void) {} int arr[4] = {1, 2, 3, 4}; int bar = 1;' "$T/a.o" -fPIC
  mldLink gcc "$T/b.so" -shared "$T/a.o" -Wl,-defsym=bar=foo -Wl,--defsym,num=0x2a \
    -Wl,--defsym=third=arr+8
  refLink gcc "$T/b.bfd.so" -shared "$T/a.o" -Wl,-defsym=bar=foo -Wl,--defsym,num=0x2a \
    -Wl,--defsym=third=arr+8
  local got ref
  got=$(symOf "$T/b.so" bar) ref=$(symOf "$T/b.so" foo)
  [ -n "$got" ] && [ "$got" = "$ref" ] || fail "bar '$got' is not foo '$ref' in .dynsym"
  [ "$(symOf "$T/b.so" num)" = "$(symOf "$T/b.bfd.so" num)" ] ||
    fail "num: '$(symOf "$T/b.so" num)', ld.bfd: '$(symOf "$T/b.bfd.so" num)'"
  ccText '#include <stdio.h>
extern int third; void bar(void); void foo(void); extern char num[];
int main(void) { printf("%d %d %lu\n", third, (void *)bar == (void *)foo, (unsigned long)num); return 0; }' \
    "$T/m.o" -fPIC
  mldLink gcc "$T/exe" "$T/m.o" "$T/b.so" -Wl,-rpath,"$T"
  expectOutput "$T/exe" "3 1 42"

  # A linker-defined target, in a non-PIE executable.
  ccText '#include <stdio.h>
extern char gotsym; int main(void) { printf("%lx\n", (unsigned long)&gotsym); return 0; }' "$T/g.o"
  mldLink gcc "$T/g" -no-pie "$T/g.o" -Wl,-defsym=gotsym=_GLOBAL_OFFSET_TABLE_
  runProg "$T/g"
  local gotplt
  gotplt=$(readelf -SW "$T/g" | awk '$2 == ".got.plt" {sub(/^0+/, "", $4); print $4}')
  [ -n "$gotplt" ] && [ "$(cat "$T/g.out")" = "$gotplt" ] ||
    fail "gotsym at $(cat "$T/g.out"), .got.plt at '$gotplt'"

  # The target pulls the archive member that defines it.
  ccText 'int fromar(void) { return 5; }' "$T/ar.o"
  rm -f "$T/libar.a" && ar rc "$T/libar.a" "$T/ar.o"
  ccText 'int alias(void); int main(void) { return alias() == 5 ? 0 : 1; }' "$T/u.o"
  mldLink gcc "$T/u" "$T/u.o" -Wl,--defsym=alias=fromar "$T/libar.a"
  expectOutput "$T/u" ""

  mldLinkFails gcc "$T/bad" "$T/u.o" -Wl,--defsym=alias=nosuch
  expectErr "--defsym: undefined symbol 'nosuch' referenced in expression"
  mldLinkFails gcc "$T/bad" "$T/u.o" -Wl,--defsym=alias=fromar*2 "$T/libar.a"
  expectErr "--defsym: cannot evaluate 'alias=fromar*2'"
}
