# relocatable-cases.sh: `mld -r` (partial links) and `--emit-relocs`
# (issue 13). A partial link is linked again by mld and by ld.bfd and must
# behave as the direct link of the original objects; its sections, groups,
# symbols and notes are compared with `ld.bfd -r`'s; every output mld makes
# passes readelf and llvm-readelf without a warning (run-case.sh).

REL_CFLAGS=(-O2 -g)
REL_CXXFLAGS=(-O2 -g -std=c++17)

# mldPartial OUT INPUTS...: `mld -r -o OUT INPUTS...` must succeed.
mldPartial() {
  local out=$1
  shift
  rm -f "$out"
  if ! "$MLD_GCC_DIR/ld" -r -o "$out" "$@" 2>"$out.link.err"; then
    echo "FAIL: mld -r failed: ld -r -o $out $*"
    head -20 "$out.link.err"
    exit 1
  fi
  linkedOutputs+=("$out")
}

# partialThenLink DRIVER NAME INPUTS... -- LINKFLAGS...: links INPUTS
# directly with ld.bfd (the reference), and their `mld -r` object with mld
# and with ld.bfd (LINKFLAGS after the inputs); all three must behave alike.
partialThenLink() {
  local driver=$1 name=$2
  shift 2
  local inputs=()
  while [ "$1" != -- ]; do inputs+=("$1"); shift; done
  shift
  refLink "$driver" "$T/$name.direct" "${inputs[@]}" "$@"
  mldPartial "$T/$name.part.o" "${inputs[@]}"
  mldLink "$driver" "$T/$name.mld" "$T/$name.part.o" "$@"
  refLink "$driver" "$T/$name.bfd" "$T/$name.part.o" "$@"
  compareRun "$T/$name.mld" "$T/$name.direct"
  compareRun "$T/$name.bfd" "$T/$name.direct"
}

# The project's programs, partially linked, then linked by mld and ld.bfd:
# COMDAT templates and vtables, TLS (GD/LD sequences relaxed only in the
# final link), exceptions thrown across objects, static and PIE.
case_partial_link_same_as_direct() {
  local m a b t
  m=$(obj cxx-comdat/main.cc "${REL_CXXFLAGS[@]}") || fail "compile"
  a=$(obj cxx-comdat/a.cc "${REL_CXXFLAGS[@]}") || fail "compile"
  b=$(obj cxx-comdat/b.cc "${REL_CXXFLAGS[@]}") || fail "compile"
  partialThenLink g++ comdat "$m" "$a" "$b" -- -static
  grep -q 'Box<int>::instances=3 Box<string>::instances=2' "$T/comdat.mld.out" ||
    fail "COMDAT static member duplicated: $(cat "$T/comdat.mld.out")"
  m=$(obj c-tls-threads/main.c "${REL_CFLAGS[@]}") || fail "compile"
  t=$(obj c-tls-threads/tls-access.c "${REL_CFLAGS[@]}" -fPIC) || fail "compile"
  partialThenLink gcc tls "$m" "$t" -- -static -pthread
  m=$(obj cxx-exceptions/main.cc "${REL_CXXFLAGS[@]}" -fPIE) || fail "compile"
  t=$(obj cxx-exceptions/thrower.cc "${REL_CXXFLAGS[@]}" -fPIE) || fail "compile"
  partialThenLink g++ exceptions "$m" "$t" -- -pie
}

