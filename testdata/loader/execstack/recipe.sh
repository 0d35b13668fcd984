# execstack: a library whose PT_GNU_STACK has PF_X makes the stack
# executable; a program whose objects all say "no" keeps it rw-.
lib exec lib.c -- -Wl,-z,execstack
prog prog pie prog.c -- -lexec -Wl,-z,noexecstack
run_all prog
lib plain lib.c -- -Wl,-z,noexecstack
prog plainprog pie prog.c -- -lplain -Wl,-z,noexecstack
[ "$(./plainprog)" = "stack rw-p lib 1" ] || fail "the stack became executable without a request"
[ "$("$MLOAD" ./plainprog)" = "stack rw-p lib 1" ] || fail "the stack became executable without a request (direct)"
