# rules-cases.sh: GNU ld rules for undefined names, version scripts and the
# default script's section order (issue 10): --unresolved-symbols and its
# companions, --[no-]undefined-version, .ctors/.dtors in .init_array and
# .fini_array, -Bsymbolic's DT_SYMBOLIC, .text.hot/.text.unlikely order.
# Each case writes its sources inline and compares with ld.bfd: whether the
# link succeeds, the program's output, or the ELF fields both linkers write.

# srcObj LANG TEXT OUT FLAGS...: compile TEXT (LANG: c, c++ or assembler) to OUT.
srcObj() {
  local lang=$1 text=$2 out=$3
  shift 3
  printf '%s\n' "$text" | gcc "$@" -c -x "$lang" - -o "$out" || fail "compile $out"
}

# likeBfd NAME ARGS...: link ARGS with ld.bfd into $T/NAME.bfd; then with
# mld into $T/NAME, which must succeed if ld.bfd's link did (and print a
# warning if ld.bfd's did) and fail the way mldLinkFails checks otherwise.
# Sets linkOk to 1 or 0.
likeBfd() {
  local name=$1
  shift
  rm -f "$T/$name.bfd"
  if gcc -fuse-ld=bfd "$@" -o "$T/$name.bfd" 2>"$T/$name.bfd.link.err"; then
    linkOk=1
    mldLink gcc "$T/$name" "$@"
    if grep -q 'warning: ' "$T/$name.bfd.link.err" &&
      ! grep -q '^mld: warning: ' "$T/$name.link.err"; then
      fail "$name: ld.bfd warned, mld did not: $(cat "$T/$name.bfd.link.err")"
    fi
  else
    linkOk=0
    mldLinkFails gcc "$T/$name" "$@"
  fi
}

# Names regular objects refer to (foo, bar) and a name a needed shared
# library refers to (notDefinedAnywhere), under every mode of GNU ld's two
# switches; where the link succeeds, the non-PIC program runs like ld.bfd's
# (the unused names are 0).
case_unresolved_symbols_modes() {
  srcObj c '#include <stdio.h>
extern void foo(void);
extern int bar;
volatile int never;
int main(void) { puts("ran"); if (never) { foo(); return bar; } return 0; }' "$T/undef.o" -fno-PIC
  srcObj c 'int notDefinedAnywhere(void);
int libCallsMissing(void) { return notDefinedAnywhere(); }' "$T/lib.o" -fPIC
  srcObj c 'int libCallsMissing(void); int main(void) { return libCallsMissing() * 0; }' \
    "$T/uselib.o" -fPIC
  gcc -fuse-ld=bfd -shared "$T/lib.o" -o "$T/libmissing.so" || fail "(test setup) libmissing.so"
  local mode i=0
  local -a objectModes=(
    ""
    "-Wl,--unresolved-symbols=ignore-all"
    "-Wl,--unresolved-symbols=report-all"
    "-Wl,--unresolved-symbols=ignore-in-object-files"
    "-Wl,--unresolved-symbols=ignore-in-shared-libs"
    "-Wl,--warn-unresolved-symbols"
    "-Wl,--warn-unresolved-symbols,--error-unresolved-symbols"
    "-Wl,--unresolved-symbols=ignore-all,--warn-unresolved-symbols"
    "-Wl,--no-undefined,-z,undefs"
    "-Wl,-z,undefs,--no-undefined")
  for mode in "${objectModes[@]}"; do
    i=$((i + 1))
    likeBfd "exe$i" -no-pie "$T/undef.o" $mode
    [ $linkOk = 1 ] && compareRun "$T/exe$i" "$T/exe$i.bfd"
  done
  # In -shared output undefined names are allowed unless asked otherwise.
  srcObj c 'extern int bar; int get(void) { return bar; }' "$T/pic.o" -fPIC
  for mode in "" "-Wl,--no-undefined" "-Wl,--unresolved-symbols=report-all" \
    "-Wl,--unresolved-symbols=ignore-in-shared-libs" \
    "-Wl,--unresolved-symbols=ignore-in-object-files" "-Wl,-z,defs,--warn-unresolved-symbols"; do
    i=$((i + 1))
    likeBfd "lib$i.so" -shared "$T/pic.o" $mode
  done
  # A needed library's undefined name (its default, which GNU ld reports
  # for executables, differs: see docs/command-line.md).
  for mode in "-Wl,--no-allow-shlib-undefined" "-Wl,--allow-shlib-undefined" \
    "-Wl,--unresolved-symbols=ignore-all" "-Wl,--unresolved-symbols=report-all" \
    "-Wl,--unresolved-symbols=ignore-in-object-files" \
    "-Wl,--unresolved-symbols=ignore-in-shared-libs" \
    "-Wl,--no-allow-shlib-undefined,--warn-unresolved-symbols" \
    "-shared" "-shared -Wl,--unresolved-symbols=report-all" \
    "-shared -Wl,--no-allow-shlib-undefined"; do
    i=$((i + 1))
    likeBfd "uselib$i" "$T/uselib.o" "$T/libmissing.so" $mode
  done
  # The messages: errors by default, warnings with --warn-unresolved-symbols.
  mldLinkFails gcc "$T/msg" -no-pie "$T/undef.o"
  expectErr "mld: error: undefined symbol: foo"
  expectErr "undef.o:(.text+0x"
  mldLink gcc "$T/warned" -no-pie "$T/undef.o" -Wl,--warn-unresolved-symbols
  grep -q '^mld: warning: undefined symbol: bar$' "$T/warned.link.err" ||
    fail "no warning for bar: $(cat "$T/warned.link.err")"
  mldLinkFails gcc "$T/shmsg" "$T/uselib.o" "$T/libmissing.so" -Wl,--no-allow-shlib-undefined
  expectErr "mld: error: undefined reference due to --no-allow-shlib-undefined: notDefinedAnywhere"
  mldLinkFails gcc "$T/bad" "$T/undef.o" -Wl,--unresolved-symbols=some
  expectErr "mld: error: bad --unresolved-symbols option: some"
  # --fatal-warnings makes the warnings errors again.
  mldLinkFails gcc "$T/fatal" -no-pie "$T/undef.o" -Wl,--warn-unresolved-symbols,--fatal-warnings
}

