# hosted-cxx: a C++ program over two C++ libraries, run under mload in hosted
# mode. libstdc++ and libgcc_s are loaded, relocated and bound by mload;
# exceptions unwind through mload-loaded code because libgcc_s's
# _dl_find_object and dl_iterate_phdr bind to mload's own, which know its
# modules.
cxx() {
  glib thrower thrower.cpp
  glib middle middle.cpp -- -lthrower
  gprog main main.cpp -- -lmiddle -lthrower
  grun main
}
for_linkers cxx

cd "$OUT/bfd" || exit 1
MLOAD_LOG=main.json MLOAD_LOG_FORMAT=json "$MLOAD" ./main >/dev/null 2>&1
# libstdc++ is mload's, not the system ld.so's; the unwinder asks mload.
expect_count 0 main.json host name libstdc++.so.6
expect_count 1 main.json map name libstdc++.so.6
expect_count 1 main.json lazy-bind symbol _dl_find_object to mload
