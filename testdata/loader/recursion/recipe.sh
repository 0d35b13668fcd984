# recursion: ping (libping) and pong (libpong) recurse 20000 deep through
# each other's PLT entries; deep_hello (libdeep) is first called 15000
# frames down. Proves lazy binding works at any stack depth and binds each
# function once although it is called thousands of times.
lib deep deep.c
lib pong pong.c  # ping is found in the global scope at run time
lib ping ping.c -- -lpong -ldeep
prog prog pie prog.c -- -lping -lpong
# run_all wants an empty stderr: the markers go to fd 2, so compare them
# separately and run each mode with stderr checked by hand.
for mode in direct interp bindnow; do
  case $mode in
    direct) "$MLOAD" ./prog >out.txt 2>err.txt ;;
    interp) ./prog >out.txt 2>err.txt ;;
    bindnow) MLOAD_BIND_NOW=1 ./prog >out.txt 2>err.txt ;;
  esac
  echo "exit=$?" >>out.txt
  diff -u "$SRC/prog.out" out.txt >&2 || fail "$mode: wrong output"
  printf 'marker: recursion starts\nmarker: deep_hello running\n' | diff -u - err.txt >&2 || fail "$mode: wrong stderr"
done
LD_LIBRARY_PATH=$RT ./prog.sys >out.txt 2>/dev/null
echo "exit=$?" >>out.txt
diff -u "$SRC/prog.out" out.txt >&2 || fail "system ld.so: wrong output"

json_log prog
expect_count 1 prog.json lazy-bind file ./prog symbol ping
expect_count 1 prog.json lazy-bind file ./libping.so symbol pong
expect_count 1 prog.json lazy-bind file ./libpong.so symbol ping
expect_count 1 prog.json lazy-bind file ./libping.so symbol deep_hello
# The text log, interleaved with the program's own stderr, shows deep_hello
# bound after the recursion started and before its body ran.
MLOAD_DEBUG=bindings ./prog 2>&1 >/dev/null | grep -E "marker|'deep_hello'|'pong'" >order.txt
awk '/marker: recursion/ {print "start"} /marker: deep/ {print "body"} /binding.*'"'pong'"'/ {print "bind pong"}
     /binding.*'"'deep_hello'"'/ {print "bind deep_hello"}' order.txt >order.short
printf 'start\nbind pong\nbind deep_hello\nbody\n' | diff -u - order.short >&2 \
  || fail "deep_hello was not bound lazily in the middle of the recursion"
