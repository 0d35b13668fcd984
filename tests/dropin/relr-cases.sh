# relr-cases.sh: -z pack-relative-relocs (DT_RELR) against ld.bfd 2.40:
# which RELATIVE relocations move to .relr.dyn (the decoded places, named
# as section+offset since the two linkers' addresses differ), the section
# and its dynamic tags, the GLIBC_ABI_DT_RELR version need, and the program
# run by the system's ld.so, by mload, and as a static PIE.

# relrData NAME: C data with RELATIVE relocations of every shape: a run of
# consecutive words, words 63 and 64 words apart, a pointer 4 bytes into a
# 4-aligned struct (packed by GNU ld with an address word of its own), one
# at an odd offset (left in .rela.dyn), read-only data and a function
# pointer. NAME_sum() adds up where they all point.
relrData() {
  local i
  {
    echo 'static int N_v[400];'
    printf 'int *N_run[70] = {'
    for i in $(seq 0 69); do printf '&N_v[%d],' "$i"; done
    echo '};'
    cat <<'END'
int *N_gaps[300] = {[0] = &N_v[1], [63] = &N_v[2], [64] = &N_v[3],
  [128] = &N_v[4], [192] = &N_v[5], [256] = &N_v[6], [257] = &N_v[7]};
struct N_q { int a; int *p; } __attribute__((packed, aligned(4)));
struct N_q N_q4[2] = {{1, &N_v[8]}, {2, &N_v[9]}};
struct __attribute__((packed)) N_o { char c; int *p; } N_odd = {1, &N_v[10]};
static const char *const N_names[] = {"x", "yy", "zzz"};
static int N_fn(void) { return 11; }
int (*N_fp)(void) = N_fn;
long N_sum(void) {
  long s = 0;
  for (int i = 0; i < 70; i++) s += N_run[i] - N_v;
  for (int i = 0; i < 300; i++) if (N_gaps[i]) s += (N_gaps[i] - N_v) * 100;
  s += (N_q4[0].p - N_v) + (N_q4[1].p - N_v) + (N_odd.p - N_v) * 1000;
  for (int i = 0; i < 3; i++) s += __builtin_strlen(N_names[i]) * 10000;
  return s + N_fp() * 100000;
}
END
  } | sed "s/N_/$1_/g"
}

# placesOf FILE: the RELATIVE places of FILE, one `TABLE SECTION+0xOFF` a
# line, sorted: .relr.dyn's decoded by readelf (binutils 2.40 lists them),
# and .rela.dyn's R_X86_64_RELATIVE entries.
placesOf() {
  readelf -rW "$1" | awk -v secs="$(readelf -SW "$1" | sed -n 's/^ *\[ *[0-9]*\] *//p' |
    awk '$1 != "NULL" {print $1, $3, $5}')" '
    function hex(s,   i, v) {
      v = 0
      for (i = 1; i <= length(s); i++) v = v * 16 + index("0123456789abcdef", substr(s, i, 1)) - 1
      return v
    }
    BEGIN {
      n = split(secs, l, "\n")
      for (i = 1; i <= n; i++) { split(l[i], f, " "); nm[i] = f[1]; lo[i] = hex(f[2]); sz[i] = hex(f[3]) }
    }
    function name(a,   i) {
      for (i = 1; i <= n; i++) if (lo[i] && a >= lo[i] && a < lo[i] + sz[i]) return sprintf("%s+0x%x", nm[i], a - lo[i])
      return sprintf("?0x%x", a)
    }
    /^Relocation section/ { table = $3; next }
    table == "'"'"'.relr.dyn'"'"'" && /^[0-9a-f]+$/ { print ".relr.dyn", name(hex($1)); next }
    table == "'"'"'.rela.dyn'"'"'" && $3 == "R_X86_64_RELATIVE" { print ".rela.dyn", name(hex($1)) }
  ' | sort
}

# checkRelrSection FILE: .relr.dyn is SHT_RELR, SHF_ALLOC, entsize 8, align
# 8, right after .rela.plt (or .rela.dyn), and the dynamic tags describe it.
checkRelrSection() {
  local f=$1 line prev
  line=$(readelf -SW "$f" | sed -n 's/^ *\[ *[0-9]*\] *//p' | grep '^\.relr\.dyn ')
  [ -n "$line" ] || fail "$f: no .relr.dyn"
  read -r _ type addr _ size es flg lk inf al <<<"$line"
  [ "$type/$es/$flg/$lk/$inf/$al" = "RELR/08/A/0/0/8" ] || fail "$f: .relr.dyn is '$line'"
  prev=$(readelf -SW "$f" | sed -n 's/^ *\[ *[0-9]*\] *//p' | grep -B1 '^\.relr\.dyn ' | head -1 | cut -d' ' -f1)
  [ "$prev" = .rela.plt ] || [ "$prev" = .rela.dyn ] || fail "$f: .relr.dyn follows $prev"
  local dyn
  dyn=$(readelf -dW "$f")
  grep -qE "\(RELR\) +$(printf '0x%x' $((16#$addr)))$" <<<"$dyn" || fail "$f: DT_RELR is not 0x$addr"
  grep -qE "\(RELRSZ\) +$((16#$size)) \(bytes\)" <<<"$dyn" || fail "$f: DT_RELRSZ is not 0x$size"
  grep -qE "\(RELRENT\) +8 \(bytes\)" <<<"$dyn" || fail "$f: no DT_RELRENT 8"
}

