# inputs-cases.sh: GNU ld's rules for what the linker reads and how input
# sections become output sections (issue 10): files named inside linker
# scripts (relative to the script, inside the sysroot), VERSION blocks in
# scripts, --unique, and compressed debug sections in and out. Each case
# writes its small sources inline and compares with ld.bfd where the outputs
# can be compared.

# cText TEXT OUT FLAGS...: compile the C source TEXT into OUT.
cText() {
  local text=$1 out=$2
  shift 2
  printf '%s\n' "$text" | gcc "$@" -c -x c - -o "$out" || fail "compile $out"
}

# bothFail OUT ARGS...: ld.bfd and mld both refuse the link gcc ARGS;
# mld's message is in $linkErr.
bothFail() {
  local out=$1
  shift
  if gcc -fuse-ld=bfd "$@" -o "$out.bfd" 2>/dev/null; then
    fail "(test setup) ld.bfd accepted: gcc $*"
  fi
  mldLinkFails gcc "$out" "$@"
}

# A file named in INPUT/GROUP of a script is taken as written (from the
# current directory), else next to the script, else in the -L directories;
# a name found nowhere is an error naming it.
case_script_relative_paths() {
  mkdir -p "$T/lib/sub" "$T/other" "$T/cwd"
  cText 'int one(void) { return 1; }' "$T/lib/one.o"
  cText 'int two(void) { return 2; }' "$T/lib/two.o"
  ar rcs "$T/lib/libtwo.a" "$T/lib/two.o"
  cText 'int three(void) { return 3; }' "$T/other/three.o"
  cText '#include <stdio.h>
int one(void), two(void), three(void);
int main(void) { printf("%d %d %d\n", one(), two(), three()); return 0; }' "$T/cwd/main.o"
  printf 'INPUT(one.o)\nGROUP(libtwo.a)\nINPUT(three.o)\n' >"$T/lib/inputs.script"
  # From another directory: one.o and libtwo.a are next to the script,
  # three.o only in the -L directory.
  cd "$T/cwd" || fail "cd"
  mldLink gcc "$T/cwd/exe" main.o ../lib/inputs.script -L../other
  refLink gcc "$T/cwd/exe.bfd" main.o ../lib/inputs.script -L../other
  compareRun "$T/cwd/exe" "$T/cwd/exe.bfd"
  expectOutput "$T/cwd/exe" "1 2 3"
  # A file in the current directory wins over the one next to the script.
  cText 'int one(void) { return 11; }' "$T/cwd/one.o"
  mldLink gcc "$T/cwd/exe2" main.o ../lib/inputs.script -L../other
  expectOutput "$T/cwd/exe2" "11 2 3"
  # Without the -L directory, three.o is nowhere.
  bothFail "$T/cwd/exe3" main.o ../lib/inputs.script
  expectErr "inputs.script: cannot find three.o"
}

# --sysroot: `=/x` in a script always names a file in the sysroot; a plain
# absolute name does only when the script itself lies inside the sysroot
# (compared after resolving `..` and symlinks), else it is taken as written.
# A -L directory starting with `=` or `$SYSROOT` lies in the sysroot.
case_sysroot_script() {
  mkdir -p "$T/root/lib" "$T/bin"
  cText 'int x(void) { return 40; }' "$T/root/lib/x.o"
  cText 'int y(void) { return 2; }' "$T/root/lib/y.o"
  cText '#include <stdio.h>
int x(void), y(void);
int main(void) { printf("%d\n", x() + y()); return 0; }' "$T/main.o"
  echo 'INPUT(=/lib/x.o)' >"$T/eq.script"
  echo 'INPUT(/lib/y.o)' >"$T/root/in.script"
  local root
  for root in "$T/root" "$T/bin/../root"; do
    sameAsBfd gcc exe "$T/main.o" "$T/eq.script" "$T/root/in.script" "-Wl,--sysroot=$root"
    expectOutput "$T/exe" 42
  done
  # -L=DIR and -L$SYSROOT/DIR search DIR inside the sysroot.
  ar rcs "$T/root/lib/liby.a" "$T/root/lib/y.o"
  local how
  for how in "-L=/lib" '-L$SYSROOT/lib'; do
    sameAsBfd gcc exe "$T/main.o" "$T/eq.script" "$how" -ly "-Wl,--sysroot=$T/root"
    expectOutput "$T/exe" 42
  done
  # The same absolute name in a script outside the sysroot is not looked
  # up in it.
  echo 'INPUT(/lib/y.o)' >"$T/out.script"
  bothFail "$T/exe4" "$T/main.o" "$T/eq.script" "$T/out.script" "-Wl,--sysroot=$T/root"
  expectErr "out.script: cannot find /lib/y.o"
  # Inside the sysroot, a missing file is not looked for outside it.
  rm "$T/root/lib/y.o"
  bothFail "$T/exe5" "$T/main.o" "$T/eq.script" "$T/root/in.script" "-Wl,--sysroot=$T/root"
  expectErr "in.script: cannot find /lib/y.o inside $T/root"
}

