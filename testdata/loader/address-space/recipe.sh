# address-space: `mload --maps` (and MLOAD_MAPS=1 as PT_INTERP) lists the
# process's memory at the hand-over; the program copies its own
# /proc/self/maps to stdout first thing in main, and check-maps.py checks
# every listed mapping against it (same range, permissions, file, offset),
# plus the TLS block, the stack and the program break. Both the
# freestanding mload (a runtime program) and mload-hosted (a glibc one).
CHECK="python3 $(dirname "$0")/check-maps.py"
lib space lib.c
prog prog pie prog.c -- -lspace
"$MLOAD" --maps ./prog >direct.maps 2>direct.list || fail "prog under mload --maps failed"
$CHECK direct.list direct.maps --expect ./prog --expect ./libspace.so || fail "--maps (text) disagrees with the kernel"
MLOAD_MAPS=1 MLOAD_LOG_FORMAT=json ./prog >interp.maps 2>interp.list || fail "prog with MLOAD_MAPS=1 failed"
$CHECK interp.list interp.maps --expect ./prog --expect ./libspace.so || fail "MLOAD_MAPS (JSON) disagrees with the kernel"
grep -q '"event":"tls-block"' interp.list || fail "no TLS block listed"
grep -q '"part":"relro","sections":"[^"]*\.dynamic' interp.list || fail "no RELRO mapping holding .dynamic"
# Without --maps nothing is printed.
"$MLOAD" ./prog >/dev/null 2>quiet.err && [ ! -s quiet.err ] || fail "output without --maps"
# With a log file, the listing goes there, right before the hand-over.
"$MLOAD" --maps --log run.log ./prog >/dev/null 2>log.err && [ ! -s log.err ] || fail "--maps --log wrote to stderr"
grep -A1 'heap: program break' run.log | grep -q 'transferring control' || fail "the listing is not right before the start line"

# Hosted: mload hands the glibc program over to mload-hosted, which lists
# glibc's objects as the system's ld.so mapped them.
glib hspace lib.c
gprog hprog prog.c -- -lhspace
"$MLOAD" --maps ./hprog >hdirect.maps 2>hdirect.list || fail "hprog under mload --maps failed"
$CHECK hdirect.list hdirect.maps --expect ./hprog --expect ./libhspace.so || fail "hosted --maps disagrees with the kernel"
grep -q 'libc.so.6 LOAD\[1\] offset 0x[0-9a-f]*: .*\.text' hdirect.list || fail "glibc's text not listed"
MLOAD_MAPS=1 MLOAD_LOG_FORMAT=json ./hprog.mload >hinterp.maps 2>hinterp.list || fail "hprog.mload with MLOAD_MAPS=1 failed"
$CHECK hinterp.list hinterp.maps --expect ./hprog.mload --expect ./libhspace.so \
  || fail "hosted MLOAD_MAPS (JSON) disagrees with the kernel"

# A read-only segment with .bss-like memory past its file part: mload maps
# the file pages writable to zero the tail of the last one, and must make
# all of them read-only again (it once re-protected only the last page).
as -o robss.o "$SRC/robss.s" && ld -T "$SRC/robss.ld" -o robss robss.o || fail "cannot build robss"
"$MLOAD" --maps ./robss >robss.maps 2>robss.list || fail "robss under mload --maps failed"
$CHECK robss.list robss.maps || fail "--maps of a read-only segment with .bss disagrees with the kernel"
awk '/\/robss$/ && $2 ~ /w/' robss.maps | grep -q . && fail "a page of robss's read-only segment is writable"
true