# relrNeed FILE: the GLIBC_ABI_DT_RELR version need, as `FILE: NAME`.
relrNeed() {
  readelf -VW "$1" | awk '/File:/ {file = $5} /Name: GLIBC_ABI_DT_RELR/ {print file ": " $3}'
}

# samePlaces NAME: $T/NAME (mld) has the RELATIVE places $T/NAME.bfd has,
# as many in .relr.dyn as in .rela.dyn, and the same version need.
samePlaces() {
  placesOf "$T/$1" >"$T/$1.places"
  placesOf "$T/$1.bfd" >"$T/$1.bfd.places"
  grep -q '^\.relr\.dyn' "$T/$1.bfd.places" || fail "(test setup) ld.bfd packed nothing in $1"
  diff "$T/$1.bfd.places" "$T/$1.places" >"$T/$1.places.diff" ||
    fail "$1: RELATIVE places differ from ld.bfd's (< ld.bfd, > mld): $(head -20 "$T/$1.places.diff")"
  [ "$(relrNeed "$T/$1")" = "$(relrNeed "$T/$1.bfd")" ] ||
    fail "$1: GLIBC_ABI_DT_RELR need '$(relrNeed "$T/$1")', ld.bfd: '$(relrNeed "$T/$1.bfd")'"
}

# A library and a PIE using it, both packed: places, section, tags and
# version need as ld.bfd's; the program prints the same under ld.so and
# under mload (hosted mode), whichever linker made each file; mload's JSON
# log has one DT_RELR record per packed place of the program.
case_pie_and_shared_like_bfd() {
  relrData lib >"$T/lib.c"
  { echo '#include <stdio.h>'; relrData prog
    echo 'long lib_sum(void);'
    echo 'int main(void) { printf("%ld %ld\n", prog_sum(), lib_sum()); return 0; }'
  } >"$T/prog.c"
  gcc -O1 -fPIC -c "$T/lib.c" -o "$T/lib.o" || fail "compile lib.c"
  gcc -O1 -fPIE -c "$T/prog.c" -o "$T/prog.o" || fail "compile prog.c"
  mldLink gcc "$T/librelr.so" -shared "$T/lib.o" -Wl,-z,pack-relative-relocs -Wl,-soname,librelr.so
  refLink gcc "$T/librelr.so.bfd" -shared "$T/lib.o" -Wl,-z,pack-relative-relocs -Wl,-soname,librelr.so
  mldLink gcc "$T/prog" -pie "$T/prog.o" "$T/librelr.so" -Wl,-z,pack-relative-relocs -Wl,-rpath,'$ORIGIN'
  refLink gcc "$T/prog.bfd" -pie "$T/prog.o" "$T/librelr.so" -Wl,-z,pack-relative-relocs -Wl,-rpath,'$ORIGIN'
  local f
  for f in librelr.so prog; do
    checkRelrSection "$T/$f"
    samePlaces "$f"
    grep -qE '^\.rela\.dyn \.data\+0x[0-9a-f]*[13579bdf]$' "$T/$f.places" ||
      fail "$f: the odd-offset pointer is not in .rela.dyn"
  done
  [ "$(relrNeed "$T/prog")" = "libc.so.6: GLIBC_ABI_DT_RELR" ] || fail "prog: no GLIBC_ABI_DT_RELR need"
  compareRun "$T/prog" "$T/prog.bfd"
  # Each linker's program with the other's library, then under mload.
  cp "$T/librelr.so" "$T/librelr.so.mld"
  cp "$T/librelr.so.bfd" "$T/librelr.so"
  compareRun "$T/prog" "$T/prog.bfd"
  local want lib prog
  want=$(cat "$T/prog.bfd.out")
  for lib in librelr.so.bfd librelr.so.mld; do
    cp "$T/$lib" "$T/librelr.so"
    for prog in prog prog.bfd; do
      (cd "$T" && "${runEnv[@]}" MLOAD_LOG="$prog.json" MLOAD_LOG_FORMAT=json "$MLOAD" "./$prog" \
        >"$prog.mload.out" 2>"$prog.mload.err") || fail "$prog with $lib under mload: $(head -5 "$T/$prog.mload.err")"
      [ "$(cat "$T/$prog.mload.out")" = "$want" ] || fail "$prog with $lib under mload printed $(cat "$T/$prog.mload.out")"
      local logged packed
      logged=$(grep -F '"file":"./'"$prog"'"' "$T/$prog.json" | grep -F '"type":"R_X86_64_RELATIVE"' |
        grep -cF '"table":"DT_RELR"')
      packed=$(grep -c '^\.relr\.dyn' "$T/$prog.places")
      [ "$logged" = "$packed" ] || fail "$prog: mload logged $logged DT_RELR relocations, $packed packed"
    done
  done
}

