# semantics-cases.sh: GNU ld's linking rules as gcc users meet them (issue
# 10): TLS code sequences and relaxations, PLT offsets of the large code
# model, COMMON symbols from archives, COPY relocations, text relocations,
# GNU property notes, weak undefined symbols. Each case writes its small
# sources inline and compares with ld.bfd: the program's output, or the ELF
# fields both linkers write.

# srcObj LANG TEXT OUT FLAGS...: compile TEXT (LANG: c or assembler) to OUT.
srcObj() {
  local lang=$1 text=$2 out=$3
  shift 3
  printf '%s\n' "$text" | gcc "$@" -c -x "$lang" - -o "$out" || fail "compile $out"
}

# sectionAt FILE ADDR: the name of FILE's allocated section holding ADDR.
sectionAt() {
  local name addr size
  while read -r name addr size; do
    if (( 16#$addr != 0 && 16#$addr <= $2 && $2 < 16#$addr + 16#$size )); then
      echo "$name"
      return
    fi
  done < <(readelf -SW "$1" | sed -n 's/^ *\[ *[0-9]*\] *//p' | awk '{print $1, $3, $5}')
}

# bothLink NAME ARGS...: link ARGS into $T/NAME with mld and $T/NAME.bfd with
# ld.bfd, run both, require the same output.
bothLink() {
  sameAsBfd gcc "$@"
}

tlsLib='
__attribute__((tls_model("global-dynamic"))) _Thread_local int x3 = 3;
__attribute__((tls_model("global-dynamic"))) static _Thread_local int x5 = 5;
int get_x5(void) { return x5; }'
tlsMain='
#include <stdio.h>
__attribute__((tls_model("global-dynamic"))) static _Thread_local int x1 = 1;
__attribute__((tls_model("global-dynamic"))) static _Thread_local int x2;
__attribute__((tls_model("global-dynamic"))) extern _Thread_local int x3;
int get_x5(void);
int main(void) { x2 = 2; printf("%d %d %d %d\n", x1, x2, x3, get_x5()); return 0; }'

# General- and local-dynamic sequences call __tls_get_addr in three forms:
# through the PLT, through its GOT slot (-fno-plt), and, in the large code
# model, through movabs $__tls_get_addr@pltoff + the GOT base (a PLTOFF64
# relocation). In an executable each is rewritten to local exec; in a shared
# object each stays a call. --no-relax does not change that (as in ld.bfd).
case_tls_call_forms() {
  local flags model
  for flags in "-fno-plt" "-mcmodel=large" ""; do
    for model in global-dynamic local-dynamic; do
      local tag=${flags#-}
      tag=${tag//=/-} # env(1) would take NAME=VALUE for a variable
      tag=${tag:-plt}-$model
      srcObj c "$tlsLib" "$T/lib-$tag.o" -fPIC -ftls-model=$model $flags
      srcObj c "$tlsMain" "$T/main-$tag.o" -fPIC -ftls-model=$model $flags
      # Relaxed to local exec: one executable from both objects.
      bothLink "exe-$tag" "$T/main-$tag.o" "$T/lib-$tag.o" $flags
      expectOutput "$T/exe-$tag" "1 2 3 5"
      bothLink "exe-norelax-$tag" "$T/main-$tag.o" "$T/lib-$tag.o" $flags -Wl,--no-relax
      # Kept: the library's sequences call __tls_get_addr at run time.
      mldLink gcc "$T/lib$tag.so" -shared "$T/lib-$tag.o" $flags
      bothLink "dyn-$tag" "$T/main-$tag.o" "$T/lib$tag.so" $flags -Wl,-rpath,"$T"
      expectOutput "$T/dyn-$tag" "1 2 3 5"
    done
  done
}

# _TLS_MODULE_BASE_ with a TLS descriptor (local-dynamic, -mtls-dialect=gnu2):
# the descriptor's value plus x@dtpoff must be x's TP offset. In an
# executable ld.bfd puts _TLS_MODULE_BASE_ at the thread pointer; in a
# shared object at the start of its TLS block.
case_tls_module_base() {
  srcObj assembler '
.globl get_foo
.type get_foo, @function
get_foo:
  lea _TLS_MODULE_BASE_@TLSDESC(%rip), %rax
  call *_TLS_MODULE_BASE_@TLSCALL(%rax)
  lea foo@dtpoff(%rax), %rax
  mov %fs:(%rax), %eax
  ret
.section .tdata, "awT", @progbits
.long 7
foo:
.long 20
.section .note.GNU-stack,"",@progbits' "$T/a.o"
  srcObj c '_Thread_local int bar = 3;' "$T/b.o"
  srcObj c '#include <stdio.h>
int get_foo(void); extern _Thread_local int bar;
int main(void) { printf("%d %d\n", get_foo(), bar); return 0; }' "$T/c.o"
  bothLink exe "$T/a.o" "$T/b.o" "$T/c.o"
  expectOutput "$T/exe" "20 3"
  mldLink gcc "$T/a.so" -shared "$T/a.o"
  bothLink dyn "$T/b.o" "$T/c.o" "$T/a.so" -Wl,-rpath,"$T"
  expectOutput "$T/dyn" "20 3"
  srcObj c '
extern _Thread_local int foo2;
static _Thread_local int bar2 = 5;
int get_foo2(void) { return foo2; }
int *get_bar2(void) { return &bar2; }' "$T/d.o" -fPIC -ftls-model=local-dynamic -mtls-dialect=gnu2
  srcObj c '#include <stdio.h>
_Thread_local int foo2;
int get_foo2(void); int *get_bar2(void);
int main(void) { foo2 = 42; printf("%d %d\n", get_foo2(), *get_bar2()); return 0; }' "$T/e.o" -fPIC -mtls-dialect=gnu2
  bothLink ld "$T/d.o" "$T/e.o"
  expectOutput "$T/ld" "42 5"
}

# --no-relax keeps a GOTPCRELX load of a local symbol a load from its GOT
# slot (mov), where the default rewrites it to lea; ld.bfd does the same.
case_no_relax_keeps_got_loads() {
  srcObj c 'extern char *msg; char *msg = "hello";
int puts(const char *);
int main(void) { return puts(msg) < 0; }' "$T/a.o" -fPIC
  local mode
  for mode in relax no-relax; do
    bothLink "exe-$mode" "$T/a.o" -Wl,--$mode
    expectOutput "$T/exe-$mode" "hello"
    local mine ref
    mine=$(objdump -d --no-show-raw-insn "$T/exe-$mode" | awk '/<main>:/,/ret/' | grep -cE 'lea .*<msg>')
    ref=$(objdump -d --no-show-raw-insn "$T/exe-$mode.bfd" | awk '/<main>:/,/ret/' | grep -cE 'lea .*<msg>')
    [ "$mine" = "$ref" ] || fail "--$mode: $mine lea of msg in main, ld.bfd has $ref"
  done
  [ "$mine" = 0 ] || fail "--no-relax rewrote the GOT load"
}

# -mcmodel=large code and data: calls through movabs $f@pltoff (PLTOFF64),
# objects in .lbss/.ldata/.lrodata beyond 4 GiB of each other.
case_large_model() {
  srcObj c '#include <stdio.h>
char arr1[0xc0000000];
extern char arr2[0xc0000000];
static const char msg[] = "large";
int main(void) { printf("%s %d %lx\n", msg, (void *)arr1 < (void *)arr2, (long)(arr2 - arr1)); return 0; }' "$T/a.o" -mcmodel=large
  srcObj c 'char arr2[0xc0000000];' "$T/b.o" -mcmodel=large
  bothLink exe "$T/a.o" "$T/b.o"
  expectOutput "$T/exe" "large 1 c0000000"
  # -mcmodel=medium: initialised large data (.ldata) and small .bss, no
  # .lrodata. .ldata's bytes follow .bss in memory, so they need a PT_LOAD
  # of their own (in one PT_LOAD they would sit at the wrong file offset).
  srcObj c '#include <stdio.h>
int big[100000] = {1, 2, 3};
int small_bss[10];
int main(void) { printf("%d %d %d\n", big[0], big[2], small_bss[3]); return 0; }' "$T/m.o" -mcmodel=medium
  bothLink medium "$T/m.o"
  expectOutput "$T/medium" "1 3 0"
}

# A dynamic relocation in a read-only output section (a text relocation):
# ld.bfd warns, naming the file and section, and marks the output DT_TEXTREL
# and DF_TEXTREL; -z notext allows it silently; -z text makes it an error.
case_text_relocations() {
  srcObj assembler '
.globl fn1
fn1:
  sub $8, %rsp
  movabs ptr, %rax
  call *%rax
  add $8, %rsp
  ret
.section .note.GNU-stack,"",@progbits' "$T/a.o"
  srcObj c '#include <stdio.h>
int fn1(void);
int fn2(void) { return 3; }
void *ptr = fn2;
int main(void) { printf("%d\n", fn1()); return 0; }' "$T/b.o" -fPIC
  bothLink exe -pie "$T/a.o" "$T/b.o"
  expectOutput "$T/exe" 3
  grep -qE "warning: .*/a\.o: relocation against 'ptr' in read-only section \.text$" "$T/exe.link.err" ||
    fail "no text relocation warning: $(cat "$T/exe.link.err")"
  grep -qF "warning: creating DT_TEXTREL in a PIE" "$T/exe.link.err" || fail "no DT_TEXTREL warning"
  local tags
  for f in exe exe.bfd; do
    tags=$(readelf -dW "$T/$f" | grep -oE '\(TEXTREL\)|\(FLAGS\) +TEXTREL' | tr -s ' ' | tr '\n' ';')
    [ "$tags" = "(TEXTREL);(FLAGS) TEXTREL;" ] || fail "$f: dynamic tags '$tags'"
  done
  mldLink gcc "$T/notext" -pie "$T/a.o" "$T/b.o" -Wl,-z,notext
  [ ! -s "$T/notext.link.err" ] || fail "-z notext still warns: $(cat "$T/notext.link.err")"
  expectOutput "$T/notext" 3
  mldLinkFails gcc "$T/text" -pie "$T/a.o" "$T/b.o" -Wl,-z,text
  expectErr "a.o:(.text+0x6): relocation R_X86_64_64 against 'ptr' in read-only section .text needs a dynamic relocation"
}

# An .init_array input without SHF_WRITE joins the writable output
# .init_array: its pointers get RELATIVE relocations, not text relocations.
case_readonly_init_array() {
  srcObj assembler '
.section .init_array,"aw",@init_array
.p2align 3
.quad init1
.section .note.GNU-stack,"",@progbits' "$T/a.o"
  # The assembler makes any section called .init_array writable, so write
  # it under another name of the same length and rename it in the object.
  srcObj assembler '
.section .init_zzzzz,"a",@progbits
.p2align 3
.quad init2
.section .note.GNU-stack,"",@progbits' "$T/b.o"
  sed -i -e 's/\.init_zzzzz/.init_array/' "$T/b.o"
  readelf -SW "$T/b.o" | grep -qE '\.init_array +PROGBITS .* A ' || fail "(setup) b.o has no read-only .init_array"
  srcObj c '#include <stdio.h>
void init1(void) { printf("init1 "); }
void init2(void) { printf("init2\n"); }
int main(void) { return 0; }' "$T/c.o"
  bothLink exe "$T/a.o" "$T/b.o" "$T/c.o"
  expectOutput "$T/exe" "init1 init2"
  [ ! -s "$T/exe.link.err" ] || fail "warnings: $(cat "$T/exe.link.err")"
  readelf -SW "$T/exe" | grep -qE '\.init_array .* WA ' || fail "output .init_array is not writable"
}

# A name that is only a COMMON so far pulls an archive member just when the
# member defines it for real: a global, initialised variable. Another common
# of the same name, or a weak definition, pulls nothing (ld.bfd's rule), so
# what else that member defines stays out of the link.
case_common_from_archive() {
  srcObj c '#include <stdio.h>
int foo; int bar; int qux;
extern int baz;
__attribute__((weak)) int two(void);
__attribute__((weak)) int three(void);
int main(void) {
  printf("%d %d %d %d %d %d\n", foo, bar, baz, qux, two ? two() : -1, three ? three() : -1);
  return 0;
}' "$T/a.o" -fcommon
  srcObj c 'int foo = 5;' "$T/b.o" -fcommon
  srcObj c 'int bar; int two(void) { return 2; }' "$T/c.o" -fcommon
  srcObj c 'int baz;' "$T/d.o" -fcommon
  srcObj c '__attribute__((weak)) int qux = 9; int three(void) { return 3; }' "$T/e.o" -fcommon
  srcObj c 'int bar = 0; int baz = 7; int two(void) { return 2; }' "$T/f.o" -fcommon
  rm -f "$T/lib1.a" "$T/lib2.a"
  ar rcs "$T/lib1.a" "$T/b.o" "$T/c.o" "$T/d.o" "$T/e.o" || fail "(setup) ar"
  ar rcs "$T/lib2.a" "$T/b.o" "$T/f.o" || fail "(setup) ar"
  bothLink exe1 "$T/a.o" "$T/lib1.a"
  expectOutput "$T/exe1" "5 0 0 0 -1 -1"
  bothLink exe2 "$T/a.o" "$T/lib2.a"
  expectOutput "$T/exe2" "5 0 7 0 2 -1"
}

# A COPY relocation of a variable from a read-only section of its library
# lands in .data.rel.ro, under PT_GNU_RELRO, so writing it faults after
# start-up as it would in the library; a writable variable is copied into
# .bss. ld.bfd does the same.
case_copy_relocation_relro() {
  srcObj c '#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
extern const char readonly[100];
extern char readwrite[100];
extern char relro[100];
static int segv;
static sigjmp_buf buf;
static void handler(int sig) { segv = 1; siglongjmp(buf, 1); }
int main(void) {
  signal(SIGSEGV, handler);
  readwrite[0] = 5;
  int x = segv;
  if (sigsetjmp(buf, 1) == 0)
    *(volatile char *)readonly = 5;
  int y = segv;
  segv = 0;
  if (sigsetjmp(buf, 1) == 0)
    *(volatile char *)relro = 5;
  printf("%s %s %s %d %d %d\n", readonly, readwrite + 1, relro, x, y, segv);
  return 0;
}' "$T/a.o" -fno-PIE
  # (relro: writable data the library's PT_GNU_RELRO covers, so read-only
  # once it is relocated; its copy must be too.)
  srcObj c 'const char readonly[100] = "abc"; char readwrite[100] = "xyz";
__attribute__((section(".data.rel.ro"))) char relro[100] = "rr";' "$T/b.o" -fPIC
  refLink gcc "$T/libb.so" -shared "$T/b.o"
  bothLink exe -no-pie "$T/a.o" "$T/libb.so" -Wl,-rpath,"$T"
  expectOutput "$T/exe" "abc yz rr 0 1 1"
  # .symtab lists each copy as defined where it is, as ld.bfd does.
  local defs
  defs() { nm "$1" | awk '$3 ~ /^(readonly|readwrite|relro)$/ {print $2, $3}' | sort; }
  [ "$(defs "$T/exe")" = "$(defs "$T/exe.bfd")" ] ||
    fail "nm: [$(defs "$T/exe" | tr '\n' ' ')], ld.bfd [$(defs "$T/exe.bfd" | tr '\n' ' ')]"
  # Where each copy lives: the section of its COPY relocation's offset.
  local f sym want
  for f in exe exe.bfd; do
    for sym in readonly readwrite relro; do
      want=.bss
      [ $sym != readwrite ] && want=.data.rel.ro
      local off sec
      off=$(readelf -rW "$T/$f" | awk -v s=$sym '$3 == "R_X86_64_COPY" && $5 == s {print $1}')
      [ -n "$off" ] || fail "$f: no COPY relocation for $sym"
      sec=$(sectionAt "$T/$f" $((16#$off)))
      [ "$sec" = "$want" ] || fail "$f: the copy of $sym is in '$sec', want $want"
    done
  done
}

# An undefined weak symbol of a shared object is dynamic by default, so the
# loader binds it to the executable's definition; -z nodynamic-undefined-weak
# fixes it at 0 when the library is linked.
case_dynamic_undefined_weak() {
  srcObj c '__attribute__((weak)) int foo(void);
int bar(void) { return foo ? foo() : 0; }' "$T/a.o" -fPIC
  srcObj c '#include <stdio.h>
int foo(void) { return 1; }
int bar(void);
int main(void) { printf("%d\n", bar()); return 0; }' "$T/e.o"
  local opt want
  for opt in "" dynamic-undefined-weak nodynamic-undefined-weak; do
    want=1
    [ "$opt" = nodynamic-undefined-weak ] && want=0
    local name=lib${opt:-default}
    mldLink gcc "$T/$name.so" -shared "$T/a.o" ${opt:+-Wl,-z,$opt}
    refLink gcc "$T/$name.bfd.so" -shared "$T/a.o" ${opt:+-Wl,-z,$opt}
    local mine ref
    mine=$(readelf --dyn-syms -W "$T/$name.so" | grep -c ' foo$')
    ref=$(readelf --dyn-syms -W "$T/$name.bfd.so" | grep -c ' foo$')
    [ "$mine" = "$ref" ] || fail "-z ${opt:-(none)}: foo in .dynsym $mine times, ld.bfd: $ref"
    bothLink "exe-${opt:-default}" "$T/e.o" "$T/$name.so" -Wl,-rpath,"$T"
    expectOutput "$T/exe-${opt:-default}" "$want"
  done
}

# The output's GNU property note combines the inputs' as ld.bfd does: the
# x86 feature bits (IBT, SHSTK) only if every object has them, the ISA
# levels needed as a union; -z shstk and -z x86-64-vN add their bits.
case_gnu_property_notes() {
  local props='
.section ".note.gnu.property", "a"
.p2align 3
.long 4
.long 1f - 0f
.long 5
.asciz "GNU"
0: .long 0xc0008002
.long 4
.long LEVEL
.p2align 3
.long 0xc0000002
.long 4
.long FEATURE
.p2align 3
1:
.section .note.GNU-stack,"",@progbits'
  # a.o: ISA baseline+v2, IBT+SHSTK; b.o: ISA v3, SHSTK.
  srcObj assembler "$(printf '%s' "${props/LEVEL/0x3}" | sed 's/FEATURE/0x3/')" "$T/a.o"
  srcObj assembler "$(printf '%s' "${props/LEVEL/0x4}" | sed 's/FEATURE/0x2/')" "$T/b.o"
  srcObj c 'void _start(void) { for (;;) ; }' "$T/c.o"
  notes() { readelf -nW "$1" | grep -E 'x86 (feature|ISA)' | sed 's/^[[:space:]]*//; s/Properties: //'; }
  local args
  while IFS='|' read -r name args; do
    mldLink gcc "$T/$name" -nostdlib -static $args
    refLink gcc "$T/$name.bfd" -nostdlib -static $args
    [ "$(notes "$T/$name")" = "$(notes "$T/$name.bfd")" ] ||
      fail "$name: property notes differ from ld.bfd's:
$(notes "$T/$name")
--- ld.bfd:
$(notes "$T/$name.bfd")"
  done <<LIST
ab|$T/a.o $T/b.o
abc|$T/a.o $T/b.o $T/c.o
shstk|$T/c.o -Wl,-z,shstk
v3|$T/a.o $T/c.o -Wl,-z,x86-64-v3
LIST
  notes "$T/ab" | grep -qE 'x86 feature: SHSTK(,|$)' || fail "ab: no SHSTK: $(notes "$T/ab")"
  notes "$T/abc" | grep -q 'feature' && fail "abc: a feature survived an object without notes"
  notes "$T/shstk" | grep -qE 'x86 feature: SHSTK(,|$)' || fail "-z shstk: $(notes "$T/shstk")"
  true
}

# Program headers as GNU ld writes them: one PT_NOTE per run of adjacent
# notes of one alignment (the 8-aligned .note.gnu.property apart from the
# 4-aligned build-id and ABI tag: a reader walks a PT_NOTE by its p_align),
# a PT_GNU_PROPERTY over .note.gnu.property, and GNU ld's order of the
# headers. The section lists of PT_LOAD (mld makes no .plt.got) and
# PT_GNU_RELRO (ld.bfd's covers the first 24 bytes of .got.plt) differ for
# other reasons, so those two are left out of the comparison.
case_note_segments_like_bfd() {
  srcObj c '#include <stdio.h>
__thread int t = 1;
int main(void) { printf("%d\n", t); return 0; }' "$T/m.o" -fPIE
  srcObj c '#include <stdio.h>
int main(void) { puts("hi"); return 0; }' "$T/n.o" -fno-PIE
  srcObj c 'int f(void) { return 1; }' "$T/s.o" -fPIC
  # readelf -lW: "TYPE ALIGN" per header, then the mapping of the
  # headers other than PT_LOAD and PT_GNU_RELRO.
  phdrs() {
    readelf -lW "$1" | awk '/^  [A-Z]/ && $1 != "Type" {print $1, $NF; t[n++] = $1}
      /Section to Segment/ {m = 1; next}
      m && /^   [0-9]/ {i = $1 + 0; if (t[i] != "LOAD" && t[i] != "GNU_RELRO") print}'
  }
  local name args
  while IFS='|' read -r name args; do
    for bid in --build-id --build-id=none; do
      mldLink gcc "$T/$name$bid" $args -Wl,$bid
      refLink gcc "$T/$name$bid.bfd" $args -Wl,$bid
      [ "$(phdrs "$T/$name$bid")" = "$(phdrs "$T/$name$bid.bfd")" ] ||
        fail "$name $bid: program headers differ from ld.bfd's (< ld.bfd, > mld):
$(diff <(phdrs "$T/$name$bid.bfd") <(phdrs "$T/$name$bid"))"
    done
  done <<LIST
pie|-pie $T/m.o
nopie|-no-pie $T/n.o
shared|-shared $T/s.o
static|-static $T/n.o
staticpie|-static-pie $T/m.o
LIST
  # The case must see both alignments and a PT_GNU_PROPERTY, or it would
  # pass vacuously on a system whose start files have no property notes.
  phdrs "$T/nopie--build-id.bfd" | grep -q '^GNU_PROPERTY 0x8$' ||
    fail "(test setup) ld.bfd made no PT_GNU_PROPERTY: $(phdrs "$T/nopie--build-id.bfd")"
  [ "$(phdrs "$T/nopie--build-id" | grep -c '^NOTE')" = 2 ] ||
    fail "-no-pie: not one PT_NOTE per alignment: $(phdrs "$T/nopie--build-id")"
}

# The IBT-enabled PLT, as GNU ld makes it: with -z ibt (which also marks
# the output IBT), -z ibtplt (PLT only), or when every input is marked IBT,
# calls go to .plt.sec entries (endbr64; jmp *slot) and the lazy .plt
# entries start with endbr64 too. The programs run lazily bound under the
# system's ld.so and under mload; function pointers stay canonical.
case_ibt_plt() {
  srcObj c 'int f1(void) { return 1; } int f2(void) { return 2; } int f3(void) { return 3; }
void *addr_f1(void) { return (void *)f1; }' "$T/lib.o" -fPIC -fcf-protection=full
  srcObj c '#include <stdio.h>
int f1(void), f2(void), f3(void); void *addr_f1(void);
int main(void) { printf("%d %d %d %d\n", f1(), f2(), f3(), (void *)f1 == addr_f1()); return 0; }' \
    "$T/main.o" -fcf-protection=full
  mldLink gcc "$T/libibt.so" -shared "$T/lib.o" -Wl,-z,ibt
  local feature entries how
  feature() { readelf -nW "$1" | sed -n 's/.*x86 feature: //p'; }
  # entries FILE SECTION: the first instruction of each 16-byte entry.
  entries() {
    objdump -d --section="$2" "$1" | grep -E '^ +[0-9a-f]*0:' | cut -f3 | sed 's/ .*//' |
      sort | uniq -c | sed 's/^ *//'
  }
  for how in "-no-pie -Wl,-z,ibt" "-pie -Wl,-z,ibt" "-no-pie -Wl,-z,ibtplt"; do
    mldLink gcc "$T/p" "$T/main.o" -L"$T" -lc -Wl,-rpath,"$T" "$T/libibt.so" $how
    refLink gcc "$T/p.bfd" "$T/main.o" -L"$T" -lc -Wl,-rpath,"$T" "$T/libibt.so" $how
    compareRun "$T/p" "$T/p.bfd"
    [ "$(cat "$T/p.out")" = "1 2 3 1" ] || fail "$how: printed $(cat "$T/p.out")"
    if [ -n "${MLOAD:-}" ]; then
      "$MLOAD" "$T/p" >"$T/p.mload.out" 2>&1 || fail "$how: under mload: $(cat "$T/p.mload.out")"
      cmp -s "$T/p.out" "$T/p.mload.out" || fail "$how: under mload: $(cat "$T/p.mload.out")"
    fi
    [ "$(feature "$T/p")" = "$(feature "$T/p.bfd")" ] ||
      fail "$how: x86 feature '$(feature "$T/p")', ld.bfd '$(feature "$T/p.bfd")'"
    readelf -SW "$T/p" | grep -q ' \.plt\.sec ' || fail "$how: no .plt.sec"
    # (f1, f2, f3, addr_f1, printf, and __cxa_finalize in a PIE.)
    [[ "$(entries "$T/p" .plt.sec)" =~ ^[56]\ endbr64$ ]] ||
      fail "$how: .plt.sec entries: $(entries "$T/p" .plt.sec)"
    # (.plt: PLT0's push, then one endbr64 entry per function.)
    [[ "$(entries "$T/p" .plt | tr '\n' ' ')" =~ ^[56]\ endbr64\ 1\ push\ $ ]] ||
      fail "$how: .plt entries: $(entries "$T/p" .plt | tr '\n' ' ')"
  done
  # Every input IBT: a shared library gets the IBT PLT by itself.
  srcObj c 'int ext(void); int call(void) { return ext() + 1; }' "$T/u.o" -fPIC -fcf-protection=full
  mldLink gcc "$T/auto.so" -shared -nostdlib "$T/u.o"
  refLink gcc "$T/auto.bfd.so" -shared -nostdlib "$T/u.o"
  [ "$(feature "$T/auto.so")" = "IBT, SHSTK" ] && [ "$(feature "$T/auto.bfd.so")" = "IBT, SHSTK" ] ||
    fail "all-IBT inputs: feature '$(feature "$T/auto.so")', ld.bfd '$(feature "$T/auto.bfd.so")'"
  readelf -SW "$T/auto.bfd.so" | grep -q ' \.plt\.sec ' || fail "(setup) ld.bfd made no .plt.sec"
  readelf -SW "$T/auto.so" | grep -q ' \.plt\.sec ' || fail "all-IBT inputs: no .plt.sec"
  # -z cet-report names the inputs without the properties.
  srcObj c 'int ext(void); int call(void) { return ext(); }' "$T/plain.o" -fPIC -fcf-protection=none
  mldLink gcc "$T/w.so" -shared -nostdlib "$T/plain.o" -Wl,-z,cet-report=warning
  grep -q "plain.o: missing IBT and SHSTK properties" "$T/w.so.link.err" ||
    fail "-z cet-report=warning said: $(cat "$T/w.so.link.err")"
  mldLink gcc "$T/w2.so" -shared -nostdlib "$T/plain.o" -Wl,-z,cet-report=warning -Wl,-z,ibt
  grep -q "plain.o: missing SHSTK property" "$T/w2.so.link.err" ||
    fail "-z cet-report=warning -z ibt said: $(cat "$T/w2.so.link.err")"
  mldLinkFails gcc "$T/e.so" -shared -nostdlib "$T/plain.o" -Wl,-z,cet-report=error
  expectErr "plain.o: missing IBT and SHSTK properties"
}