# A version script naming a symbol nothing defines: accepted silently by
# default (GNU ld 2.40; lld would refuse), an error naming the symbol with
# --no-undefined-version. Only exact `global:` names count; a hidden
# definition is a definition, a name only a shared library defines is not,
# `local:` names and wildcards are not checked; extern "C++" names are
# compared demangled.
case_undefined_version() {
  srcObj c '#include <stdio.h>
int foo(void) { return puts("foo"); }
__attribute__((visibility("hidden"))) int hid(void) { return 2; }' "$T/v.o" -fPIC
  srcObj c++ 'namespace ns { int x() { return 1; } }' "$T/cxx.o" -fPIC
  local i=0 script
  for script in 'V1 { global: foo; nothere; local: *; };' \
    '{ global: foo; nothere; local: *; };' \
    'V1 { global: foo; puts; local: *; };' \
    'V1 { global: foo; hid; local: *; };' \
    'V1 { global: foo; }; V2 { global: later; } V1;' \
    'V1 { global: foo; no*; local: notlocal; };' \
    'V1 { global: foo; extern "C++" { "ns::x()"; }; local: *; };' \
    'V1 { global: foo; extern "C++" { "ns::y()"; }; local: *; };'; do
    i=$((i + 1))
    printf '%s\n' "$script" >"$T/v$i.map"
    likeBfd "lib$i.so" -shared "$T/v.o" "$T/cxx.o" -Wl,--version-script="$T/v$i.map"
    [ $linkOk = 1 ] || fail "ld.bfd refused $script without --no-undefined-version"
    likeBfd "strict$i.so" -shared "$T/v.o" "$T/cxx.o" -Wl,--version-script="$T/v$i.map" \
      -Wl,--no-undefined-version
    # The last option counts.
    likeBfd "relaxed$i.so" -shared "$T/v.o" "$T/cxx.o" -Wl,--version-script="$T/v$i.map" \
      -Wl,--no-undefined-version,--undefined-version
  done
  mldLinkFails gcc "$T/msg.so" -shared "$T/v.o" -Wl,--version-script="$T/v1.map" \
    -Wl,--no-undefined-version
  expectErr "mld: error: $T/v1.map: version 'V1' names 'nothere', which is not defined (--no-undefined-version)"
  mldLinkFails gcc "$T/msg.so" -shared "$T/v.o" "$T/cxx.o" -Wl,--version-script="$T/v8.map" \
    -Wl,--no-undefined-version
  expectErr "names 'ns::y()', which is not defined"
}

