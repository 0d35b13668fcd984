# tls: static TLS for the program (local-exec, with a 64-byte-aligned
# variable) and a library (general-dynamic through mload's __tls_get_addr,
# initial-exec from the program via TPOFF64), including a .tdata pointer
# that needs relocating before the block is copied.
lib tls lib.c
# __tls_get_addr is provided by the loader, as glibc's ld.so does; ld.bfd cannot
# see that, hence --allow-shlib-undefined.
prog prog pie prog.c -- -ltls -Wl,--allow-shlib-undefined
NO_SYSTEM="glibc's ld.so only offers __tls_get_addr to a process that needs libc.so.6" run_all prog
json_log prog
expect_count 1 prog.json tls file ./prog
expect_count 1 prog.json tls file ./libtls.so
expect_count 1 prog.json reloc file ./prog type R_X86_64_TPOFF64 symbol lib_counter
grep -q '"event":"reloc","file":"./libtls.so","type":"R_X86_64_DTPMOD64"' prog.json || fail "no DTPMOD64 in libtls.so"
grep -q '"event":"lazy-bind","file":"./libtls.so","to":"mload","symbol":"__tls_get_addr"' prog.json \
  || fail "__tls_get_addr was not provided by mload"
MLOAD_BIND_NOW=1 MLOAD_LOG=now.json MLOAD_LOG_FORMAT=json ./prog >/dev/null
grep -q '"event":"bind","file":"./libtls.so","to":"mload","symbol":"__tls_get_addr"' now.json \
  || fail "__tls_get_addr was not bound to mload eagerly"