# Archives given to -r: members are pulled as in a normal link (only those
# that define a needed name), and the result links like the original.
case_partial_link_pulls_archive_members() {
  local o lib
  o=$(obj lua/main.c "${REL_CFLAGS[@]}" -I/usr/include/lua5.4) || fail "compile"
  lib=$(gcc -print-file-name=liblua5.4.a)
  [ -f "$lib" ] || fail "(setup) no liblua5.4.a"
  partialThenLink gcc lua "$o" "$lib" -- -static -lm -ldl
  grep -q 'result correct' "$T/lua.mld.out" || fail "lua result wrong"
  # The same members as ld.bfd -r pulls.
  ld.bfd -r -o "$T/lua.bfd-part.o" "$o" "$lib" || fail "(setup) ld.bfd -r"
  local mine ref
  mine=$(nm --defined-only "$T/lua.part.o" | awk '$2 ~ /[TDBR]/ {print $3}' | sort)
  ref=$(nm --defined-only "$T/lua.bfd-part.o" | awk '$2 ~ /[TDBR]/ {print $3}' | sort)
  [ "$mine" = "$ref" ] || fail "defined globals differ from ld.bfd -r: $(diff <(echo "$ref") <(echo "$mine") | head)"
}

# C++ with exceptions and inline templates split over two partial links:
# each keeps its COMDAT groups, the final link keeps one copy of each.
case_cxx_two_partial_links() {
  local m a b
  m=$(obj cxx-comdat/main.cc "${REL_CXXFLAGS[@]}") || fail "compile"
  a=$(obj cxx-comdat/a.cc "${REL_CXXFLAGS[@]}") || fail "compile"
  b=$(obj cxx-comdat/b.cc "${REL_CXXFLAGS[@]}") || fail "compile"
  mldPartial "$T/one.o" "$m" "$a"
  mldPartial "$T/two.o" "$b"
  [ "$(readelf -gW "$T/one.o" | grep -c 'COMDAT group')" -gt 0 ] || fail "no COMDAT group kept"
  refLink g++ "$T/direct" -static "$m" "$a" "$b"
  mldLink g++ "$T/mld" -static "$T/one.o" "$T/two.o"
  refLink g++ "$T/bfd" -static "$T/one.o" "$T/two.o"
  compareRun "$T/mld" "$T/direct"
  compareRun "$T/bfd" "$T/direct"
  grep -q 'Box<int>::instances=3' "$T/mld.out" || fail "template static duplicated"
  m=$(obj cxx-exceptions/main.cc "${REL_CXXFLAGS[@]}") || fail "compile"
  a=$(obj cxx-exceptions/thrower.cc "${REL_CXXFLAGS[@]}") || fail "compile"
  mldPartial "$T/catch.o" "$m"
  mldPartial "$T/throw.o" "$a"
  refLink g++ "$T/exc.direct" -static "$m" "$a"
  mldLink g++ "$T/exc.mld" -static "$T/catch.o" "$T/throw.o"
  refLink g++ "$T/exc.bfd" -static "$T/catch.o" "$T/throw.o"
  compareRun "$T/exc.mld" "$T/exc.direct"
  compareRun "$T/exc.bfd" "$T/exc.direct"
}

# sectionsOf FILE: "name type flags entsize" of each section but the
# tables every linker orders its own way.
sectionsOf() {
  readelf -SW "$1" | sed -n 's/^ *\[ *[0-9]*\] //p' | grep -v '^NULL' |
    awk '$1 !~ /^\.(symtab|strtab|shstrtab|group)$/ {
           f = ($7 ~ /^[A-Za-z]+$/) ? $7 : "-"; print $1, $2, f, $6 }' | sort
}
# globalsOf FILE: the global symbols as "name bind type vis section".
globalsOf() {
  readelf -sW "$1" | awk '$5 == "GLOBAL" || $5 == "WEAK" {
      ndx = $7; if (ndx ~ /^[0-9]+$/) ndx = "DEF"; print $8, $5, $4, $6, ndx }' | sort
}

