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

# dynNames FILE PATTERN: the defined .dynsym names of FILE matching the
# extended regex PATTERN, sorted, on one line.
dynNames() {
  readelf -W --dyn-syms "$1" | awk '$7 != "UND" {print $8}' | grep -E "$2" | sort | tr '\n' ' '
}

# What an executable exports: --dynamic-list FILE, --export-dynamic-symbol-list
# FILE (same syntax: globs, extern "C++"), --export-dynamic-symbol GLOB and
# --dynamic-list-data (every data symbol); the same names as ld.bfd's.
case_export_dynamic_lists() {
  ccText 'void foo(void) {} void bar(void) {} void foobarcx(void) {} void foobarzx(void) {}
int datum = 1; const int rodatum = 2;' "$T/a.o"
  printf 'void baz(int) {}\nint main() { return 0; }\n' | g++ -c -x c++ - -o "$T/b.o" || fail compile
  printf '{ foo; foo*bar*[abc]x; extern "C++" { "baz(int)"; }; };\n' >"$T/dyn"
  local how got ref
  for how in "-Wl,--dynamic-list=$T/dyn" "-Wl,--export-dynamic-symbol-list=$T/dyn" \
    "-Wl,--export-dynamic-symbol=fo*,--export-dynamic-symbol=bar" "-Wl,--dynamic-list-data" ""; do
    mldLink gcc "$T/e" "$T/a.o" "$T/b.o" $how
    refLink gcc "$T/e.bfd" "$T/a.o" "$T/b.o" $how
    got=$(dynNames "$T/e" 'foo|bar|baz|datum') ref=$(dynNames "$T/e.bfd" 'foo|bar|baz|datum')
    [ "$got" = "$ref" ] || fail "'$how': exports '$got', ld.bfd: '$ref'"
  done
  [ "$(dynNames "$T/e" 'foo|bar|baz|datum')" = "" ] || fail "exports without being asked to"
}

# In a shared object a dynamic list keeps the names it lists preemptible and
# binds every other definition locally (GNU ld's rule), while
# --export-dynamic-symbol only matters together with -Bsymbolic. Seen from
# a program that interposes both functions.
case_dynamic_list_binding() {
  ccText 'int bar(void) { return 1; } int foo(void) { return 2; }
int callbar(void) { return bar(); } int callfoo(void) { return foo(); }' "$T/a.o" -fPIC
  ccText '#include <stdio.h>
int bar(void) { return 10; } int foo(void) { return 20; } int callbar(void); int callfoo(void);
int main(void) { printf("%d %d\n", callbar(), callfoo()); return 0; }' "$T/m.o"
  printf '{ foo; };\n' >"$T/dyn"
  local how
  for how in "-Wl,--dynamic-list=$T/dyn" "-Wl,--export-dynamic-symbol=foo" \
    "-Wl,--export-dynamic-symbol=foo,-Bsymbolic" "-Wl,--dynamic-list-data"; do
    mldLink gcc "$T/libx.so" -shared "$T/a.o" $how
    mldLink gcc "$T/e" "$T/m.o" "$T/libx.so" -Wl,-rpath,"$T"
    runProg "$T/e"
    cp "$T/e.out" "$T/mine.out"
    refLink gcc "$T/libx.so" -shared "$T/a.o" $how
    refLink gcc "$T/e.bfd" "$T/m.o" "$T/libx.so" -Wl,-rpath,"$T"
    runProg "$T/e.bfd"
    cmp -s "$T/mine.out" "$T/e.bfd.out" ||
      fail "'$how': the program printed '$(cat "$T/mine.out")', with ld.bfd '$(cat "$T/e.bfd.out")'"
  done
}

