# versions: versioned lookup through .gnu.version/_r/_d: which@@V2 for the
# program, which@V1 for libold; SysV-hash-only (libver) and GNU-hash-only
# (libold) libraries.
lib ver ver.c -- -Wl,--version-script="$SRC/ver.map" -Wl,--hash-style=sysv
lib old old.c -- -lver -Wl,--hash-style=gnu -Wl,--version-script="$SRC/old.map"
prog prog pie prog.c -- -lver -lold
run_all prog
json_log prog
grep -q '"event":"lazy-bind","file":"./prog","to":"./libver.so","symbol":"which"' prog.json || fail "which not bound"
MLOAD_BIND_NOW=1 MLOAD_LOG=now.json MLOAD_LOG_FORMAT=json ./prog >/dev/null
grep -q '"event":"bind","file":"./prog","to":"./libver.so","symbol":"which","version":"V2"' now.json \
  || fail "the program's reference is not to which@V2"
grep -q '"event":"bind","file":"./libold.so","to":"./libver.so","symbol":"which","version":"V1"' now.json \
  || fail "libold's reference is not to which@V1"

# A library that no longer defines a version a module needs: reported at
# load time, naming both files, exit 127 (glibc: "version `V1' not found").
mkdir -p v2only && (cd v2only && SRC=$SRC lib ver ver2.c -- -Wl,--version-script="$SRC/ver2.map")
"$MLOAD" --library-path v2only ./prog >/dev/null 2>err.txt
[ $? -eq 127 ] || fail "a missing version did not stop the load"
printf '%s\n' "mload: error: v2only/libver.so: version \`V1' not found (required by ./prog)" \
  "mload: error: v2only/libver.so: version \`V1' not found (required by ./libold.so)" | diff -u - err.txt >&2 \
  || fail "missing versions are not all reported"