# What `ld.bfd -r` makes of the same inputs: the sections (SHF_MERGE
# strings kept mergeable, not merged; COMDAT members in their group), the
# groups' signatures, the globals (commons stay common, hidden stay
# global), and relocations against locals that stay against them.
case_sections_groups_symbols_like_bfd() {
  cat >"$T/a.s" <<'EOF'
.section .rodata.str1.1,"aMS",@progbits,1
.LC0: .string "Hello"
.text
.globl f1
.hidden f1
f1: lea .LC0(%rip), %rax
    call ext
    jmp *f2@GOTPCREL(%rip)
.data
lvar: .quad lvar
.weak wref
.quad wref
.section .text.tmpl,"axG",@progbits,tmpl,comdat
.weak tmpl
tmpl: ret
.comm cc,8,8
.section .note.GNU-stack,"",@progbits
EOF
  cat >"$T/b.s" <<'EOF'
.section .rodata.str1.1,"aMS",@progbits,1
.LC0: .string "World"
.text
.globl f2
f2: lea .LC0(%rip), %rax
    call tmpl
    ret
.section .text.tmpl,"axG",@progbits,tmpl,comdat
.weak tmpl
tmpl: ret
.comm cc,16,8
.section .note.GNU-stack,"",@progbits
EOF
  gcc -c "$T/a.s" -o "$T/a.o" && gcc -c "$T/b.s" -o "$T/b.o" || fail "assemble"
  mldPartial "$T/mine.o" "$T/a.o" "$T/b.o"
  ld.bfd -r -o "$T/ref.o" "$T/a.o" "$T/b.o" || fail "(setup) ld.bfd -r"
  local got want
  got=$(sectionsOf "$T/mine.o" | grep -v '^\.bss'); want=$(sectionsOf "$T/ref.o" | grep -v '^\.bss')
  [ "$got" = "$want" ] || fail "sections differ from ld.bfd -r (< bfd, > mld): $(diff <(echo "$want") <(echo "$got"))"
  got=$(readelf -gW "$T/mine.o" | grep -o 'COMDAT group .*\[.*\]' | sed 's/.*\[//')
  want=$(readelf -gW "$T/ref.o" | grep -o 'COMDAT group .*\[.*\]' | sed 's/.*\[//')
  [ "$got" = "$want" ] || fail "groups '$got', ld.bfd -r: '$want'"
  got=$(globalsOf "$T/mine.o"); want=$(globalsOf "$T/ref.o")
  [ "$got" = "$want" ] || fail "globals differ from ld.bfd -r (< bfd, > mld): $(diff <(echo "$want") <(echo "$got"))"
  # Both strings references stay on their .LC0, each at its own string.
  got=$(readelf -rW "$T/mine.o" | awk '/\.LC0/ {print $5, $6, $7}')
  want=$(readelf -rW "$T/ref.o" | awk '/\.LC0/ {print $5, $6, $7}')
  [ "$got" = "$want" ] || fail ".LC0 relocations '$got', ld.bfd -r: '$want'"
  # The final link merges the strings and runs the code as before.
  readelf -p .rodata.str1.1 "$T/mine.o" | grep -q World || fail "strings lost"
}

# propertiesOf FILE: the GNU property note, as readelf prints it.
propertiesOf() {
  readelf -nW "$1" | sed -n 's/.*Properties: *//p; s/^ *x86 \(.*\)/\1/p'
}