# --section-start=SEC=ADDR (any spelling; -Ttext ADDR for .text): the
# section lies at ADDR, in a PT_LOAD of its own, and PT_LOADs stay sorted by
# address whatever order the addresses are given in. A TLS section may
# start at an odd address. An address inside the image is an error.
case_section_start() {
  ccText '#include <stdio.h>
__attribute__((section(".fn1"))) void fn1(void) { printf(" fn1"); }
__attribute__((section(".fn2"))) void fn2(void) { printf(" fn2"); }
int main(void) { printf("main"); fn1(); fn2(); printf(" %p %p\n", (void *)fn1, (void *)fn2); return 0; }' \
    "$T/a.o" -fno-PIC
  local a1 a2 loads
  for a1 in 0x10000000 0x20000000; do
    a2=$([ $a1 = 0x10000000 ] && echo 0x20000000 || echo 0x10000000)
    mldLink gcc "$T/e" "$T/a.o" -no-pie -Wl,--section-start=.fn1=$a1,-section-start,.fn2=$a2
    expectOutput "$T/e" "main fn1 fn2 $a1 $a2"
    loads=$(readelf -lW "$T/e" | awk '$1 == "LOAD" {print $3}')
    [ "$loads" = "$(sort <<<"$loads")" ] || fail "PT_LOADs not sorted by address: $loads"
  done
  mldLink gcc "$T/t" "$T/a.o" -no-pie -Wl,-Ttext,0x30000000
  readelf -SW "$T/t" | grep -q ' \.text .* 0*30000000 ' || fail "-Ttext: .text is not at 0x30000000"
  runProg "$T/t"
  [ "$runRc" = 0 ] || fail "-Ttext: the program failed"

  ccText '#include <stdio.h>
_Thread_local char x1 = 42; _Thread_local int zero;
int main(void) { printf("%d %d\n", x1, zero); return 0; }' "$T/tls.o" -fPIC
  local addr
  for addr in 0x100001 0x10000f; do
    mldLink gcc "$T/tls" "$T/tls.o" -pie -Wl,-section-start=.tdata=$addr
    expectOutput "$T/tls" "42 0"
  done
  mldLinkFails gcc "$T/bad" "$T/a.o" -no-pie -Wl,--section-start=.fn1=0x400010
  expectErr "section .fn1: --section-start address 0x400010 lies below the sections placed before it"
}

# An output with no object file in it (only an archive nothing is pulled
# from) is written, as GNU ld does, instead of failing.
case_no_object_file() {
  printf '.globl foo\nfoo:\n' | gcc -x assembler -c -o "$T/a.o" - || fail compile
  rm -f "$T/a.a" && ar rcs "$T/a.a" "$T/a.o"
  "$MLD_GCC_DIR/ld" -o "$T/e" "$T/a.a" 2>"$T/err" || fail "mld failed: $(cat "$T/err")"
  [ "$(elfType "$T/e")" = EXEC ] || fail "no executable written"
  grep -q "cannot find entry symbol _start" "$T/err" || fail "no warning about the entry: $(cat "$T/err")"
  linkedOutputs+=("$T/e")
}

# --default-symver versions every exported name with the soname (or the
# output's file name); --exclude-libs LIB,LIB:LIB|ALL keeps the definitions
# of those archives' members out of .dynsym. Same names as ld.bfd's.
case_default_symver_and_exclude_libs() {
  ccText 'void foo(void) {}' "$T/a.o" -fPIC
  mldLink gcc "$T/b.so" -shared "$T/a.o" -Wl,-default-symver
  readelf -W --dyn-syms "$T/b.so" | grep -q ' foo@@b\.so$' || fail "no foo@@b.so"
  mldLink gcc "$T/b.so" -shared "$T/a.o" -Wl,--soname=bar -Wl,--default-symver
  readelf -W --dyn-syms "$T/b.so" | grep -q ' foo@@bar$' || fail "no foo@@bar"

  ccText 'int foo(void) { return 3; }' "$T/f.o" -fPIC
  ccText 'int bar(void) { return 5; }' "$T/g.o" -fPIC
  ccText 'int foo(void); int bar(void); int baz(void) { return foo() + bar(); }' "$T/e.o" -fPIC
  rm -f "$T/c.a" "$T/d.a" && ar crs "$T/c.a" "$T/f.o" && ar crs "$T/d.a" "$T/g.o"
  local how got ref
  for how in "" "-Wl,-exclude-libs=c.a" "-Wl,--exclude-libs,c.a,--exclude-libs,d.a" \
    "-Wl,--exclude-libs=c.a:d.a" "-Wl,--exclude-libs=ALL"; do
    mldLink gcc "$T/x.so" -shared "$T/e.o" "$T/c.a" "$T/d.a" $how
    refLink gcc "$T/x.bfd.so" -shared "$T/e.o" "$T/c.a" "$T/d.a" $how
    got=$(dynNames "$T/x.so" 'foo|bar|baz') ref=$(dynNames "$T/x.bfd.so" 'foo|bar|baz')
    [ "$got" = "$ref" ] || fail "'$how': exports '$got', ld.bfd: '$ref'"
  done
  [ "$got" = "baz " ] || fail "--exclude-libs=ALL: exports '$got'"
}

