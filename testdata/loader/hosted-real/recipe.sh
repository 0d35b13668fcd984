# hosted-real: programs nobody here wrote (tests/install-deps.sh installs
# them) run under mload with the same stdout and exit status as under the
# system's ld.so, lazily bound and with LD_BIND_NOW.
# run_one NAME MODE BIN ARGS: NAME.MODE.out, stdout+stderr and exit status.
run_one() {
  local name=$1 mode=$2; shift 2
  case $mode in
    native) "$@" ;;
    lazy) "$MLOAD" "$@" ;;
    now) LD_BIND_NOW=1 "$MLOAD" "$@" ;;
  esac 2>&1 | grep -v ' proc$' >"$name.$mode.out"
  echo "exit=${PIPESTATUS[0]}" >>"$name.$mode.out"
}

real() {
  local name=$1; shift
  local bin
  bin=$(PATH=/usr/bin:/bin type -P "$1") || { note "$1 is not installed: skipped (tests/install-deps.sh installs it)"; return; }
  shift
  local mode try
  for mode in lazy now; do
    # Three tries: `ls -l /` sees other processes touch /tmp and /run.
    for try in 1 2 3; do
      run_one "$name" native "$bin" "$@"
      run_one "$name" $mode "$bin" "$@"
      cmp -s "$name.native.out" "$name.$mode.out" && break
    done
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
# ls's libraries come from /etc/ld.so.cache, as with ld.so, and --list
# names what ldd names (without the vDSO), in the same order.
expect_count 1 ls.json try path /lib/x86_64-linux-gnu/libselinux.so.1 source ld.so.cache
"$MLOAD" --list /usr/bin/ls | awk '{print $1, $3}' >list.mload
ldd /usr/bin/ls | grep -v vdso | awk '$2 == "=>" {print $1, $3} $2 != "=>" {print "ld-linux-x86-64.so.2", $1}' >list.ldd
diff -u list.ldd list.mload >&2 || fail "mload --list /usr/bin/ls differs from ldd"