# Notes: .note.gnu.property is one note whose AND-features (IBT, SHSTK)
# survive only if every input has them; .note.GNU-stack is kept.
case_gnu_property_and_stack_notes() {
  local src='int f(int x) { return x + 1; }'
  printf '%s\n' "$src" | gcc -O2 -fcf-protection=full -c -x c - -o "$T/cet1.o" || fail "compile"
  printf '%s\n' 'int g(int x) { return x * 2; }' |
    gcc -O2 -fcf-protection=full -c -x c - -o "$T/cet2.o" || fail "compile"
  printf '%s\n' 'int h(int x) { return x - 1; }' |
    gcc -O2 -fcf-protection=none -c -x c - -o "$T/plain.o" || fail "compile"
  local i
  for i in "cet1 cet2" "cet1 plain"; do
    set -- $i
    mldPartial "$T/$1-$2.o" "$T/$1.o" "$T/$2.o"
    ld.bfd -r -o "$T/$1-$2.ref.o" "$T/$1.o" "$T/$2.o" || fail "(setup) ld.bfd -r"
    local got want
    got=$(propertiesOf "$T/$1-$2.o"); want=$(propertiesOf "$T/$1-$2.ref.o")
    [ "$got" = "$want" ] || fail "$1+$2: properties '$got', ld.bfd -r: '$want'"
    [ "$(readelf -nW "$T/$1-$2.o" | grep -c NT_GNU_PROPERTY_TYPE_0)" -le 1 ] ||
      fail "$1+$2: more than one property note"
    readelf -SW "$T/$1-$2.o" | grep -q '\.note\.GNU-stack' || fail "no .note.GNU-stack"
    # A final link combines them by the same rules.
    "$MLD_GCC_DIR/ld" -e f -o "$T/$1-$2" "$T/$1.o" "$T/$2.o" || fail "mld link"
    linkedOutputs+=("$T/$1-$2")
    ld.bfd -e f -o "$T/$1-$2.ref" "$T/$1.o" "$T/$2.o" || fail "(setup) ld.bfd"
    got=$(propertiesOf "$T/$1-$2"); want=$(propertiesOf "$T/$1-$2.ref")
    [ "$got" = "$want" ] || fail "$1+$2 linked: properties '$got', ld.bfd: '$want'"
  done
  propertiesOf "$T/cet1-cet2.o" | grep -q IBT || fail "IBT lost although every input has it"
}

# More than 65,279 sections: indices through SHN_XINDEX (.symtab_shndx,
# e_shnum in section header 0), read back by the next link.
case_many_sections_xindex() {
  { seq 1 66000 | sed 's/.*/.section .data.&,"aw"\n.quad &/'
    printf '.data\n.globl ptr\nptr: .quad .data.65999\n'; } >"$T/many.s"
  gcc -c "$T/many.s" -o "$T/many.o" || fail "assemble"
  cat >"$T/main.c" <<'EOF'
#include <stdio.h>
extern long *ptr;
int main(void) { printf("%ld\n", *ptr); return 0; }
EOF
  gcc -c "$T/main.c" -o "$T/main.o" || fail "compile"
  mldPartial "$T/part.o" "$T/many.o" "$T/main.o"
  readelf -SW "$T/part.o" | grep -q 'symtab_shndx' || fail "no .symtab_shndx"
  mldLink gcc "$T/prog" "$T/part.o"
  expectOutput "$T/prog" 65999
}