# --default-symver with a version script (GNU ld's rule): what the script
# leaves without a named version (an anonymous node's names, and names no
# pattern matches) gets the soname's version, whose definition is written
# even when nothing uses it; names in named nodes keep theirs. Each
# script's .dynsym names and version definitions are ld.bfd's.
case_default_symver_with_version_script() {
  ccText 'int foo(void) { return 1; } int bar2(void) { return 2; } int baz(void) { return 3; }' \
    "$T/a.o" -fPIC
  local v got ref
  versionsOf() {
    readelf -W --dyn-syms "$1" | awk '$7 != "UND" {print $8}' | grep -E '^(foo|bar2|baz)' |
      sort | tr '\n' ' '
    readelf -V "$1" | grep -o 'Name: [^ ]*' | tr '\n' ' '
  }
  for v in '{ global: foo; local: *; };' '{ global: foo; };' 'V1 { global: foo; local: *; };' \
    'V1 { global: foo; }; V2 { global: baz; } V1;' '{ local: *; };'; do
    printf '%s\n' "$v" >"$T/v"
    mldLink gcc "$T/libx.so" -shared -Wl,-soname,libx.so -Wl,--default-symver \
      -Wl,--version-script="$T/v" "$T/a.o"
    refLink gcc "$T/libx.bfd.so" -shared -Wl,-soname,libx.so -Wl,--default-symver \
      -Wl,--version-script="$T/v" "$T/a.o"
    got=$(versionsOf "$T/libx.so") ref=$(versionsOf "$T/libx.bfd.so")
    [ "$got" = "$ref" ] || fail "'$v': '$got', ld.bfd: '$ref'"
  done
  [ "$got" = "Name: libx.so Name: libx.so " ] || fail "'{ local: *; }': '$got'"
  # A program linked against it imports foo@libx.so and runs.
  ccText 'int foo(void); int main(void) { return foo() == 1 ? 0 : 1; }' "$T/m.o"
  printf '{ global: foo; local: *; };\n' >"$T/v"
  mldLink gcc "$T/libx.so" -shared -Wl,-soname,libx.so -Wl,--default-symver \
    -Wl,--version-script="$T/v" "$T/a.o"
  mldLink gcc "$T/m" "$T/m.o" "$T/libx.so" -Wl,-rpath,"$T"
  expectOutput "$T/m" ""
  readelf -W --dyn-syms "$T/m" | grep -q ' foo@libx\.so' || fail "m does not import foo@libx.so"
}

# ENTRY(sym) in a linker script given as an input sets the entry point when
# no -e is given (GNU ld: -e, then ENTRY, then _start); -e still wins.
case_entry_from_script_input() {
  ccText '#include <stdio.h>
#include <stdlib.h>
void altEntry(void) { puts("altEntry"); exit(0); }
int main(void) { puts("main"); return 0; }' "$T/a.o"
  printf 'ENTRY(altEntry)\n' >"$T/entry.ld"
  mldLink gcc "$T/exe" "$T/a.o" "$T/entry.ld"
  refLink gcc "$T/exe.bfd" "$T/a.o" "$T/entry.ld"
  expectOutput "$T/exe" "$("$T/exe.bfd")"
  expectOutput "$T/exe" altEntry
  mldLink gcc "$T/exe2" "$T/a.o" "$T/entry.ld" -Wl,-e,_start
  expectOutput "$T/exe2" main
}

