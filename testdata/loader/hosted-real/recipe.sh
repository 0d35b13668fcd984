# hosted-real: programs nobody here wrote (tests/install-deps.sh installs
# them) run under mload with the same stdout and exit status as under the
# system's ld.so, lazily bound and with LD_BIND_NOW.
real() {
  local name=$1; shift
  local bin
  bin=$(PATH=/usr/bin:/bin type -P "$1") || { note "$1 is not installed: skipped (tests/install-deps.sh installs it)"; return; }
  shift
  "$bin" "$@" 2>&1 | grep -v ' proc$' >"$name.native.out"
  echo "exit=${PIPESTATUS[0]}" >>"$name.native.out"
  local mode
  for mode in lazy now; do
    if [ $mode = now ]; then
      LD_BIND_NOW=1 "$MLOAD" "$bin" "$@" 2>&1 | grep -v ' proc$' >"$name.$mode.out"
    else
      "$MLOAD" "$bin" "$@" 2>&1 | grep -v ' proc$' >"$name.$mode.out"
    fi
    echo "exit=${PIPESTATUS[0]}" >>"$name.$mode.out"
    diff -u "$name.native.out" "$name.$mode.out" >&2 || fail "$bin $* ($mode): differs under mload"
  done
  note "$bin $*: same output and exit status under mload (lazy, LD_BIND_NOW)"
}
# ls -l / (its /proc line is left out: the link count follows the processes)
real ls ls -l /
printf 'pear\napple\nfig\n' >fruit.txt
real sort sort fruit.txt
real sqlite3 sqlite3 :memory: 'select 1+1'
real lua lua5.4 -e 'print(1)'
real python3 python3 -c 'print(2**100)'
real python3-ext python3 -c 'import json, decimal, ctypes; print(json.dumps([1, 2]), decimal.Decimal(1) / 3)'
real perl perl -e 'print 42'
real git git --version
real gcc gcc --version
real false false

# The binding log of ls shows glibc's opendir bound lazily at its first call.
"$MLOAD" --log ls.json --log-format json /usr/bin/ls / >/dev/null || fail "ls under mload failed"
expect_count 1 ls.json lazy-bind file /usr/bin/ls symbol opendir to /lib/x86_64-linux-gnu/libc.so.6
