# hosted-dlopen: a plugin loaded with dlopen (mload maps it, binds it
# lazily, runs its constructor) calls back into the program; dlsym, dladdr,
# dlerror; a glibc library by dlopen; LD_PRELOAD of an allocator that glibc's
# own strdup then uses (its GOT entries are pointed at the preloaded malloc).
dl() {
  glib plugin plugin.c
  glib mymalloc mymalloc.c
  gprog prog prog.c -- -rdynamic -ldl
  grun prog
  GRUN_ENV="LD_PRELOAD=./libmymalloc.so" grun prog
}
for_linkers dl

cd "$OUT/bfd" || exit 1
MLOAD_LOG=dl.json MLOAD_LOG_FORMAT=json "$MLOAD" ./prog >/dev/null 2>&1
expect_count 1 dl.json map name ./libplugin.so
expect_count 1 dl.json lazy-bind file ./libplugin.so symbol prog_callback to ./prog
expect_count 2 dl.json init file ./libplugin.so kind DT_INIT_ARRAY
# --preload does what LD_PRELOAD does; glibc's malloc import is interposed.
MLOAD_LOG=pre.json MLOAD_LOG_FORMAT=json "$MLOAD" --preload ./libmymalloc.so ./prog x >pre.out 2>&1
grep -q "preloaded allocator: in use" pre.out || { cat pre.out >&2; fail "--preload did not preload"; }
expect_count 1 pre.json interpose file /lib/x86_64-linux-gnu/libc.so.6 symbol malloc to ./libmymalloc.so