# versionsOf SO: each exported symbol of SO with its version, sorted.
versionsOf() {
  readelf --dyn-syms -W "$1" | awk '$5 == "GLOBAL" && $7 != "UND" && $7 != "ABS" {print $8}' | sort
}

# VERSION { ... } in a linker script given as an input is a version script,
# adding its nodes to --version-script's.
case_script_version_block() {
  cText 'void foo(void) {} void bar(void) {} void baz(void) {}' "$T/a.o" -fPIC
  printf '/* versions */\nVERSION {\n  V1 { global: foo; };\n  V2 { global: bar; local: *; } V1;\n}\n' \
    >"$T/v.script"
  mldLink gcc "$T/a.so" -shared "$T/a.o" "$T/v.script"
  refLink gcc "$T/a.so.bfd" -shared "$T/a.o" "$T/v.script"
  [ "$(versionsOf "$T/a.so")" = "$(versionsOf "$T/a.so.bfd")" ] ||
    fail "exports: $(versionsOf "$T/a.so" | xargs), ld.bfd: $(versionsOf "$T/a.so.bfd" | xargs)"
  [ "$(versionsOf "$T/a.so" | xargs)" = "bar@@V2 foo@@V1" ] ||
    fail "exports: $(versionsOf "$T/a.so" | xargs)"
  readelf -V "$T/a.so" | grep -q 'Parent 1: V1' || fail "V2 does not name V1 as its parent"
  # With --version-script too: both sets of nodes.
  echo 'V3 { global: baz; };' >"$T/v3.map"
  mldLink gcc "$T/b.so" -shared "$T/a.o" "$T/v.script" -Wl,--version-script="$T/v3.map"
  refLink gcc "$T/b.so.bfd" -shared "$T/a.o" "$T/v.script" -Wl,--version-script="$T/v3.map"
  [ "$(versionsOf "$T/b.so")" = "$(versionsOf "$T/b.so.bfd")" ] ||
    fail "with --version-script: $(versionsOf "$T/b.so" | xargs), ld.bfd: $(versionsOf "$T/b.so.bfd" | xargs)"
  # A syntax error inside the block is reported at the script's line.
  printf 'INPUT(%s)\nVERSION {\n  V1 { global: foo };\n}\n' "$T/a.o" >"$T/bad.script"
  mldLinkFails gcc "$T/c.so" -shared "$T/bad.script"
  expectErr "bad.script: line 3:"
}

# sectionsOf FILE NAME...: "name size" of FILE's non-empty sections among
# NAMEs, in section-header order.
sectionsOf() {
  local f=$1
  shift
  readelf -SW "$f" | sed 's/^ *\[ *[0-9]*\] //' | awk -v names=" $* " \
    'index(names, " " $1 " ") && $5 != "000000" {print $1, $5}'
}