# -z nopack-relative-relocs is the default and the last of the two wins; a
# non-PIE executable is never packed and gets no GLIBC_ABI_DT_RELR (as with
# ld.bfd); a library with no GLIBC_2.* need gets none either, one with such a
# need gets it even with nothing to pack (ld.bfd adds it whenever the option
# is on).
case_options_and_version_need() {
  relrData p >"$T/p.c"
  echo '#include <stdio.h>
int main(void) { printf("%ld\n", p_sum()); return 0; }' >>"$T/p.c"
  gcc -O1 -fPIE -c "$T/p.c" -o "$T/p.o" || fail "compile p.c"
  local args name
  for args in "" "-Wl,-z,pack-relative-relocs -Wl,-z,nopack-relative-relocs" \
              "-Wl,-z,nopack-relative-relocs -Wl,-z,pack-relative-relocs" \
              "-no-pie -Wl,-z,pack-relative-relocs"; do
    name=p$(echo "$args" | tr -cd 'a-z')
    # shellcheck disable=SC2086
    mldLink gcc "$T/$name" $args "$T/p.o"
    # shellcheck disable=SC2086
    refLink gcc "$T/$name.bfd" $args "$T/p.o"
    local mine ref
    mine=$(readelf -SW "$T/$name" | grep -c '\.relr\.dyn')
    ref=$(readelf -SW "$T/$name.bfd" | grep -c '\.relr\.dyn')
    [ "$mine" = "$ref" ] || fail "'$args': mld made $mine .relr.dyn, ld.bfd $ref"
    [ "$(relrNeed "$T/$name")" = "$(relrNeed "$T/$name.bfd")" ] ||
      fail "'$args': GLIBC_ABI_DT_RELR need '$(relrNeed "$T/$name")', ld.bfd '$(relrNeed "$T/$name.bfd")'"
    [ "$mine" = 0 ] || samePlaces "$name"
    compareRun "$T/$name" "$T/$name.bfd"
  done
  name=p$(echo "-Wl,-z,nopack-relative-relocs -Wl,-z,pack-relative-relocs" | tr -cd 'a-z')
  [ "$(relrNeed "$T/$name")" = "libc.so.6: GLIBC_ABI_DT_RELR" ] ||
    fail "the last -z pack-relative-relocs did not win"
  # Only a call into libc (a GLIBC_2.2.5 need), nothing to pack.
  printf '.text\n.globl f\nf: jmp puts@PLT\n' | gcc -c -x assembler - -o "$T/call.o" || fail "as"
  # Pointers only, no libc symbol: no version need at all.
  printf '.data\n.balign 8\nq: .quad q\n' | gcc -c -x assembler - -o "$T/data.o" || fail "as"
  for name in call data; do
    mldLink gcc "$T/$name.so" -shared -nostartfiles "$T/$name.o" -Wl,-z,pack-relative-relocs
    refLink gcc "$T/$name.so.bfd" -shared -nostartfiles "$T/$name.o" -Wl,-z,pack-relative-relocs
    [ "$(relrNeed "$T/$name.so")" = "$(relrNeed "$T/$name.so.bfd")" ] ||
      fail "$name.so: GLIBC_ABI_DT_RELR need '$(relrNeed "$T/$name.so")', ld.bfd '$(relrNeed "$T/$name.so.bfd")'"
  done
  [ -n "$(relrNeed "$T/call.so")" ] || fail "call.so: no GLIBC_ABI_DT_RELR need"
  [ -z "$(relrNeed "$T/data.so")" ] || fail "data.so: a GLIBC_ABI_DT_RELR need without a glibc need"
  [ "$(readelf -SW "$T/call.so" | grep -c '\.relr\.dyn')" = 0 ] || fail "call.so: an empty .relr.dyn"
}

# A glibc static PIE: glibc's own start-up applies .relr.dyn (no ld.so),
# packed as ld.bfd packs it.
case_static_pie_like_bfd() {
  relrData s >"$T/s.c"
  echo '#include <stdio.h>
int main(void) { printf("%ld\n", s_sum()); return 0; }' >>"$T/s.c"
  gcc -O1 -fPIE -c "$T/s.c" -o "$T/s.o" || fail "compile s.c"
  mldLink gcc "$T/s" -static-pie "$T/s.o" -Wl,-z,pack-relative-relocs
  refLink gcc "$T/s.bfd" -static-pie "$T/s.o" -Wl,-z,pack-relative-relocs
  checkRelrSection "$T/s"
  placesOf "$T/s" >"$T/s.places"
  placesOf "$T/s.bfd" >"$T/s.bfd.places"
  # libc.a's own data is laid out alike by both: compare the program's.
  diff <(grep -v '\.got' "$T/s.bfd.places" | grep -c .) <(grep -v '\.got' "$T/s.places" | grep -c .) >/dev/null ||
    fail "static PIE: $(grep -c . "$T/s.places") RELATIVE places, ld.bfd $(grep -c . "$T/s.bfd.places")"
  [ -z "$(relrNeed "$T/s")" ] || fail "static PIE: a version need"
  compareRun "$T/s" "$T/s.bfd"
}
