#!/usr/bin/env bash
# package-test.sh: builds the Debian package (cpack -G DEB) from the build
# directory, checks its control fields and file list, unpacks it into a
# temporary root (dpkg -x, as an install would place the files) and uses
# the installed tools from there: gcc -B with the installed mld links a
# program that runs, the installed mload runs a program linked against the
# installed runtime, both man pages render without a warning and list every
# option of --help, and --version names the revision built.
# Environment (set by CMake): BUILD_DIR, SRC_DIR, WORK.
set -u
fail() { echo "FAIL: $*" >&2; exit 1; }
rm -rf "$WORK" && mkdir -p "$WORK" || exit 1

# 1. The package.
(cd "$BUILD_DIR" && cpack -G DEB -B "$WORK/pkg" >"$WORK/cpack.log" 2>&1) ||
  { tail -20 "$WORK/cpack.log"; fail "cpack -G DEB failed"; }
deb=$(ls "$WORK"/pkg/mld_*_amd64.deb 2>/dev/null | head -1)
[ -f "$deb" ] || fail "no mld_<version>_amd64.deb in $WORK/pkg"
version=$(sed -n 's/^project(mld VERSION \([0-9.]*\).*/\1/p' "$SRC_DIR/CMakeLists.txt")
[ "$(basename "$deb")" = "mld_${version}_amd64.deb" ] || fail "package named $(basename "$deb"), want mld_${version}_amd64.deb"
info=$(dpkg-deb -f "$deb" Package Version Architecture Section)
for want in "Package: mld" "Version: $version" "Architecture: amd64" "Section: devel"; do
  grep -qx "$want" <<<"$info" || fail "control file lacks '$want': $info"
done
files=$(dpkg-deb -c "$deb" | awk '{print $6 ($7 ? " " $7 " " $8 : "")}')
for want in ./usr/bin/mld ./usr/bin/mld-dyn ./usr/bin/mload "./usr/bin/ld.mld -> mld" \
    "./usr/lib/mld/gcc-ld/ld -> ../../../bin/mld" ./usr/lib/mld/crt1.o \
    ./usr/lib/mld/libmldc.a ./usr/lib/mld/libmldc.so \
    ./usr/share/man/man1/mld.1 ./usr/share/man/man1/mload.1 \
    ./usr/share/doc/mld/command-line.md ./usr/share/doc/mld/README.md; do
  grep -qxF "$want" <<<"$files" || fail "package lacks $want"
done
# Stripped: the installed mld carries no DWARF.
root=$WORK/root
dpkg -x "$deb" "$root" || fail "dpkg -x failed"
readelf -S "$root/usr/bin/mld" | grep -q '\.debug_info' && fail "the packaged mld is not stripped"
# Every shared library the binaries need is declared (none when static).
needed=$(readelf -d "$root/usr/bin/mld" "$root/usr/bin/mload" 2>/dev/null | grep -c NEEDED)
depends=$(dpkg-deb -f "$deb" Depends)
if [ "$needed" -gt 0 ] && [ -z "$depends" ]; then
  fail "binaries need shared libraries but the package declares no Depends"
fi

# 2. The installed linker behind gcc -B and as clang's -fuse-ld=mld.
cd "$WORK" || exit 1
printf '#include <stdio.h>\nint main(void) { puts("hello from the package"); return 3; }\n' >hello.c
gcc -B "$root/usr/lib/mld/gcc-ld" hello.c -o hello 2>link.err || { cat link.err; fail "gcc -B <pkg>/usr/lib/mld/gcc-ld failed"; }
readelf -p .comment hello | grep -q 'mld 0' || fail "hello was not linked by the installed mld (.comment)"
out=$(./hello); rc=$?
[ "$out" = "hello from the package" ] && [ $rc = 3 ] || fail "hello printed '$out', exit $rc"
# LTO: the installed static mld hands the link to the installed mld-dyn,
# which loads gcc's plugin.
gcc -flto -O2 -B "$root/usr/lib/mld/gcc-ld" hello.c -o hello-lto 2>link.err || { cat link.err; fail "gcc -flto -B <pkg>/usr/lib/mld/gcc-ld failed"; }
readelf -p .comment hello-lto | grep -q 'mld 0' || fail "hello-lto was not linked by the installed mld (.comment)"
out=$(./hello-lto); rc=$?
[ "$out" = "hello from the package" ] && [ $rc = 3 ] || fail "hello-lto printed '$out', exit $rc"
if command -v clang >/dev/null; then
  PATH=$root/usr/bin:$PATH clang -fuse-ld=mld hello.c -o hello-clang 2>link.err || { cat link.err; fail "clang -fuse-ld=mld failed"; }
  readelf -p .comment hello-clang | grep -q 'mld 0' || fail "clang -fuse-ld=mld did not use ld.mld"
fi

# 3. The installed loader on a program linked against the installed runtime.
printf '#include <stdio.h>\nint main(int argc, char **argv) { printf("mload runs %%s\\n", argv[1]); return 0; }\n' >rt.c
gcc -O1 -fPIE -pie -nostdlib -B "$root/usr/lib/mld/gcc-ld" "$root/usr/lib/mld/crt1.o" rt.c \
  -L"$root/usr/lib/mld" -lmldc -o rt 2>link.err || { cat link.err; fail "link against the installed runtime failed"; }
out=$("$root/usr/bin/mload" --library-path "$root/usr/lib/mld" ./rt it 2>run.err); rc=$?
[ "$out" = "mload runs it" ] && [ $rc = 0 ] || { cat run.err; fail "installed mload printed '$out', exit $rc"; }

# 4. The man pages: render without warnings, list every option of --help.
for tool in mld mload; do
  page=$root/usr/share/man/man1/$tool.1
  MANWIDTH=100 man --warnings -E UTF-8 -l "$page" >"$tool.man" 2>"$tool.man.err" || fail "man -l $tool.1 failed"
  [ -s "$tool.man.err" ] && { cat "$tool.man.err"; fail "man -l $tool.1 warned"; }
  grep -q '^NAME' "$tool.man" || fail "$tool.1 has no NAME section"
  "$root/usr/bin/$tool" --help | grep -oE -- '(^|[ ,])--?[a-zA-Z][a-zA-Z0-9_-]*' | sed 's/^[ ,]//' |
    sort -u >"$tool.opts"
  [ -s "$tool.opts" ] || fail "no options found in $tool --help"
  while read -r opt; do
    grep -qF -- "$opt" "$tool.man" || fail "$tool.1 does not mention $opt, which $tool --help lists"
  done <"$tool.opts"
done

# 5. --version names the version and the git revision built.
rev=$(git -C "$SRC_DIR" rev-parse --short=12 HEAD 2>/dev/null || echo unknown)
for tool in mld mload; do
  v=$("$root/usr/bin/$tool" --version | head -1)
  grep -q "^$tool $version (git $rev" <<<"$v" || fail "$tool --version says '$v', want '$tool $version (git $rev...'"
done
echo "ok: package $(basename "$deb"), $(wc -l <<<"$files") entries"