# --unique=GLOB gives every input section whose name matches an output
# section of its own (same name), even two of one name; --unique alone does
# so for the orphan sections (those GNU ld's default script names nowhere),
# leaving .data.*, .rodata.* and the like merged.
case_unique_sections() {
  local i
  for i in 1 2; do
    cText "#include <stdio.h>
__attribute__((section(\"mysec\"))) int m$i = $i;
__attribute__((section(\".data.foo.1\"))) int f$i = 10 * $i;
__attribute__((section(\".data.bar\"))) int b$i = 100 * $i;
const char *get$i(void) { static char buf[32]; sprintf(buf, \"%d %d %d\", m$i, f$i, b$i); return buf; }" \
      "$T/u$i.o"
  done
  cText '#include <stdio.h>
const char *get1(void), *get2(void);
int main(void) { printf("%s / %s\n", get1(), get2()); return 0; }' "$T/main.o"
  local how names="mysec .data.foo.1 .data.bar .data"
  for how in "--unique=*foo*" "--unique" "--unique=mysec --unique=.data.bar"; do
    local flags=()
    for i in $how; do flags+=("-Wl,$i"); done
    sameAsBfd gcc exe "$T/main.o" "$T/u1.o" "$T/u2.o" "${flags[@]}"
    expectOutput "$T/exe" "1 10 100 / 2 20 200"
    local mine ref
    mine=$(sectionsOf "$T/exe" $names | sort)
    ref=$(sectionsOf "$T/exe.bfd" $names | sort)
    [ "$mine" = "$ref" ] || fail "$how: sections '$(echo $mine)', ld.bfd: '$(echo $ref)'"
  done
  [ "$(sectionsOf "$T/exe" .data.bar | wc -l)" = 2 ] || fail "no two .data.bar sections"
  mldLink gcc "$T/plain" "$T/main.o" "$T/u1.o" "$T/u2.o"
  [ -z "$(sectionsOf "$T/plain" .data.bar .data.foo.1)" ] || fail "without --unique: .data.* not merged"
  [ "$(sectionsOf "$T/plain" mysec | wc -l)" = 1 ] || fail "without --unique: two mysec sections"
}

# Orphan sections of one name go to one output section only when they agree
# on SHF_ALLOC and on NOBITS-or-not (GNU ld's rule; lld merges them): an
# allocated NOBITS "foo" and a non-allocated PROGBITS "foo" stay apart, so
# the NOBITS one takes no file space. Sections the default script names
# (.ldata here) take every input of their name. Compared with ld.bfd:
# name, type and flags of each, and the program's output. (.ldata follows
# .bss and the NOBITS orphans: its bytes need a PT_LOAD of their own.)
case_orphan_flag_classes() {
  cText '#include <stdio.h>
extern char zeros[], filled[], large[];
__asm__(".section foo,\"aw\",@nobits\nzeros: .zero 4096\n"
        ".section bar,\"aw\",@progbits\nfilled: .byte 7\n"
        ".section .ldata,\"aw\",@progbits\nlarge: .byte 9\n.text\n");
int main(void) { printf("%d %d %d\n", zeros[4095], filled[0], large[0]); return 0; }' \
    "$T/orphans.o"
  cText '__asm__(".section foo,\"\",@progbits\n.ascii \"note\"\n"
        ".section bar,\"aw\",@nobits\n.zero 32\n"
        ".section .ldata,\"aw\",@nobits\n.zero 64\n.text\n");' "$T/others.o"
  sameAsBfd gcc exe "$T/orphans.o" "$T/others.o"
  expectOutput "$T/exe" "0 7 9"
  local names="foo bar .ldata" mine ref
  classes() {
    readelf -SW "$1" | sed 's/^ *\[ *[0-9]*\] //' | awk -v names=" $names " \
      'index(names, " " $1 " ") {print $1, $2, (NF == 10 ? $7 : "-")}' | sort
  }
  mine=$(classes "$T/exe")
  ref=$(classes "$T/exe.bfd")
  [ "$mine" = "$ref" ] || fail "sections: '$(echo $mine)', ld.bfd: '$(echo $ref)'"
  [ "$(classes "$T/exe" | grep -c '^foo ')" = 2 ] || fail "the two kinds of foo were merged"
}

# A PROGBITS input named .bss.* makes the whole .bss PROGBITS (GNU ld too,
# with a warning): the file then spans a 256 MiB NOBITS member it holds only
# as zeros. Those are never written: the file stays sparse, as ld.bfd's
# does, rather than 256 MiB faulted in on disk and in memory.
case_sparse_bss_made_progbits() {
  printf '.globl _start\n.text\n_start: ret\n.section .bss.big,"aw",@nobits\n.zero 0x10000000\n%s\n' \
    '.section .note.GNU-stack,"",@progbits' | as -o "$T/big.o" - || fail "assemble big.o"
  printf '.section .bss.x,"aw",@progbits\n.byte 7\n%s\n' '.section .note.GNU-stack,"",@progbits' |
    as -o "$T/x.o" - 2>/dev/null || fail "assemble x.o"
  mldLink gcc "$T/exe" -nostdlib -static "$T/big.o" "$T/x.o"
  refLink gcc "$T/exe.bfd" -nostdlib -static "$T/big.o" "$T/x.o"
  local mine ref
  mine=$(readelf -SW "$T/exe" | awk '$2 == ".bss" {print $2, $3, $6}')
  ref=$(readelf -SW "$T/exe.bfd" | awk '$2 == ".bss" {print $2, $3, $6}')
  [ "$mine" = "$ref" ] || fail ".bss: '$mine', ld.bfd: '$ref'"
  [ "$(stat -c %s "$T/exe")" -gt $((1 << 28)) ] || fail "the file does not span .bss"
  local kib=$(($(stat -c '%b * %B' "$T/exe") / 1024))
  [ "$kib" -lt 16384 ] || fail "$kib KiB allocated for a file of $(stat -c %s "$T/exe") bytes"
  rm -f "$T/exe" "$T/exe.bfd"
  linkedOutputs=()
}

# dwarfText FILE: the DWARF of FILE as readelf decodes it (decompressed).
dwarfText() {
  readelf --debug-dump=info,abbrev,line,str "$1" 2>&1 | grep -v "^$1:"
}

# flagsOf FILE SECTION: the Flg column of SECTION in readelf -SW.
flagsOf() {
  readelf -SW "$1" | sed 's/^ *\[ *[0-9]*\] //' |
    awk -v s="$2" '$1 == s { print (NF == 10 ? $7 : "-") }'
}

# SHF_COMPRESSED inputs (zlib and zstd) and GNU .zdebug_* ones are read as
# their plain bytes: the output is the one the uncompressed objects give.
# --compress-debug-sections=zlib|zlib-gabi|zstd compresses the .debug_*
# output sections after relocation (SHF_COMPRESSED, kept plain where that
# would not be smaller, as ld.bfd does); readelf and gdb read them back.
# Bad compressed input is one error line naming the file and section.
case_compressed_debug_in_and_out() {
  cText '#include <stdio.h>
int twice(int x);
int main(void) { printf("%d\n", twice(21)); return 0; }' "$T/a.o" -g
  cText 'int twice(int x) { return 2 * x; }' "$T/b.o" -g
  mldLink gcc "$T/plain" "$T/a.o" "$T/b.o"
  dwarfText "$T/plain" >"$T/plain.dwarf"
  local how
  for how in zlib-gabi zstd zlib-gnu; do
    objcopy --compress-debug-sections=$how "$T/a.o" "$T/a.$how.o" || fail "(setup) objcopy $how"
    objcopy --compress-debug-sections=$how "$T/b.o" "$T/b.$how.o" || fail "(setup) objcopy $how"
    mldLink gcc "$T/in.$how" "$T/a.$how.o" "$T/b.$how.o"
    cmp -s "$T/plain" "$T/in.$how" || fail "inputs compressed with $how: output differs from the plain inputs' one"
  done
  for how in zlib zlib-gabi zstd none; do
    sameAsBfd gcc "out.$how" "$T/a.o" "$T/b.o" "-Wl,--compress-debug-sections=$how"
    expectOutput "$T/out.$how" 42
    local s
    for s in .debug_info .debug_str .debug_line .debug_abbrev; do
      [ "$(flagsOf "$T/out.$how" $s)" = "$(flagsOf "$T/out.$how.bfd" $s)" ] ||
        fail "$how: $s flags '$(flagsOf "$T/out.$how" $s)', ld.bfd: '$(flagsOf "$T/out.$how.bfd" $s)'"
    done
    dwarfText "$T/out.$how" | cmp -s - "$T/plain.dwarf" ||
      fail "$how: readelf decodes other DWARF than in the uncompressed output"
    gdb -batch -ex 'info line twice' "$T/out.$how" 2>&1 | grep -q 'Line 1 of ".*" starts at address' ||
      fail "$how: gdb does not find the line of twice: $(gdb -batch -ex 'info line twice' "$T/out.$how" 2>&1 | tail -2)"
  done
  [ "$(flagsOf "$T/out.zstd" .debug_info)" = C ] || fail "zstd: .debug_info not compressed"
  [ "$(flagsOf "$T/out.zlib" .debug_str)" = MSC ] || fail "zlib: .debug_str flags $(flagsOf "$T/out.zlib" .debug_str)"
  readelf -t "$T/out.zstd" | grep -q ZSTD || fail "zstd: no ZSTD compression header"
  # LLVM 14's llvm-readelf cannot decompress zstd: the zstd output gets
  # GNU readelf's reading only.
  readelf -a -W "$T/out.zstd" 2>&1 >/dev/null | grep . && fail "readelf -a -W warns about out.zstd"
  local kept=() f
  for f in "${linkedOutputs[@]}"; do
    [ "$f" = "$T/out.zstd" ] || kept+=("$f")
  done
  linkedOutputs=("${kept[@]}")
  # Bad input: a compression type nobody defined, a damaged stream, a size
  # no stream of that length can hold (nothing is allocated for it).
  python3 - "$T/a.zlib-gabi.o" "$T" <<'PY' || fail "(setup) damaging objects"
import struct, sys
path, out = sys.argv[1], sys.argv[2]
d = bytearray(open(path, 'rb').read())
shoff, = struct.unpack_from('<Q', d, 0x28)
shnum, shstrndx = struct.unpack_from('<HH', d, 0x3c)
sh = lambda i: struct.unpack_from('<IIQQQQIIQQ', d, shoff + i * 64)
names = sh(shstrndx)[4]
for i in range(shnum):
    s = sh(i)
    if d[names + s[0]:d.index(0, names + s[0])] == b'.debug_info':
        bad = bytearray(d); struct.pack_into('<I', bad, s[4], 7)
        open(out + '/badtype.o', 'wb').write(bad)
        bad = bytearray(d); bad[s[4] + 30] ^= 0xff; bad[s[4] + 31] ^= 0xff
        open(out + '/badzlib.o', 'wb').write(bad)
        bad = bytearray(d); struct.pack_into('<Q', bad, s[4] + 8, 0x646c653d2564206d)
        open(out + '/hugesize.o', 'wb').write(bad)
PY
  mldLinkFails gcc "$T/bad1" "$T/badtype.o" "$T/b.o"
  expectErr "badtype.o:(.debug_info): unknown compression type 7"
  mldLinkFails gcc "$T/bad2" "$T/badzlib.o" "$T/b.o"
  expectErr "badzlib.o:(.debug_info): corrupt zlib data"
  mldLinkFails gcc "$T/bad4" "$T/hugesize.o" "$T/b.o"
  expectErr "hugesize.o:(.debug_info): uncompressed size 7236270014572273773 is more than its 102 compressed bytes can hold"
  mldLinkFails gcc "$T/bad3" "$T/a.o" "$T/b.o" -Wl,--compress-debug-sections=lzma
  expectErr "unknown --compress-debug-sections type: lzma"
}

# Definitions that name their version (.symver): `foo@@V2` is foo at default
# version V2, `foo@V1` foo at hidden version V1, `foo@@` foo unversioned and
# exported whatever `local: *` says; a version no node of the script names
# is an error. A reference naming a version binds to that version.
case_symver_definitions() {
  cText '#include <stdio.h>
void foo1(void) { puts("foo v1"); }
void foo2(void) { puts("foo v2"); }
void baz1(void) { puts("baz"); }
void hidden(void) {}
__asm__(".symver foo1, foo@V1");
__asm__(".symver foo2, foo@@V2");
__asm__(".symver baz1, baz@@");' "$T/lib.o" -fPIC
  # Only the version's own node can hide such a definition: V1's local: *
  # would hide foo@V1, but its global: foo keeps it.
  printf 'V1 { local: *; };\nV2 { global: bar; } V1;\n' >"$T/hide.map"
  mldLink gcc "$T/hide.so" -shared "$T/lib.o" -Wl,--version-script="$T/hide.map"
  refLink gcc "$T/hide.so.bfd" -shared "$T/lib.o" -Wl,--version-script="$T/hide.map"
  [ "$(versionsOf "$T/hide.so" | xargs)" = "baz foo@@V2" ] ||
    fail "V1 { local: *; }: exports $(versionsOf "$T/hide.so" | xargs), ld.bfd: $(versionsOf "$T/hide.so.bfd" | xargs)"
  printf 'V1 { global: foo; local: *; };\nV2 { global: bar; } V1;\n' >"$T/lib.map"
  mldLink gcc "$T/libv.so" -shared "$T/lib.o" -Wl,--version-script="$T/lib.map"
  refLink gcc "$T/libv.so.bfd" -shared "$T/lib.o" -Wl,--version-script="$T/lib.map"
  [ "$(versionsOf "$T/libv.so")" = "$(versionsOf "$T/libv.so.bfd")" ] ||
    fail "exports: $(versionsOf "$T/libv.so" | xargs), ld.bfd: $(versionsOf "$T/libv.so.bfd" | xargs)"
  [ "$(versionsOf "$T/libv.so" | xargs)" = "baz foo@@V2 foo@V1" ] ||
    fail "exports: $(versionsOf "$T/libv.so" | xargs)"
  # Plain references bind to the default version, in mld's and ld.bfd's
  # programs alike.
  cText 'void foo(void), baz(void); int main(void) { foo(); baz(); return 0; }' "$T/main.o"
  mkdir -p "$T/lib"
  cp "$T/libv.so" "$T/lib/libv.so"
  mldLink gcc "$T/exe" "$T/main.o" -L"$T/lib" -lv -Wl,-rpath,"$T/lib"
  refLink gcc "$T/exe.bfd" "$T/main.o" -L"$T/lib" -lv -Wl,-rpath,"$T/lib"
  compareRun "$T/exe" "$T/exe.bfd"
  expectOutput "$T/exe" "foo v2
baz"
  # A library naming foo@V1 gets V1's foo at run time, and the program's
  # link accepts it under --no-allow-shlib-undefined.
  cText 'void foo_old(void);
__asm__(".symver foo_old, foo@V1");
void callOld(void) { foo_old(); }' "$T/user.o" -fPIC
  mldLink gcc "$T/lib/libuser.so" -shared "$T/user.o" -L"$T/lib" -lv
  cText 'void callOld(void); int main(void) { callOld(); return 0; }' "$T/main2.o"
  mldLink gcc "$T/exe2" "$T/main2.o" -L"$T/lib" -luser -lv -Wl,-rpath,"$T/lib" -Wl,--no-allow-shlib-undefined
  refLink gcc "$T/exe2.bfd" "$T/main2.o" -L"$T/lib" -luser -lv -Wl,-rpath,"$T/lib" -Wl,--no-allow-shlib-undefined
  runEnv+=(LD_LIBRARY_PATH="$T/lib")
  compareRun "$T/exe2" "$T/exe2.bfd"
  expectOutput "$T/exe2" "foo v1"
  # A version the script does not define.
  cText 'void f3(void) {}
__asm__(".symver f3, foo@@V3");' "$T/v3.o" -fPIC
  bothFail "$T/bad.so" -shared "$T/v3.o" -Wl,--version-script="$T/lib.map"
  expectErr "version node not found for symbol foo@@V3"
}

# Symbol assignments in a linker script given as an input or with -T, as
# GNU ld reads them outside SECTIONS: a file holding only `bar = foo;` is a
# script, and bar is foo's place, exported as FUNC like foo; NAME = EXPR
# overrides an object's definition; PROVIDE defines only a name referenced
# and not defined, PROVIDE_HIDDEN likewise but hidden, HIDDEN always hidden.
# An undefined target is an error naming the script and line, as in ld.bfd.
case_script_assignments() {
  cText 'int foo(void) { return 42; } int val = 7; int over(void) { return 1; }' "$T/a.o" -fPIC
  printf 'bar = foo;\n' >"$T/s"
  mldLink gcc "$T/x.so" -shared "$T/s" "$T/a.o"
  refLink gcc "$T/x.bfd.so" -shared "$T/s" "$T/a.o"
  # TYPE BIND VIS of bar, and whether it is foo's address.
  symLine() {
    readelf -W --dyn-syms "$1" | awk -v n="$2" '$8 == n {print $2, $4, $5, $6}'
  }
  local got ref name
  for f in x.so x.bfd.so; do
    got=$(symLine "$T/$f" bar) ref=$(symLine "$T/$f" foo)
    [ -n "$got" ] && [ "${got%% *}" = "${ref%% *}" ] && [ "${got#* }" = "${ref#* }" ] ||
      fail "$f: bar '$got', foo '$ref'"
  done

  # INPUT plus assignments, PROVIDE forms, and -T.
  printf 'INPUT(a.o)\nover = foo;\nnum = 0x10 + 2;\nPROVIDE(pb = foo);\nPROVIDE(unref = foo);\nPROVIDE(val = 3);\nPROVIDE_HIDDEN(ph = foo);\nHIDDEN(hh = foo);\nPROVIDE(pn = nosuch);\n' >"$T/s2"
  cText '#include <stdio.h>
int pb(void), ph(void), hh(void), over(void); extern int val;
int main(void) { printf("%d %d %d %d %d\n", pb(), ph(), hh(), over(), val); return 0; }' \
    "$T/m.o"
  mldLink gcc "$T/m" "$T/m.o" "$T/s2"
  refLink gcc "$T/m.bfd" "$T/m.o" "$T/s2"
  compareRun "$T/m" "$T/m.bfd"
  expectOutput "$T/m" "42 42 42 42 7"
  nm "$T/m" | grep -q '^0*12 A num$' || fail "num: $(nm "$T/m" | grep ' num$')"
  for name in unref pn; do
    ! nm "$T/m" | grep -q " $name\$" || fail "unreferenced PROVIDE($name) defined"
  done
  nm "$T/m" | grep -q ' t ph$' && nm "$T/m" | grep -q ' t hh$' || fail "ph, hh not hidden: $(nm "$T/m" | grep -E ' (ph|hh)$')"
  printf 'bar = foo + 1;\n' >"$T/t.ld"
  mldLink gcc "$T/t.so" -shared "$T/a.o" -Wl,-T,"$T/t.ld"
  got=$(readelf -W --dyn-syms "$T/t.so" | awk '$8 == "bar" {print $2}')
  ref=$(readelf -W --dyn-syms "$T/t.so" | awk '$8 == "foo" {print $2}')
  [ -n "$got" ] && [ $((16#$got)) = $((16#$ref + 1)) ] || fail "-T: bar=$got, foo=$ref"

  # Errors: an undefined target (ld.bfd: "s4:1: undefined symbol `nosuch'
  # referenced in expression"), the location counter, compound operators.
  printf '\nbar = nosuch;\n' >"$T/s4"
  bothFail "$T/bad.so" -shared "$T/a.o" "$T/s4"
  expectErr "$T/s4:2: undefined symbol 'nosuch' referenced in expression"
  [ "$(grep -c . <<<"$linkErr")" = 2 ] || fail "more than one line (and collect2's): $linkErr"
  printf 'bar += 1;\n' >"$T/s5"
  bothFail "$T/bad.so" -shared "$T/a.o" "$T/s5"
  expectErr "$T/s5: line 1: unsupported assignment operator '+=' (mld takes NAME = EXPR)"
  printf '/* x */\n. = 0x1000;\n' >"$T/s6"
  mldLinkFails gcc "$T/bad.so" -shared "$T/a.o" "$T/s6"
  expectErr "$T/s6: line 2: assignment to the location counter '.' is not supported outside SECTIONS"
  printf 'INPUT(a.o)\nbar = foo * 2;\n' >"$T/s7"
  mldLinkFails gcc "$T/bad.so" -shared "$T/s7"
  expectErr "line 2: cannot evaluate 'bar = foo * 2'"
}