# -T FILE / --script FILE: the script is read where it stands, found in the
# directories of earlier -L options when not in the current one; its ENTRY
# sets the entry point as with ld.bfd. A SECTIONS command is refused with
# the file and line named.
case_script_option() {
  mkdir -p "$T/scripts"
  printf 'ENTRY(start2)\n' >"$T/scripts/entry.ld"
  printf '/* layout */\nSECTIONS { .text : { *(.text) } }\n' >"$T/scripts/layout.ld"
  srcObjAsm '.globl start2
.text
start2: mov $60, %eax
  mov $42, %edi
  syscall' "$T/s.o"
  local how
  for how in "-T entry.ld" "-Tentry.ld" "--script=entry.ld" "--script entry.ld"; do
    (cd "$T" && "$MLD_GCC_DIR/ld" -L scripts $how s.o -o t.mld) 2>"$T/err" || fail "'$how': $(cat "$T/err")"
    (cd "$T" && ld.bfd -L scripts $how s.o -o t.bfd) || fail "(setup) ld.bfd '$how'"
    local mine ref
    mine=$(readelf -h "$T/t.mld" | awk '/Entry point/ {print $4}')
    [ "$mine" = "0x$(nm "$T/t.mld" | awk '$3 == "start2" {sub(/^0+/, "", $1); print $1}')" ] ||
      fail "'$how': entry $mine is not start2"
    (cd "$T" && ./t.mld)
    [ $? = 42 ] || fail "'$how': the program did not exit 42"
  done
  mldLinkFails gcc "$T/t2" -nostdlib -L"$T/scripts" -Wl,-T,layout.ld "$T/s.o"
  expectErr "layout.ld: line 2: unsupported linker script command SECTIONS"
}

# srcObjAsm TEXT OUT: assemble TEXT into OUT.
srcObjAsm() {
  printf '%s\n' "$1" | gcc -c -x assembler - -o "$2" || fail "assemble $2"
}

# --require-defined SYM pulls SYM from an archive as -u does, and is an
# error in ld.bfd's words when nothing defines it; --ignore-unresolved-symbol
# SYM lets an undefined SYM pass while other undefined names still fail.
case_require_defined_and_ignore_unresolved() {
  ccText 'int pulled(void) { return 3; }' "$T/p.o"
  ccText 'int main(void) { return 0; }' "$T/m.o"
  ccText 'int gone(void); int other(void); int use(void) { return gone() + other(); }' "$T/u.o"
  rm -f "$T/libp.a" && ar rcs "$T/libp.a" "$T/p.o"
  mldLink gcc "$T/r" "$T/m.o" -Wl,--require-defined=pulled "$T/libp.a"
  nm "$T/r" | grep -q ' T pulled$' || fail "--require-defined did not pull the member"
  mldLinkFails gcc "$T/r2" "$T/m.o" -Wl,--require-defined=nowhere
  expectErr "required symbol \`nowhere' not defined"
  gcc -fuse-ld=bfd "$T/m.o" -Wl,--require-defined=nowhere -o "$T/r2.bfd" 2>"$T/bfd.err" &&
    fail "(setup) ld.bfd linked"
  grep -q "required symbol \`nowhere' not defined" "$T/bfd.err" || fail "(setup) ld.bfd said $(cat "$T/bfd.err")"
  mldLink gcc "$T/lib.so" -shared -Wl,-z,defs "$T/u.o" -Wl,--ignore-unresolved-symbol=gone \
    -Wl,--ignore-unresolved-symbol=other
  mldLinkFails gcc "$T/lib2.so" -shared -Wl,-z,defs "$T/u.o" -Wl,--ignore-unresolved-symbol=gone
  expectErr "undefined symbol: other"
  grep -q 'undefined symbol: gone' "$T/lib2.so.link.err" && fail "the ignored name was reported"
  return 0
}

