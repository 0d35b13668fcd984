# hosted-hello: `gcc hello.c -o hello && mload ./hello`. The program needs
# glibc, so mload hands over to mload-hosted: glibc is the system's, loaded
# by ld.so; mload maps, relocates and binds the program, and printf/puts are
# bound lazily, at their first call, through mload's trampoline.
hello() {
  gprog hello hello.c
  grun hello one two
  gprog hello-nopie hello.c -- -no-pie -fno-pie
  grun hello-nopie
}
for_linkers hello

cd "$OUT/bfd" || exit 1
# The binding log shows the hand-over and the lazy first calls into glibc.
MLOAD_LOG=hello.json MLOAD_LOG_FORMAT=json "$MLOAD" ./hello >/dev/null 2>&1
expect_count 1 hello.json handover needs libc.so.6
expect_count 1 hello.json host name libc.so.6
for f in printf puts; do
  expect_count 1 hello.json lazy-bind file ./hello symbol $f to /lib/x86_64-linux-gnu/libc.so.6
  expect_count 1 hello.json lazy-slot file ./hello symbol $f
done
expect_count 1 hello.json bind file ./hello symbol __libc_start_main to mload
# Bind-now: no lazy binding at all.
LD_BIND_NOW=1 MLOAD_LOG=now.json MLOAD_LOG_FORMAT=json "$MLOAD" ./hello >/dev/null 2>&1
expect_count 0 now.json lazy-bind
expect_count 1 now.json bind file ./hello symbol puts type R_X86_64_JUMP_SLOT
# The text log reads like LD_DEBUG=bindings.
MLOAD_DEBUG=bindings "$MLOAD" ./hello 2>text.log >/dev/null
grep -Eq "^ *[0-9]+:	binding file \./hello to /lib/x86_64-linux-gnu/libc\.so\.6: lazy symbol 'puts' \[PLT[1-9][0-9]*\] GOT\.PLT\[[0-9]+\] at 0x[0-9a-f]+: 0x[0-9a-f]+ -> 0x[0-9a-f]+$" text.log \
  || { cat text.log >&2; fail "text log lacks the lazy binding of puts"; }
# --list names libc.so.6 as ldd does.
"$MLOAD" --list ./hello >list.out || fail "--list failed"
grep -Eq "^	libc\.so\.6 => /lib/x86_64-linux-gnu/libc\.so\.6 \(0x[0-9a-f]+\)$" list.out || { cat list.out >&2; fail "--list lacks libc.so.6"; }
