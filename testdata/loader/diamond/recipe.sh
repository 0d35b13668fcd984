# diamond: prog -> {left, right} -> base. Proves dependencies-first init
# order with a shared dependency run exactly once, fini in reverse, and
# that base is loaded once although two libraries need it.
lib base base.c
lib left left.c -- -lbase
lib right right.c -- -lbase
prog prog pie prog.c -- -lleft -lright
run_all prog
json_log prog
expect_count 1 prog.json map name libbase.so