# -F NAME / -f NAME write DT_FILTER / DT_AUXILIARY, -Bgroup DF_1_GROUP (and
# reports undefined names as report-all does): the tags ld.bfd writes.
case_filter_auxiliary_bgroup() {
  ccText 'int g(void) { return 1; } int f(void) { return g(); }' "$T/a.o" -fPIC
  ccText 'int g(void); int f(void) { return g(); }' "$T/u.o" -fPIC
  local how tag
  for how in "-Wl,-F,libfil.so -Wl,-f,libaux.so" "-Wl,--filter=x.so,--auxiliary=y.so,--auxiliary=z.so" \
    "-Wl,-Bgroup"; do
    mldLink gcc "$T/l.so" -shared -nostdlib "$T/a.o" $how
    refLink gcc "$T/l.bfd.so" -shared -nostdlib "$T/a.o" $how
    for tag in FILTER AUXILIARY FLAGS_1; do
      [ "$(dynTag "$T/l.so" $tag)" = "$(dynTag "$T/l.bfd.so" $tag)" ] ||
        fail "'$how': DT_$tag '$(dynTag "$T/l.so" $tag)', ld.bfd: '$(dynTag "$T/l.bfd.so" $tag)'"
    done
  done
  [ "$(dynTag "$T/l.so" FLAGS_1)" = "Flags: GROUP" ] || fail "-Bgroup: DT_FLAGS_1 $(dynTag "$T/l.so" FLAGS_1)"
  mldLinkFails gcc "$T/u.so" -shared -nostdlib "$T/u.o" -Wl,-Bgroup
  expectErr "undefined symbol: g"
}

# --dynamic-list-cpp-new keeps operator new and delete preemptible in a
# shared object while the rest binds locally (as any dynamic list makes it):
# both define operator new, and the program's serves the library's `new`;
# the library's helper() stays its own. The same output as with ld.bfd.
case_dynamic_list_cpp_new() {
  printf '%s\n' '#include <cstdlib>
#include <new>
void *operator new(std::size_t n) { return std::malloc(n); }
int helper() { return 1; }
int *make() { return new int(helper()); }' | g++ -fPIC -c -x c++ - -o "$T/l.o" || fail "compile"
  printf '%s\n' '#include <cstdio>
#include <cstdlib>
#include <new>
static int news;
void *operator new(std::size_t n) { ++news; return std::malloc(n); }
int helper() { return 100; }
int *make();
int main() { int *p = make(); std::printf("value %d, program news %d\n", *p, news); return 0; }' |
    g++ -c -x c++ - -o "$T/m.o" || fail "compile"
  mldLink g++ "$T/libl.so" -shared "$T/l.o" -Wl,--dynamic-list-cpp-new
  mldLink g++ "$T/e" "$T/m.o" "$T/libl.so" -Wl,-rpath,"$T"
  runProg "$T/e"
  cp "$T/e.out" "$T/mine.out"
  refLink g++ "$T/libl.so" -shared "$T/l.o" -Wl,--dynamic-list-cpp-new
  refLink g++ "$T/e.bfd" "$T/m.o" "$T/libl.so" -Wl,-rpath,"$T"
  runProg "$T/e.bfd"
  [ "$(cat "$T/mine.out")" = "value 1, program news 1" ] || fail "printed '$(cat "$T/mine.out")'"
  cmp -s "$T/mine.out" "$T/e.bfd.out" || fail "ld.bfd's printed '$(cat "$T/e.bfd.out")'"
}

# --dependency-file: a make rule naming every file the link read (objects,
# archives, shared objects, the scripts inside libc.so and the version
# script), each once; the same files ld.bfd lists. Spaces are escaped.
case_dependency_file() {
  ccText 'int g(void) { return 0; }' "$T/g.o"
  ccText 'int g(void); int main(void) { return g(); }' "$T/m.o"
  rm -f "$T/libg.a" && ar rcs "$T/libg.a" "$T/g.o"
  printf '{ global: main; local: *; };\n' >"$T/v.map"
  mldLink gcc "$T/out file" "$T/m.o" -L"$T" -lg -Wl,--version-script="$T/v.map" \
    -Wl,--dependency-file="$T/mine.d"
  refLink gcc "$T/out.bfd" "$T/m.o" -L"$T" -lg -Wl,--version-script="$T/v.map" \
    -Wl,--dependency-file="$T/ref.d"
  head -1 "$T/mine.d" | grep -qF "$T/out\\ file: \\" || fail "first line: $(head -1 "$T/mine.d")"
  local mine ref
  mine=$(grep ':$' "$T/mine.d" | sort)
  ref=$(grep ':$' "$T/ref.d" | sort -u)
  [ "$mine" = "$ref" ] || fail "dependencies differ from ld.bfd's: $(diff <(echo "$ref") <(echo "$mine"))"
  grep -qF "$T/libg.a:" "$T/mine.d" || fail "the archive is not listed"
}