# .ctors/.dtors (and .ctors.NNNNN) from hand-written or old objects go into
# .init_array/.fini_array as in GNU ld's default script: prioritized ones by
# priority (65535 - NNNNN for .ctors.NNNNN; equal priorities by name), then
# the rest in link order, a .ctors section's entries reversed. The program
# prints the order its constructors and destructors run in, which must be
# ld.bfd's, in PIE, non-PIE, static and shared-library links.
case_ctors_into_init_array_order() {
  local text='#include <stdio.h>
#define ENTRY(sec, name) static void name(void) { puts(#name " " sec); } \
  __attribute__((section(sec), used)) static void (*p_##name)(void) = name;
ENTRY(".ctors", ctorA) ENTRY(".ctors", ctorB) ENTRY(".ctors.00100", ctor100)
ENTRY(".ctors.65435", ctor65435) ENTRY(".ctors.65335", ctor65335)
ENTRY(".init_array", init) ENTRY(".init_array.00100", init100)
ENTRY(".init_array.65435", init65435) ENTRY(".init_array.00200", init200)
ENTRY(".dtors", dtorA) ENTRY(".dtors", dtorB) ENTRY(".dtors.00100", dtor100)
ENTRY(".fini_array", fini) ENTRY(".fini_array.00100", fini100)
ENTRY(".fini_array.65435", fini65435)'
  srcObj c "$text
int main(void) { puts(\"main\"); return 0; }" "$T/a.o" -fPIE
  srcObj c '#include <stdio.h>
static void ctor2(void) { puts("ctor2"); }
static void dtor2(void) { puts("dtor2"); }
__attribute__((section(".ctors"), used)) static void (*p1)(void) = ctor2;
__attribute__((section(".dtors"), used)) static void (*p2)(void) = dtor2;' "$T/b.o" -fPIE
  sameAsBfd gcc pie "$T/a.o" "$T/b.o"
  grep -qx 'ctorB .ctors' "$T/pie.out" || fail "no .ctors constructor ran"
  sameAsBfd gcc nopie -no-pie "$T/b.o" "$T/a.o"
  sameAsBfd gcc static -static "$T/a.o" "$T/b.o"
  readelf -SW "$T/pie" | grep -qE '\.(c|d)tors' && fail ".ctors/.dtors kept as sections"
  # In a shared library (run when the program loads it).
  srcObj c "$text" "$T/lib.o" -fPIC
  srcObj c '#include <stdio.h>
int main(void) { puts("main"); return 0; }' "$T/main.o" -fPIE
  mldLink gcc "$T/libct.so" -shared "$T/lib.o"
  refLink gcc "$T/libct.bfd.so" -shared "$T/lib.o"
  refLink gcc "$T/uses-mld" "$T/main.o" "$T/libct.so" -Wl,--no-as-needed
  refLink gcc "$T/uses-bfd" "$T/main.o" "$T/libct.bfd.so" -Wl,--no-as-needed
  compareRun "$T/uses-mld" "$T/uses-bfd"
}

# dynTags FILE: the .dynamic tags FILE has, one a line, in order, without
# values (the addresses differ between linkers).
dynTags() {
  readelf -dW "$1" | sed -n 's/^ *0x[0-9a-f]* *(\([A-Z_0-9]*\)).*/\1/p'
}

# -Bsymbolic writes DT_SYMBOLIC (after DT_SONAME) and DF_SYMBOLIC in
# DT_FLAGS, as ld.bfd does, only for shared objects; not with
# -Bsymbolic-functions, after -Bno-symbolic, or when a dynamic or export
# list makes it "all but the listed".
case_bsymbolic_dt_symbolic() {
  srcObj c 'int foo(void) { return 1; } int var = 2;' "$T/a.o" -fPIC
  printf '{ foo; };\n' >"$T/dyn.list"
  local i=0 opts
  for opts in "-Wl,-Bsymbolic" "-Wl,-Bsymbolic,-soname,libx.so,-rpath,/nowhere" \
    "-Wl,-Bsymbolic-functions" "-Wl,-Bsymbolic,-Bno-symbolic" \
    "-Wl,-Bsymbolic-functions,-Bsymbolic" "-Wl,-Bsymbolic,--dynamic-list=$T/dyn.list" \
    "-Wl,-Bsymbolic,--export-dynamic-symbol=foo" "-Wl,-Bsymbolic,--dynamic-list-data"; do
    i=$((i + 1))
    mldLink gcc "$T/lib$i.so" -shared "$T/a.o" $opts
    refLink gcc "$T/lib$i.bfd.so" -shared "$T/a.o" $opts
    local mine ref
    mine=$(dynTags "$T/lib$i.so" | grep -E 'SONAME|SYMBOLIC|RUNPATH|RPATH' | tr '\n' ' ')
    ref=$(dynTags "$T/lib$i.bfd.so" | grep -E 'SONAME|SYMBOLIC|RUNPATH|RPATH' | tr '\n' ' ')
    [ "$mine" = "$ref" ] || fail "$opts: tags '$mine', ld.bfd's '$ref'"
    mine=$(readelf -dW "$T/lib$i.so" | grep -c '(FLAGS) .*SYMBOLIC')
    ref=$(readelf -dW "$T/lib$i.bfd.so" | grep -c '(FLAGS) .*SYMBOLIC')
    [ "$mine" = "$ref" ] || fail "$opts: DF_SYMBOLIC $mine, ld.bfd $ref"
  done
  dynTags "$T/lib1.so" | grep -qx SYMBOLIC || fail "-Bsymbolic: no DT_SYMBOLIC"
  # An executable gets neither (ld.bfd's -Bsymbolic is for shared objects).
  srcObj c 'int main(void) { return 0; }' "$T/main.o" -fPIE
  mldLink gcc "$T/exe" "$T/main.o" -Wl,-Bsymbolic
  readelf -dW "$T/exe" | grep -q SYMBOLIC && fail "a PIE got DT_SYMBOLIC or DF_SYMBOLIC"
  return 0
}

# .text's members in the order of GNU ld's default script: .text.unlikely
# (and .text.*_unlikely), .text.exit, .text.startup, .text.hot, then
# .text.sorted.* by name, then the rest, each group in link order. The
# functions' address order must be ld.bfd's.
case_text_hot_unlikely_order() {
  srcObj c '#define F(sec, name) __attribute__((section(sec), noinline)) int name(void) { return __LINE__; }
F(".text", plain1) F(".text.hot", hot1) F(".text.unlikely", unlikely1)
F(".text.startup", startup1) F(".text.exit", exit1) F(".text.hot.x", hotx)
F(".text.unlikely.y", unlikelyy) F(".text.foo_unlikely", foounl)
F(".text.sorted.b", sortedb) F(".text.sorted.a", sorteda) F(".text.other", other1)
F(".text.hotter", hotter) F(".text.exit.z", exitz) F(".text.startupx", startupx)
int main(void) { return 0; }' "$T/a.o"
  srcObj c '#define F(sec, name) __attribute__((section(sec), noinline)) int name(void) { return __LINE__; }
F(".text.hot", hot2) F(".text", plain2) F(".text.unlikely", unlikely2)
F(".text.sorted.0", sorted0) F(".text.startup.main2", startup2)' "$T/b.o"
  local order
  for order in "a b" "b a"; do
    local objs=() o
    for o in $order; do objs+=("$T/$o.o"); done
    mldLink gcc "$T/exe" "${objs[@]}"
    refLink gcc "$T/exe.bfd" "${objs[@]}"
    local mine ref
    mine=$(nm -n "$T/exe" | awk '$2 == "T" && $3 !~ /^_(init|fini)$/ {print $3}' | tr '\n' ' ')
    ref=$(nm -n "$T/exe.bfd" | awk '$2 == "T" && $3 !~ /^_(init|fini)$/ {print $3}' | tr '\n' ' ')
    [ "$mine" = "$ref" ] || fail "function order ($order):
 mld:    $mine
 ld.bfd: $ref"
    runProg "$T/exe"
    [ "$runRc" = 0 ] || fail "exe exited $runRc"
  done
}

# sectionSegment FILE SECTION: the index of the PT_LOAD holding SECTION.
loadOf() {
  readelf -lW "$1" | awk -v s="$2" '
    /^ *LOAD/ { loads[n++] = NR }
    /Section to Segment mapping/ { map = 1; next }
    map && $1 ~ /^[0-9]+$/ { for (i = 2; i <= NF; i++) if ($i == s) print $1 }' | head -1
}

# -mcmodel=medium's large sections come after everything else, as in GNU
# ld's default script: .lbss right after .bss in its segment, then .lrodata
# and .ldata in segments of their own, so small data stays near the code.
# The section order and the program's output must be ld.bfd's.
sizeOf() { readelf -SW "$1" | awk -v s="$2" '$2 == s {print $6} $3 == s {print $7}'; }
endOf() { readelf -SW "$1" | awk -v s="$2" '$2 == s {print "(0x" $4 " + 0x" $6 ")"} $3 == s {print "(0x" $5 " + 0x" $7 ")"}'; }
case_large_sections_placement() {
  srcObj c '#include <stdio.h>
char big[100001];
char bigdata[100003] = {1};
const char bigro[100005] = {2};
int small = 3, smallbss;
int main(void) { printf("%d %d %d %d\n", big[5], bigdata[0], bigro[0], small + smallbss); return 0; }' \
    "$T/a.o" -mcmodel=medium
  local kind
  for kind in "" -no-pie -static; do
    local name=exe${kind//-/_}
    sameAsBfd gcc "$name" $kind "$T/a.o"
    local mine ref
    mine=$(readelf -SW "$T/$name" | sed -n 's/^ *\[ *[0-9]*\] \(\.[a-z_.]*\) .*/\1/p' |
      grep -E "^\.(data|bss|lbss|ldata|lrodata)$" | tr '\n' ' ')
    ref=$(readelf -SW "$T/$name.bfd" | sed -n 's/^ *\[ *[0-9]*\] \(\.[a-z_.]*\) .*/\1/p' |
      grep -E "^\.(data|bss|lbss|ldata|lrodata)$" | tr '\n' ' ')
    [ "$mine" = "$ref" ] || fail "$kind: section order '$mine', ld.bfd's '$ref'"
    [ "$(loadOf "$T/$name" .lbss)" = "$(loadOf "$T/$name" .bss)" ] ||
      fail "$kind: .lbss not in .bss's segment"
    [ "$(loadOf "$T/$name" .lrodata)" != "$(loadOf "$T/$name" .rodata)" ] ||
      fail "$kind: .lrodata shares .rodata's segment"
    [ "$(loadOf "$T/$name" .ldata)" != "$(loadOf "$T/$name" .data)" ] ||
      fail "$kind: .ldata shares .data's segment"
    # .bss and .ldata end on 8-byte addresses as GNU ld's script pads them
    # (.lbss and .lrodata are not padded), and _end is 8-aligned.
    local sec
    for sec in .bss .ldata; do
      [ $(($(endOf "$T/$name" $sec) % 8)) = 0 ] || fail "$kind: $sec ends at $(endOf "$T/$name" $sec)"
      [ $(($(endOf "$T/$name.bfd" $sec) % 8)) = 0 ] || fail "(test setup) ld.bfd's $sec is not padded"
    done
    [ $((0x$(sizeOf "$T/$name" .lbss) % 8)) = $((0x$(sizeOf "$T/$name.bfd" .lbss) % 8)) ] ||
      fail "$kind: .lbss padded unlike ld.bfd's"
    local endSym
    endSym=$(nm "$T/$name" | awk '$3 == "_end" {print $1}')
    [ $((0x$endSym % 8)) = 0 ] || fail "$kind: _end 0x$endSym is not 8-aligned"
  done
}

# STB_GNU_UNIQUE definitions keep their binding in .symtab and .dynsym, and
# the output is marked ELFOSABI_GNU, as ld.bfd marks it (also for IFUNC),
# so that tools read the binding as UNIQUE; a plain C program is not.
case_gnu_unique_and_osabi() {
  srcObj c++ 'template <typename T> struct S { static int x; };
template <typename T> int S<T>::x = 5;
inline int &getv() { static int v = 7; return v; }
int use() { return S<int>::x + getv(); }' "$T/u.o" -fPIC
  srcObj c 'int puts(const char *); int main(void) { return puts("plain") < 0; }' "$T/plain.o"
  srcObj c 'static int one(void) { return 1; }
static void *pick(void) { return one; }
int f(void) __attribute__((ifunc("pick")));
int main(void) { return f() - 1; }' "$T/ifunc.o"
  mldLink g++ "$T/libu.so" -shared "$T/u.o"
  refLink g++ "$T/libu.bfd.so" -shared "$T/u.o"
  local f
  for f in .symtab .dynsym; do
    local mine ref
    mine=$(readelf -sW "$T/libu.so" | awk -v t="'$f'" '/^Symbol table/ {on = ($3 == t)} on && /UNIQUE/ {print $8}' | sort | tr '\n' ' ')
    ref=$(readelf -sW "$T/libu.bfd.so" | awk -v t="'$f'" '/^Symbol table/ {on = ($3 == t)} on && /UNIQUE/ {print $8}' | sort | tr '\n' ' ')
    [ -n "$ref" ] || fail "(test setup) ld.bfd's $f has no UNIQUE symbol"
    [ "$mine" = "$ref" ] || fail "UNIQUE symbols in $f: '$mine', ld.bfd's '$ref'"
  done
  osabi() { readelf -h "$1" | sed -n 's/^ *OS\/ABI: *//p'; }
  [ "$(osabi "$T/libu.so")" = "$(osabi "$T/libu.bfd.so")" ] ||
    fail "OS/ABI '$(osabi "$T/libu.so")', ld.bfd's '$(osabi "$T/libu.bfd.so")'"
  sameAsBfd gcc plain "$T/plain.o"
  [ "$(osabi "$T/plain")" = "$(osabi "$T/plain.bfd")" ] || fail "plain program: OS/ABI differs"
  mldLink gcc "$T/ifunc" "$T/ifunc.o"
  refLink gcc "$T/ifunc.bfd" "$T/ifunc.o"
  [ "$(osabi "$T/ifunc")" = "$(osabi "$T/ifunc.bfd")" ] || fail "IFUNC program: OS/ABI differs"
}

# Only a definition is an IFUNC (GNU ld's rule): a weak undefined reference
# typed IFUNC resolves to 0 like any weak undefined name, in static and PIE
# links; an absolute IFUNC's resolver address is the IRELATIVE addend.
case_ifunc_undefined_and_absolute() {
  srcObj assembler '.weak missing_ifunc
.type missing_ifunc, @gnu_indirect_function
.data
.globl ref_missing
ref_missing: .quad missing_ifunc' "$T/ref.o"
  srcObj c '#include <stdio.h>
extern void *ref_missing;
int main(void) { printf("missing IFUNC: %p\n", ref_missing); return 0; }' "$T/main.o"
  sameAsBfd gcc undef-ifunc-static -static "$T/main.o" "$T/ref.o"
  sameAsBfd gcc undef-ifunc-pie "$T/main.o" "$T/ref.o"
  grep -q 'missing IFUNC: (nil)' "$T/undef-ifunc-pie.out" || fail "weak undefined IFUNC is not 0"
  srcObj assembler '.globl abs_ifunc
.type abs_ifunc, @gnu_indirect_function
.set abs_ifunc, 0x401234
.globl _start
.text
_start: call abs_ifunc@PLT' "$T/abs.o"
  mldLink gcc "$T/abs" -static -nostdlib "$T/abs.o"
  refLink gcc "$T/abs.bfd" -static -nostdlib "$T/abs.o"
  irel() { readelf -rW "$1" | awk '/R_X86_64_IRELATIVE/ {print $3, $4}'; }
  [ "$(irel "$T/abs")" = "R_X86_64_IRELATIVE 401234" ] || fail "absolute IFUNC: '$(irel "$T/abs")'"
  [ "$(irel "$T/abs")" = "$(irel "$T/abs.bfd")" ] || fail "absolute IFUNC: ld.bfd has '$(irel "$T/abs.bfd")'"
}

# An IFUNC defined in a non-PIE executable whose address a DSO takes: the
# executable's own references use its PLT entry, and GNU ld exports the name
# as a plain function at that entry (size 0), so the DSO binds to the same
# address. As an IFUNC, glibc's ld.so refuses the program ("unsatisfiable
# circular dependency"). In a PIE or a shared object it stays an IFUNC at
# its resolver.
case_ifunc_address_equality_exported() {
  srcObj c 'int foo(void); void *get_foo(void) { return foo; }' "$T/b.o" -fPIC
  mldLink gcc "$T/libb.so" -shared "$T/b.o"
  local main='#include <stdio.h>
static int real(void) { return 42; }
static void *resolve(void) { return real; }
int foo(void) __attribute__((ifunc("resolve")));
void *get_foo(void);
int main(void) { printf("%p %p %d\n", (void *)foo, get_foo(), foo()); return 0; }'
  srcObj c "$main" "$T/c.o" -fno-PIE
  srcObj c "$main" "$T/cp.o" -fPIE
  dynFoo() { readelf --dyn-syms -W "$1" | awk '$8 == "foo" {print $4, $3}'; }
  sameAsBfd gcc nopie -no-pie "$T/c.o" "$T/libb.so" "-Wl,-rpath,$T"
  [ "$(dynFoo "$T/nopie")" = "$(dynFoo "$T/nopie.bfd")" ] ||
    fail "-no-pie: .dynsym foo is '$(dynFoo "$T/nopie")', ld.bfd's '$(dynFoo "$T/nopie.bfd")'"
  read -r a b n <"$T/nopie.out"
  [ "$a" = "$b" ] && [ "$n" = 42 ] || fail "-no-pie: addresses differ or wrong call: $(cat "$T/nopie.out")"
  [ "$(dynFoo "$T/nopie")" = "FUNC 0" ] || fail "-no-pie: foo is not FUNC size 0: '$(dynFoo "$T/nopie")'"
  # PIE: ld.bfd's program is refused by ld.so too, so only the symbol.
  mldLink gcc "$T/pie" -pie "$T/cp.o" "$T/libb.so"
  refLink gcc "$T/pie.bfd" -pie "$T/cp.o" "$T/libb.so"
  [ "$(dynFoo "$T/pie")" = "$(dynFoo "$T/pie.bfd")" ] ||
    fail "pie: .dynsym foo is '$(dynFoo "$T/pie")', ld.bfd's '$(dynFoo "$T/pie.bfd")'"
  srcObj c "$main" "$T/cs.o" -fPIC
  mldLink gcc "$T/libc-ifunc.so" -shared "$T/cs.o"
  refLink gcc "$T/libc-ifunc.bfd.so" -shared "$T/cs.o"
  [ "$(dynFoo "$T/libc-ifunc.so")" = "$(dynFoo "$T/libc-ifunc.bfd.so")" ] ||
    fail "-shared: .dynsym foo is '$(dynFoo "$T/libc-ifunc.so")', ld.bfd's '$(dynFoo "$T/libc-ifunc.bfd.so")'"
}

# --as-needed and weak references: a library only weak references resolve
# to is not needed (gcc links libc --as-needed: a shared object that calls
# nothing of libc has crtbeginS.o's weak __cxa_finalize only), and the name
# stays an unversioned weak undefined one, as with ld.bfd.
case_weak_reference_as_needed() {
  srcObj c 'int foo(void) { return 1; }' "$T/a.o" -fPIC
  mldLink gcc "$T/liba.so" -shared "$T/a.o"
  refLink gcc "$T/liba.bfd.so" -shared "$T/a.o"
  local mine ref
  mine=$(readelf -dW "$T/liba.so" | grep NEEDED)
  ref=$(readelf -dW "$T/liba.bfd.so" | grep NEEDED)
  [ "$mine" = "$ref" ] || fail "DT_NEEDED '$mine', ld.bfd's '$ref'"
  mine=$(readelf --dyn-syms -W "$T/liba.so" | awk '$7 == "UND" && $8 != "" {print $4, $5, $8}' | sort)
  ref=$(readelf --dyn-syms -W "$T/liba.bfd.so" | awk '$7 == "UND" && $8 != "" {print $4, $5, $8}' | sort)
  [ "$mine" = "$ref" ] || fail "undefined dynamic symbols:
$mine
ld.bfd:
$ref"
  # A weak reference alone in a program: the library is left out, the
  # name is 0; a strong one elsewhere keeps it.
  srcObj c 'int foo(void) { return 1; }' "$T/lib.o" -fPIC
  gcc -fuse-ld=bfd -shared "$T/lib.o" -o "$T/libw.so" || fail "(test setup) libw.so"
  srcObj c '#include <stdio.h>
int foo(void) __attribute__((weak));
int main(void) { printf("%d\n", foo ? foo() : 0); return 0; }' "$T/weak.o" -fPIE
  srcObj c 'int foo(void); int call(void) { return foo(); }' "$T/strong.o" -fPIE
  sameAsBfd gcc weak "$T/weak.o" -L"$T" -Wl,--as-needed -lw -Wl,-rpath,"$T"
  expectOutput "$T/weak" 0
  readelf -dW "$T/weak" | grep -q 'libw.so' && fail "weak-only reference made libw.so needed"
  sameAsBfd gcc strong "$T/weak.o" "$T/strong.o" -L"$T" -Wl,--as-needed -lw -Wl,-rpath,"$T"
  expectOutput "$T/strong" 1
  sameAsBfd gcc noasneeded "$T/weak.o" -L"$T" -Wl,--no-as-needed -lw -Wl,-rpath,"$T"
  expectOutput "$T/noasneeded" 1
}

# A reference that names a version (`.symver f, f@V`) binds to a library's
# default definition f@@V too, even when a library named before it defines
# an unversioned f, as GNU ld binds it; and to glibc's default versions
# (`puts@GLIBC_2.2.5`). The import carries that version.
case_versioned_reference_to_default_version() {
  srcObj c 'int foo(void) { return 1; }' "$T/a.o" -fPIC
  srcObj c '__asm__(".symver foo_, foo@@VER2"); int foo_(void) { return 2; }' "$T/b.o" -fPIC
  printf 'VER2 { global: foo; local: *; };\n' >"$T/b.map"
  gcc -fuse-ld=bfd -shared "$T/a.o" -o "$T/libplain.so" || fail "(setup) libplain.so"
  gcc -fuse-ld=bfd -shared "$T/b.o" -o "$T/libver.so" -Wl,--version-script="$T/b.map" ||
    fail "(setup) libver.so"
  srcObj c '#include <stdio.h>
int foo(void);
__asm__(".symver foo, foo@VER2");
__asm__(".symver puts, puts@GLIBC_2.2.5");
int main(void) { printf("foo %d\n", foo()); puts("pinned"); return 0; }' "$T/m.o"
  local args=("$T/m.o" -L"$T" -lplain -lver -Wl,-rpath,"$T")
  sameAsBfd gcc v "${args[@]}"
  [ "$(cat "$T/v.out")" = "foo 2
pinned" ] || fail "printed $(cat "$T/v.out")"
  local imports
  imports() { readelf --dyn-syms -W "$1" | awk '$8 ~ /^(foo|puts)@/ {print $8}' | sed 's/ (.*//' | sort; }
  [ "$(imports "$T/v" | wc -l)" = 2 ] || fail "imports: $(imports "$T/v" | tr '\n' ' ')"
  [ "$(imports "$T/v")" = "$(imports "$T/v.bfd")" ] ||
    fail "imports [$(imports "$T/v" | tr '\n' ' ')], ld.bfd [$(imports "$T/v.bfd" | tr '\n' ' ')]"
}
