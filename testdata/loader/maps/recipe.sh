# maps: the mappings mload makes for a library have the permissions
# glibc's ld.so gives them (r--, r-x, RELRO r-- after relocation, rw-),
# .bss past the file is zeroed, and no mapping is writable and executable.
lib maps lib.c
prog prog pie prog.c -- -lmaps
run_all prog
grep -q 'wx' prog.interp.out && fail "a writable and executable mapping"
true