# C++ names in diagnostics are demangled, as ld.bfd prints them, unless
# --no-demangle.
case_demangled_diagnostics() {
  printf 'int foo(int); int main() { return foo(1); }\n' | g++ -c -x c++ - -o "$T/c.o" || fail "compile"
  mldLinkFails g++ "$T/c" "$T/c.o"
  expectErr "undefined symbol: foo(int)"
  mldLinkFails g++ "$T/c" "$T/c.o" -Wl,--no-demangle
  expectErr "undefined symbol: _Z3fooi"
}

# -static and -Bstatic are positional, as for -l: a shared library named
# while they are in force is an error ("attempted static link of dynamic
# object", for -shared too), one named before -static or after -Bdynamic is
# linked and the program is dynamic, with an interpreter, as with ld.bfd.
case_static_is_positional() {
  ccText 'int main(void) { return 0; }' "$T/m.o"
  ccText 'int main(void) { return 0; }' "$T/p.o" -fPIC
  local libc=/lib/x86_64-linux-gnu/libc.so.6 how f
  local crt=()
  for f in crt1.o crti.o crtn.o; do crt+=("$(gcc -print-file-name=$f)"); done
  # (gcc adds its libraries last: only -nostdlib can put -static after them.)
  for how in "$T/m.o -Wl,-static -Wl,-Bdynamic" "-nostdlib ${crt[0]} ${crt[1]} $T/m.o $libc ${crt[2]} -Wl,-static"; do
    mldLink gcc "$T/d" -no-pie $how
    refLink gcc "$T/d.bfd" -no-pie $how
    [ "$(neededOf "$T/d")" = "$(neededOf "$T/d.bfd")" ] ||
      fail "'$how': DT_NEEDED [$(neededOf "$T/d")], ld.bfd [$(neededOf "$T/d.bfd")]"
    readelf -lW "$T/d" | grep -q INTERP || fail "'$how': no PT_INTERP"
    expectOutput "$T/d" ""
  done
  mldLinkFails gcc "$T/s" -no-pie "$T/m.o" -Wl,-Bstatic "$libc"
  expectErr "$libc: attempted static link of dynamic object"
  mldLinkFails gcc "$T/s.so" -shared "$T/p.o" -Wl,-Bstatic "$libc"
  expectErr "$libc: attempted static link of dynamic object"
}

# --sort-common places common symbols by alignment class (16 and more, 8,
# 4, 2, 1), descending by default; -d (-dc, -dp) allocates them in .bss even
# with -r. One common per class, so the order is ld.bfd's exactly.
case_sort_common_and_define_common() {
  ccText 'char c1; int c4; long c8; long c32[4]; int main(void) { return c1 + c4 + c8 + c32[0]; }' \
    "$T/c.o" -fcommon
  local order how
  order() { nm -n "$1" | awk '$3 ~ /^c(1|4|8|32)$/ {print $3}' | tr '\n' ' '; }
  for how in --sort-common --sort-common=descending --sort-common=ascending; do
    mldLink gcc "$T/s" "$T/c.o" -Wl,$how
    refLink gcc "$T/s.bfd" "$T/c.o" -Wl,$how
    [ "$(order "$T/s")" = "$(order "$T/s.bfd")" ] ||
      fail "$how: commons in the order '$(order "$T/s")', ld.bfd '$(order "$T/s.bfd")'"
  done
  [ "$(order "$T/s")" = "c1 c4 c8 c32 " ] || fail "--sort-common=ascending: $(order "$T/s")"
  mldLinkFails gcc "$T/bad" "$T/c.o" -Wl,--sort-common=sideways
  expectErr "invalid --sort-common: sideways"
  # -r keeps commons as SHN_COMMON; -d makes them .bss definitions.
  # commons FILE: "name size section" of each, the section by name.
  commons() {
    readelf -SW "$1" | sed -n 's/^ *\[ *\([0-9]*\)\] \([^ ]*\) .*/\1 \2/p' >"$1.secs"
    readelf -sW "$1" | awk -v secs="$1.secs" 'BEGIN { while ((getline l < secs) > 0) { split(l, f, " "); n[f[1]] = f[2] } }
      $8 ~ /^c[0-9]+$/ { print $8, $3, ($7 in n) ? n[$7] : $7 }' | sort
  }
  local d
  for d in -d -dc -dp; do
    mldLink gcc "$T/r.o" -r "$T/c.o" -Wl,$d
    refLink gcc "$T/r.bfd.o" -r "$T/c.o" -Wl,$d
    [ "$(commons "$T/r.o")" = "$(commons "$T/r.bfd.o")" ] ||
      fail "-r $d: commons [$(commons "$T/r.o")], ld.bfd [$(commons "$T/r.bfd.o")]"
  done
  commons "$T/r.o" | grep -q '^c32 32 .bss$' || fail "-r -dp: c32 not in .bss: $(commons "$T/r.o")"
  readelf -sW "$T/r.o" | grep -q ' COM ' && fail "-r -dp left a common"
  mldLink gcc "$T/r2.o" -r "$T/c.o"
  readelf -sW "$T/r2.o" | grep -q ' COM c32$' || fail "-r without -d allocated the commons"
  mldLink gcc "$T/rd" "$T/r.o"
  expectOutput "$T/rd" ""
}