# --emit-relocs: every kept PC32/PLT32/32S relocation agrees with the bytes
# (S + A - P), relaxed GOTPCRELX included; ld.bfd's output passes the same
# check. Relaxed instructions get the relocation GNU ld writes.
case_emit_relocs_match_bytes() {
  local checker=$T/relcheck
  gcc -O1 "$DROPIN_DATA/relocatable/relcheck.c" -o "$checker" || fail "(setup) checker"
  local m t
  m=$(obj cxx-exceptions/main.cc "${REL_CXXFLAGS[@]}") || fail "compile"
  t=$(obj cxx-exceptions/thrower.cc "${REL_CXXFLAGS[@]}") || fail "compile"
  sameAsBfd g++ static -static "$m" "$t" -Wl,--emit-relocs
  "$checker" "$T/static" >"$T/static.check" || fail "static: $(head "$T/static.check")"
  "$checker" "$T/static.bfd" >/dev/null || fail "(setup) checker fails on ld.bfd's output"
  [ "$(sed -n 's/checked //p' "$T/static.check")" -gt 1000 ] || fail "too few relocations checked"
  m=$(obj cxx-exceptions/main.cc "${REL_CXXFLAGS[@]}" -fPIE) || fail "compile"
  t=$(obj cxx-exceptions/thrower.cc "${REL_CXXFLAGS[@]}" -fPIE) || fail "compile"
  sameAsBfd g++ pie -pie "$m" "$t" -Wl,-q
  "$checker" "$T/pie" >"$T/pie.check" || fail "pie: $(head "$T/pie.check")"
  readelf -SW "$T/pie" | grep -q ' \.rela\.text ' || fail "no .rela.text"
  cat >"$T/x.s" <<'EOF'
.text
.globl _start
_start:
 call *f@GOTPCREL(%rip)
 jmp *f@GOTPCREL(%rip)
 lea .Lstr(%rip), %rsi
 mov f@GOTPCREL(%rip), %rax
 mov $60, %eax
 syscall
.globl f
f: ret
.section .rodata.str1.1,"aMS",@progbits,1
.Lstr: .string "x"
EOF
  gcc -c "$T/x.s" -o "$T/x.o" || fail "assemble"
  "$MLD_GCC_DIR/ld" -pie --emit-relocs -o "$T/x" "$T/x.o" || fail "mld --emit-relocs"
  linkedOutputs+=("$T/x")
  ld.bfd -pie --emit-relocs -o "$T/x.bfd" "$T/x.o" || fail "(setup) ld.bfd"
  "$checker" "$T/x" >"$T/x.check" || fail "relaxed: $(cat "$T/x.check")"
  # Offsets from .text's start, types and symbols as GNU ld writes them.
  relocsOf() {
    local text
    text=$(readelf -SW "$1" | awk '$2 == ".text" {print $4}')
    readelf -rW "$1" | sed -n '/\.rela\.text/,/^$/p' | awk -v t=$((16#$text)) \
      '$1 ~ /^[0-9a-f]+$/ && NF >= 5 { printf "%x %s %s\n", strtonum("0x" $1) - t, $3, ($5 ~ /^\./ ? "section" : $5) }'
  }
  local got want
  got=$(relocsOf "$T/x"); want=$(relocsOf "$T/x.bfd")
  [ "$got" = "$want" ] || fail "relaxed relocations differ from ld.bfd (< bfd, > mld): $(diff <(echo "$want") <(echo "$got"))"
}

# The relocation log says what each relocation became in the -r output.
case_reloc_log_for_partial_link() {
  local t
  t=$(obj cxx-exceptions/thrower.cc "${REL_CXXFLAGS[@]}") || fail "compile"
  "$MLD_GCC_DIR/ld" -r -o "$T/part.o" --reloc-log="$T/log" "$t" || fail "mld -r"
  linkedOutputs+=("$T/part.o")
  local in out
  in=$(readelf -rW "$t" | grep -c '^[0-9a-f]\{16\}')
  out=$(grep -c ' => \.rela' "$T/log")
  [ "$in" = "$out" ] || fail "log has $out records for $in input relocations"
  grep -q ' => \.rela\.eh_frame 0x[0-9a-f]* R_X86_64_PC32 \.text' "$T/log" ||
    fail "no .eh_frame record against .text: $(head -3 "$T/log")"
}

# Options that cannot go with -r fail with GNU ld's message and no output.
case_relocatable_options_rejected() {
  printf 'int f(void) { return 1; }\n' | gcc -c -x c - -o "$T/a.o" || fail "compile"
  local how
  for how in "-shared:-r and -shared may not be used together" \
             "-pie:-r and -pie may not be used together" \
             "--gc-sections:--gc-sections is not supported with -r"; do
    rm -f "$T/out.o"
    if "$MLD_GCC_DIR/ld" -r "${how%%:*}" -o "$T/out.o" "$T/a.o" 2>"$T/err"; then
      fail "-r ${how%%:*} was accepted"
    fi
    grep -qF -- "${how#*:}" "$T/err" || fail "-r ${how%%:*}: $(cat "$T/err")"
    [ ! -e "$T/out.o" ] || fail "-r ${how%%:*} left an output"
  done
}
