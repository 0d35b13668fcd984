# bad-input: malformed programs and libraries, a missing library and
# missing symbols. Each must give one clear line naming the file and exit
# status 127, never a crash. Corrupt files are made by patching bytes of
# a good one.
lib good good.c
prog prog pie prog.c -- -lgood
"$MLOAD" ./prog | grep -qx good || fail "the unpatched program does not run"

printf 'this is a text file\n' >notelf
expect_error 'mload: error: \./notelf: not an ELF file \(invalid ELF header\)' "$MLOAD" ./notelf
: >empty
expect_error 'mload: error: \./empty: not an ELF file \(invalid ELF header\)' "$MLOAD" ./empty
head -c 40 prog >short
expect_error 'mload: error: \./short: file too short \(truncated ELF header\)' "$MLOAD" ./short
cp prog class32 && put_u8 class32 4 1
expect_error 'mload: error: \./class32: wrong ELF class: ELFCLASS32 \(expected ELFCLASS64\)' "$MLOAD" ./class32
cp prog arm && put_u8 arm 18 40 && put_u8 arm 19 0
expect_error 'mload: error: \./arm: wrong machine type 40 \(expected x86-64\)' "$MLOAD" ./arm
head -c 6000 prog >truncated
expect_error 'mload: error: \./truncated: segment [0-9]+ reaches past the end of the file \(offset 0x[0-9a-f]+ \+ size 0x[0-9a-f]+ > file size 0x1770; file truncated\?\)' \
  "$MLOAD" ./truncated
head -c 100 prog >nophdrs
expect_error 'mload: error: \./nophdrs: program headers reach past the end of the file \(file truncated\?\)' "$MLOAD" ./nophdrs
cp prog overlap && put_u64 overlap "$(phdr_field overlap 1 16)" "$(u64 overlap "$(phdr_field overlap 0 16)")"
expect_error 'mload: error: \./overlap: segments [0-9]+ and [0-9]+ overlap' "$MLOAD" ./overlap
cp prog pastend && put_u64 pastend "$(phdr_field pastend 1 32)" $((0x100000))
expect_error 'mload: error: \./pastend: segment [0-9]+ reaches past the end of the file .*' "$MLOAD" ./pastend
cp prog wx && put_u8 wx "$(phdr_field wx 1 4)" 7
expect_error 'mload: error: \./wx: segment [0-9]+ is writable and executable; refusing to map it' "$MLOAD" ./wx

cp prog badentry && put_u64 badentry 24 $((0x10))
expect_error 'mload: error: \./badentry: entry point lies outside the executable segments' "$MLOAD" ./badentry

# A corrupt library, found first through --library-path.
mkdir -p broken && head -c 5000 libgood.so >broken/libgood.so
expect_error 'mload: error: broken/libgood\.so: segment [0-9]+ reaches past the end of the file .*' \
  "$MLOAD" --library-path broken ./prog
# A library of another class is skipped and the search goes on (to
# $ORIGIN here), as glibc does; if nothing else is found, its error shows.
cp libgood.so broken/libgood.so && put_u8 broken/libgood.so 4 1
[ "$("$MLOAD" --library-path broken ./prog)" = good ] || fail "an ELFCLASS32 library was not skipped"
mkdir -p alone && cp prog broken/libgood.so alone/
expect_error 'mload: error: \./alone/libgood\.so: wrong ELF class: ELFCLASS32 \(expected ELFCLASS64\)' \
  "$MLOAD" ./alone/prog

# A library whose .dynamic is outside its segments, or whose DT_STRTAB
# points outside the image.
cp libgood.so broken/libgood.so
for ((i = 0; ; i++)); do
  at=$(($(u64 broken/libgood.so 32) + 56 * i))
  [ "$(od -An -t u4 -j $at -N 4 broken/libgood.so | tr -d ' ')" = 2 ] && break
done
put_u64 broken/libgood.so $((at + 16)) $((0x7000000))
expect_error 'mload: error: broken/libgood\.so: PT_DYNAMIC lies outside the loadable segments' \
  "$MLOAD" --library-path broken ./prog