# --package-metadata writes .note.package (owner FDO, type 0xcafe1a7e, the
# JSON as given with its NUL) byte for byte as ld.bfd; --spare-dynamic-tags
# leaves N more DT_NULL entries; --hash-size and --ctf-variables are taken.
case_package_note_and_spare_tags() {
  ccText 'int main(void) { return 0; }' "$T/m.o"
  local json='{"type":"deb","name":"mld-test","version":"1.0%[comma]x"}'
  # (-Xlinker: -Wl, would split the JSON at its commas.)
  mldLink gcc "$T/p" "$T/m.o" -Xlinker "--package-metadata=$json" -Wl,--hash-size=31 -Wl,--ctf-variables
  refLink gcc "$T/p.bfd" "$T/m.o" -Xlinker "--package-metadata=$json"
  local hex
  hex() { readelf -x .note.package "$1" | awk '/^  0x/ {print $2, $3, $4, $5}'; }
  [ -n "$(hex "$T/p.bfd")" ] || fail "(setup) ld.bfd wrote no .note.package"
  [ "$(hex "$T/p")" = "$(hex "$T/p.bfd")" ] ||
    fail ".note.package differs from ld.bfd's: $(hex "$T/p") / $(hex "$T/p.bfd")"
  readelf -nW "$T/p" | grep -qF "Packaging Metadata: $json" || fail "readelf -n does not show the note"
  expectOutput "$T/p" ""
  local size0 size3
  mldLink gcc "$T/t0" "$T/m.o" -Wl,--spare-dynamic-tags=0
  mldLink gcc "$T/t3" "$T/m.o" -Wl,--spare-dynamic-tags=3
  local dynSize='s/.* \.dynamic *DYNAMIC *[0-9a-f]* [0-9a-f]* \([0-9a-f]*\) .*/\1/p'
  size0=$(readelf -SW "$T/t0" | sed -n "$dynSize")
  size3=$(readelf -SW "$T/t3" | sed -n "$dynSize")
  [ -n "$size0" ] && [ $((16#$size3 - 16#$size0)) = 48 ] || fail ".dynamic is $size0 bytes, $size3 with 3 spare tags"
  expectOutput "$T/t3" ""
}

# -z start-stop-visibility sets __start_SEC's visibility as in ld.bfd;
# -z start-stop-gc lets --gc-sections drop a section only __start_SEC
# names (the rule GNU ld documents and lld follows: a weak reference then
# sees 0), -z nostart-stop-gc (the default) keeps it.
case_start_stop_options() {
  local src='#include <stdio.h>
extern char __start_foo[] __attribute__((weak)), __stop_foo[] __attribute__((weak));
int v __attribute__((section("foo"))) = 42;
int main(void) { printf("%d\n", __start_foo ? (int)(__stop_foo - __start_foo) : -1); return 0; }'
  ccText "$src" "$T/s.o" -fdata-sections -ffunction-sections
  local vis
  for vis in hidden default protected internal; do
    mldLink gcc "$T/v" "$T/s.o" -Wl,-z,start-stop-visibility=$vis
    refLink gcc "$T/v.bfd" "$T/s.o" -Wl,-z,start-stop-visibility=$vis
    [ "$(readelf -sW "$T/v" | awk '$8 == "__start_foo" {print $6}')" = \
      "$(readelf -sW "$T/v.bfd" | awk '$8 == "__start_foo" {print $6}')" ] ||
      fail "-z start-stop-visibility=$vis: $(readelf -sW "$T/v" | grep __start_foo)"
  done
  mldLink gcc "$T/keep" "$T/s.o" -Wl,--gc-sections
  expectOutput "$T/keep" 4
  mldLink gcc "$T/gc" "$T/s.o" -Wl,--gc-sections -Wl,-z,start-stop-gc
  expectOutput "$T/gc" -1
  mldLink gcc "$T/nogc" "$T/s.o" -Wl,--gc-sections -Wl,-z,start-stop-gc -Wl,-z,nostart-stop-gc
  expectOutput "$T/nogc" 4
  mldLinkFails gcc "$T/bad" "$T/s.o" -Wl,-z,start-stop-visibility=secret
  expectErr "invalid -z start-stop-visibility: secret"
}

# The last of -shared, -pie and -no-pie decides the output kind; an -rpath
# value already present as a run of entries is not repeated; a shared
# object with initial-exec TLS is marked DF_STATIC_TLS. As ld.bfd does.
case_kind_rpath_static_tls() {
  printf '.globl _start\n_start: ret\n.section .note.GNU-stack,"",@progbits\n' |
    gcc -c -x assembler - -o "$T/s.o" || fail "compile s.o"
  local how kind
  kind() { echo "$(elfType "$1") $(readelf -dW "$1" | grep -c 'Flags:.*PIE')"; }
  for how in "-shared -pie" "-pie -shared" "-shared -no-pie" "-no-pie -shared" "-pie -no-pie"; do
    mldLink gcc "$T/k" -nostdlib $how "$T/s.o"
    refLink gcc "$T/k.bfd" -nostdlib $how "$T/s.o"
    [ "$(kind "$T/k")" = "$(kind "$T/k.bfd")" ] ||
      fail "'$how': type and PIE flag '$(kind "$T/k")', ld.bfd '$(kind "$T/k.bfd")'"
  done
  local runpath
  runpath() { readelf -dW "$1" | sed -n 's/.*Library runpath: \[\(.*\)\]/\1/p'; }
  for how in "-Wl,-rpath,/foo,-rpath,/bar,-rpath,/foo,-rpath,/baz" "-Wl,-rpath,/foo:/bar,-rpath,/foo" \
    "-Wl,-rpath,/foo:/bar,-rpath,/foo:/baz"; do
    mldLink gcc "$T/r" -nostdlib -shared "$T/s.o" $how
    refLink gcc "$T/r.bfd" -nostdlib -shared "$T/s.o" $how
    [ "$(runpath "$T/r")" = "$(runpath "$T/r.bfd")" ] ||
      fail "'$how': RUNPATH '$(runpath "$T/r")', ld.bfd '$(runpath "$T/r.bfd")'"
  done
  ccText 'static _Thread_local int foo = 5; int bar(void) { return foo; }' "$T/ie.o" -fPIC \
    -ftls-model=initial-exec
  mldLink gcc "$T/ie.so" -shared "$T/ie.o"
  readelf -dW "$T/ie.so" | grep -q '(FLAGS) .*STATIC_TLS' || fail "no DF_STATIC_TLS: $(readelf -dW "$T/ie.so" | grep FLAGS)"
  ccText 'static _Thread_local int foo = 5; int bar(void) { return foo; }' "$T/gd.o" -fPIC
  mldLink gcc "$T/gd.so" -shared "$T/gd.o"
  readelf -dW "$T/gd.so" | grep -q 'STATIC_TLS' && fail "DF_STATIC_TLS without initial-exec TLS"
  return 0
}
