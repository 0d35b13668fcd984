# hostile: programs and libraries with one field patched, each as a
# mutation campaign found it crashing mload (issue 15, mload-M1..M8). Each
# must now give one line and exit 127, or run correctly, never crash.
lib host lib.c -- -Wl,--allow-shlib-undefined
prog prog pie prog.c -- -lhost -Wl,--allow-shlib-undefined
prog prog-nopie nopie prog.c -- -lhost -Wl,--allow-shlib-undefined
prog prog-now pie prog.c -- -lhost -Wl,--allow-shlib-undefined -Wl,-z,now -Wl,-z,relro
NO_SYSTEM="__tls_get_addr comes from mload" run_all prog
NO_SYSTEM="__tls_get_addr comes from mload" run_all prog-nopie

# rela_entry FILE SECTION PATTERN: file offset of the first entry of
# relocation section SECTION whose `readelf -rW` line matches PATTERN.
rela_entry() {
  local r
  r=$(readelf -rW "$1" | awk -v sec="'$2'" -v pat="$3" '
    /^Relocation section/ { on = index($0, sec) > 0; base = $(NF - 3); n = 0; next }
    on && /^[0-9a-f]+ +[0-9a-f]+ / { if ($0 ~ pat) { print base, n; exit } n++ }')
  [ -n "$r" ] || fail "no relocation matching $3 in $2 of $1"
  set -- $r
  echo $(($1 + 24 * $2))
}
# section_field FILE NAME FIELD: a field of section NAME's `readelf -SW`
# line, counted after the name (2: address, 3: file offset).
section_field() {
  echo $((0x$(readelf -SW "$1" | awk -v s="$2" -v f="$3" '{for (i = 1; i <= NF; i++) if ($i == s) print $(i + f)}')))
}
# sym_entry FILE NAME: file offset of NAME's entry in .dynsym.
sym_entry() {
  local idx
  idx=$(readelf --dyn-syms -W "$1" | awk -v s="$2" '$8 == s {sub(":", "", $1); print $1; exit}')
  echo $(($(section_field "$1" .dynsym 3) + 24 * idx))
}

# M1: a `-z now` program whose BIND_NOW flags are gone: its .got.plt lies in
# PT_GNU_RELRO, so a lazy slot there would fault at the first call. Slots in
# RELRO are bound at start-up instead.
cp prog-now lost-now
[ -n "$(dyn_entry lost-now 30 2>/dev/null)" ] && put_u64 lost-now $(($(dyn_entry lost-now 30) + 8)) 0
put_u64 lost-now $(($(dyn_entry lost-now $((0x6ffffffb))) + 8)) 0
[ "$("$MLOAD" ./lost-now; echo "exit=$?")" = "$(cat "$SRC/prog.out")" ] || fail "lost-now did not run correctly"

# M2: a JUMP_SLOT to one of mload's builtins with an addend.
cp libhost.so broken-addend.so
put_u64 broken-addend.so $(($(rela_entry broken-addend.so .rela.plt __tls_get_addr) + 16)) $((0x7f))
mkdir -p m2 && cp broken-addend.so m2/libhost.so
expect_error 'mload: error: \./libhost\.so: lazy binding: __tls_get_addr resolves to 0x[0-9a-f]+, outside the code of mload|mload: error: m2/libhost\.so: lazy binding: __tls_get_addr resolves to 0x[0-9a-f]+, outside the code of mload' \
  "$MLOAD" --library-path m2 ./prog-nopie

# M3: the segment holding the program headers is PROT_NONE.
cp prog noread && put_u8 noread "$(phdr_field noread 0 4)" 0
expect_error 'mload: error: \./noread: .*' "$MLOAD" ./noread

# M4: a COPY relocation whose size reaches past both objects.
cp prog-nopie bigcopy && put_u64 bigcopy $(($(sym_entry bigcopy lib_int) + 16)) $((0x38a9))
expect_error 'mload: error: \./bigcopy: relocation at 0x[0-9a-f]+ lies outside the writable segments' "$MLOAD" ./bigcopy

# M5: DT_PLTGOT pointing into a read-only segment: GOT.PLT[1]/GOT.PLT[2] are not
# written there; the slots do not follow it, so the program is bound at
# start-up and runs.
cp prog badgot && put_u64 badgot $(($(dyn_entry badgot 3) + 8)) $((0x28))
[ "$("$MLOAD" ./badgot 2>&1; echo "exit=$?")" = "$(cat "$SRC/prog.out")" ] || fail "badgot did not run correctly"

# M6: the DTPMOD64 slot moved: __tls_get_addr gets a module id of 0.
cp libhost.so m6.so
at=$(rela_entry m6.so .rela.dyn R_X86_64_DTPMOD64)
put_u64 m6.so "$at" $(($(u64 m6.so "$at") - 16))
mkdir -p m6 && cp m6.so m6/libhost.so
expect_error 'mload: error: __tls_get_addr: no module with TLS has id [0-9]+ \(corrupt DTPMOD64 relocation\?\)' \
  "$MLOAD" --library-path m6 ./prog-nopie

# M8: a data relocation moved onto GOT.PLT[1], the module handle PLT0 pushes.
cp prog badhandle
got=$(section_field badhandle .got.plt 2)
put_u64 badhandle "$(rela_entry badhandle .rela.dyn "R_X86_64_(RELATIVE|64|GLOB_DAT)")" $((got + 8))
expect_error 'mload: error: lazy binding: the module handle in a GOT \(0x[0-9a-f]+\) is not a loaded module \(corrupt GOT\.PLT\[1\]\?\)' \
  "$MLOAD" ./badhandle
note "every hostile input gives one line and exit 127, or runs"

# DT_PLTGOT moved off .got.plt: PLT0 would read GOT.PLT[1]/GOT.PLT[2] where mload
# did not write them, so the program is bound at start-up instead, and runs.
cp prog movedgot && put_u64 movedgot $(($(dyn_entry movedgot 3) + 8)) $(($(section_field movedgot .got.plt 2) + 8))
[ "$("$MLOAD" ./movedgot; echo "exit=$?")" = "$(cat "$SRC/prog.out")" ] || fail "movedgot did not run correctly"
# ... also at an odd address, which mload never reads as a table: bound now.
cp prog oddgot && put_u64 oddgot $(($(dyn_entry oddgot 3) + 8)) $(($(section_field oddgot .got.plt 2) + 1))
[ "$("$MLOAD" ./oddgot; echo "exit=$?")" = "$(cat "$SRC/prog.out")" ] || fail "oddgot did not run correctly"
# A JUMP_SLOT whose initial value is not code of the module: bound now.
cp prog-nopie badslot && put_u64 badslot $(section_field badslot .got.plt 3) 0 # GOT.PLT[0], then the slots:
put_u64 badslot $(($(section_field badslot .got.plt 3) + 24)) $((0x12345))
[ "$("$MLOAD" ./badslot; echo "exit=$?")" = "$(cat "$SRC/prog.out")" ] || fail "badslot did not run correctly"
# DT_JMPREL without DT_PLTRELSZ: one line, not a jump through unrelocated slots.
cp prog nopltsz && put_u64 nopltsz "$(dyn_entry nopltsz 2)" 18
expect_error 'mload: error: \./nopltsz: dynamic tag 23 has no size tag \(2\)' "$MLOAD" ./nopltsz

# Found by the loader's fuzz targets (tests/fuzz/fuzz-loader-*.cpp).
$CC $CFLAGS -fPIC -shared -nostdlib -o libbare.so "$SRC/bare.c" -Wl,-soname,libbare.so \
  -Wl,--version-script="$SRC/bare.map" || fail "cannot build libbare.so"
prog prog-bare pie prog-bare.c -- -lbare
[ "$("$MLOAD" ./prog-bare; echo "exit=$?")" = "exit=7" ] || fail "prog-bare did not run"
# A table is read in place: one at an odd address (here .gnu.version_r
# moved by 2 bytes, a misaligned Elf64_Verneed) is refused, not read.
cp prog-bare vn-odd && at=$(($(dyn_entry vn-odd $((0x6ffffffe))) + 8)) && put_u64 vn-odd $at $(($(u64 vn-odd $at) + 2))
expect_error 'mload: error: \./vn-odd: DT_VERNEED is misaligned \(corrupt file\?\)' "$MLOAD" ./vn-odd
cp libbare.so gh-odd.so && at=$(($(dyn_entry gh-odd.so $((0x6ffffef5))) + 8)) && put_u64 gh-odd.so $at $(($(u64 gh-odd.so $at) + 4))
mkdir -p gh-odd && cp gh-odd.so gh-odd/libbare.so
expect_error 'mload: error: (\./|gh-odd/)libbare\.so: DT_GNU_HASH is misaligned \(corrupt file\?\)' \
  "$MLOAD" --library-path gh-odd ./prog-bare
# DT_STRTAB's tag lost: the hash tables were then never checked, and a
# lookup divided by a corrupt bucket count. A symbol table needs its names.
cp libbare.so nostr.so && put_u64 nostr.so "$(dyn_entry nostr.so 5)" $((0x2000000005))
mkdir -p nostr && cp nostr.so nostr/libbare.so
expect_error 'mload: error: (\./|nostr/)libbare\.so: DT_SYMTAB without DT_STRTAB \(corrupt file\?\)' \
  "$MLOAD" --library-path nostr ./prog-bare
# A Bloom shift past 31 (word 3 of .gnu.hash) shifted a 32-bit hash by it.
cp libbare.so shift.so && put_u8 shift.so $(($(section_field shift.so .gnu.hash 3) + 12)) 38
mkdir -p shift && cp shift.so shift/libbare.so
expect_error 'mload: error: (\./|shift/)libbare\.so: DT_GNU_HASH has a bad Bloom shift \(corrupt file\?\)' \
  "$MLOAD" --library-path shift ./prog-bare
note "fuzz findings give one line and exit 127"