cp libgood.so broken/libgood.so
put_u64 broken/libgood.so $(($(dyn_entry broken/libgood.so 5) + 8)) $((0x40000000))
expect_error 'mload: error: broken/libgood\.so: dynamic tag 0x5 points outside the image' \
  "$MLOAD" --library-path broken ./prog

# A relocation aimed outside the library's image (DT_JMPREL lies in the first
# segment, where file offsets equal addresses).
cp libgood.so broken/libgood.so
jmprel=$(u64 broken/libgood.so $(($(dyn_entry broken/libgood.so 23) + 8)))
put_u64 broken/libgood.so "$jmprel" $((0x40000000))
expect_error 'mload: error: broken/libgood\.so: relocation at 0x40000000 lies outside the writable segments' \
  "$MLOAD" --library-path broken ./prog

# A missing library: glibc's wording, in both forms.
lib gone good.c
prog needsgone pie prog.c -- -lgone
rm libgone.so
expect_error 'mload: error while loading shared libraries: libgone\.so: cannot open shared object file: No such file or directory' \
  "$MLOAD" ./needsgone
expect_error 'mload: error while loading shared libraries: libgone\.so: cannot open shared object file: No such file or directory' \
  ./needsgone

# Missing symbols: every one is reported, then exit 127.
lib needy needy.c
prog callneedy pie call-needy.c -- -lneedy -Wl,--allow-shlib-undefined
./callneedy >/dev/null 2>err.txt; rc=$?
[ $rc -eq 127 ] || fail "missing data symbol: exit $rc"
printf 'mload: error: ./libneedy.so: symbol not found: missing_var\n' | diff -u - err.txt >&2 || fail "missing_var report"
MLOAD_BIND_NOW=1 ./callneedy >/dev/null 2>err.txt; rc=$?
[ $rc -eq 127 ] || fail "missing symbols with bind-now: exit $rc"
printf 'mload: error: ./libneedy.so: symbol not found: missing_var\nmload: error: ./libneedy.so: symbol not found: missing_fn\n' \
  | diff -u - err.txt >&2 || fail "bind-now must report both missing symbols"

# A missing function under lazy binding fails at its first call.
lib lazy lazy.c
prog calllazy pie call-lazy.c -- -llazy -Wl,--allow-shlib-undefined
./calllazy >out.txt 2>err.txt; rc=$?
[ $rc -eq 127 ] || fail "lazy missing symbol: exit $rc"
grep -qx "before the call" out.txt || fail "the program did not run up to the failing call"
printf 'mload: symbol lookup error: ./liblazy.so: undefined symbol: missing_fn\n' | diff -u - err.txt >&2 \
  || fail "lazy lookup failure message"

# Usage errors.
expect_error 'mload: error: unknown option: --bogus' sh -c "'$MLOAD' --bogus ./prog 2>&1 | head -1 >&2; exit 127"
expect_error 'mload: error: \./nosuchfile: cannot open file: No such file or directory' "$MLOAD" ./nosuchfile

# A shared library given as the program says so (it has no entry point).
expect_error 'mload: error: \./libgood\.so: is a shared library, not a program \(it has no entry point\)' "$MLOAD" ./libgood.so
# Environment values: the message names the variable and the value.
MLOAD_LOG_FORMAT=xml expect_error "mload: error: MLOAD_LOG_FORMAT must be text or json, not 'xml'" "$MLOAD" ./prog
expect_error "mload: error: --log-format must be text or json, not 'xml'" "$MLOAD" --log-format xml ./prog
MLOAD_DEBUG=libs,bogus expect_error "mload: error: MLOAD_DEBUG: unknown category 'bogus' \(valid: libs, reloc, bindings, init, all, help\)" "$MLOAD" ./prog
# MLOAD_DEBUG=help lists the categories and exits 0, as LD_DEBUG=help does.
MLOAD_DEBUG=help "$MLOAD" ./prog >help.out 2>&1 || fail "MLOAD_DEBUG=help exited $?"
grep -q '^  bindings ' help.out && ! grep -q '^good$' help.out || { cat help.out >&2; fail "MLOAD_DEBUG=help does not list the categories"; }
