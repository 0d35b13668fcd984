# hosted-libc: getopt, setenv/environ, qsort callbacks, atexit/destructor
# order, signals + siglongjmp, an IFUNC in the program, symbol versions and
# $ORIGIN, under mload (direct, PT_INTERP, lazy, LD_BIND_NOW) as under ld.so.
libc_progs() {
  # The versioned libraries are linked by ld.bfd either way: mld does not
  # yet turn `.symver` names into versioned definitions (it leaves
  # "ver_func@VER_1" as a plain name with version index 1).
  LINKER=bfd glib ver ver.c -- -Wl,--version-script="$SRC/ver.map"
  LINKER=bfd glib old old.c -- -lver
  gprog prog prog.c -- -lold -lver
  grun prog -v -n alpha -x rest
  GRUN_ENV="POSIXLY_CORRECT=1" grun prog -v rest -n beta
  gprog prog-nopie prog.c -- -lold -lver -no-pie -fno-pie
  grun prog-nopie -vv file
}
for_linkers libc_progs

cd "$OUT/bfd" || exit 1
# The program's own optind/optarg copies are what glibc's getopt uses: its
# GOT entries were pointed at them (interposition into the host).
MLOAD_LOG=prog.json MLOAD_LOG_FORMAT=json "$MLOAD" ./prog-nopie -v >/dev/null 2>&1
expect_count 1 prog.json interpose file /lib/x86_64-linux-gnu/libc.so.6 symbol optind
