# hosted-thread-db: glibc's libthread_db.so.1 needs callbacks that the
# program defines (as gdb does); mload loads it as one of its own modules,
# not as a host library, so that those names resolve to the program.
db() {
  gprog prog prog.c -- -rdynamic -ldl
  grun prog
  grep -qx "td_init: found, returns 0" prog.native.out || fail "(setup) td_init under ld.so: $(cat prog.native.out)"
}
for_linkers db
