#!/usr/bin/env bash
# Builds the seed corpora of the fuzz targets from the project's own inputs:
# the objects and archives the e2e tests compile from testdata/static, the
# runtime (crt1.o, libmldc.a, libmldc.so), small libraries compiled from
# testdata/loader/versions with their version scripts, a few linker scripts,
# and the link lines of testdata/static/*/test.txt as command lines.
#   make-corpus.sh BUILD_DIR OUT_DIR
# OUT_DIR/NAME/ is then the seed directory of fuzz-NAME.
set -euo pipefail
build=$(cd "$1" && pwd)
out=$2
src=$(cd "$(dirname "$0")/../.." && pwd)
rt=$build/runtime
rm -rf "$out"
mkdir -p "$out"/{object,archive,shared,scripts,command-line,link,loader-elf,loader-hash}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# A seed for a target whose first byte picks a mode: the byte, then the file.
prefixed() { # MODE-BYTE FILE OUT
  { printf "\\x$(printf %02x "$1")"; cat "$2"; } >"$3"
}

# Objects: the e2e scenarios' objects (small ones: libFuzzer mutates best
# below a few KB), crt1.o and the runtime's members.
objs=()
while IFS= read -r f; do objs+=("$f"); done < <(
  find "$build/tests/e2e/static" -name '*.o' -size -24k 2>/dev/null | sort | head -60)
(cd "$tmp" && mkdir rtobj && cd rtobj && ar x "$rt/libmldc.a")
for f in "$rt/crt1.o" "$tmp"/rtobj/*.o; do objs+=("$f"); done
i=0
for f in "${objs[@]}"; do
  cp "$f" "$out/object/$i.o"
  prefixed $((i % 3)) "$f" "$out/link/$i"
  i=$((i + 1))
done
# An object with COMDAT groups, TLS, notes and .eh_frame, made here.
cat >"$tmp/rich.cc" <<'CC'
#include <stdexcept>
template <typename T> T twice(T v) { return v + v; }
thread_local int counter;
int use(int v) { if (v < 0) throw std::runtime_error("negative"); counter++; return twice(v); }
CC
if g++ -c -O1 -fPIC "$tmp/rich.cc" -o "$tmp/rich.o" 2>/dev/null; then
  cp "$tmp/rich.o" "$out/object/rich.o"
  prefixed 2 "$tmp/rich.o" "$out/link/rich"
fi

# Archives: the scenarios' own, GNU 64-bit, thin and BSD forms of one.
i=0
while IFS= read -r f; do
  cp "$f" "$out/archive/$i.a"
  i=$((i + 1))
done < <(find "$build/tests/e2e/static" -name '*.a' -size -64k 2>/dev/null | sort | head -20)
small=$(ls "$tmp"/rtobj/*.o | head -3)
(cd "$tmp" && ar rcs gnu.a $small && ar rcsT thin.a $small)
cp "$tmp/gnu.a" "$tmp/thin.a" "$out/archive/"
if command -v llvm-ar >/dev/null; then
  (cd "$tmp" && llvm-ar rcs --format=bsd bsd.a $small &&
   llvm-ar rcs --format=darwin darwin.a $small) 2>/dev/null &&
    cp "$tmp"/bsd.a "$tmp"/darwin.a "$out/archive/" || true
fi

# Shared libraries: libmldc.so and versioned ones from testdata/loader.
cp "$rt/libmldc.so" "$out/shared/libmldc.so"
vers=$src/testdata/loader/versions
gcc -shared -fPIC -nostdlib -o "$out/shared/libver.so" "$vers/ver.c" \
  -Wl,--version-script="$vers/ver.map" -Wl,--hash-style=both
gcc -shared -fPIC -nostdlib -o "$out/shared/libold.so" "$vers/old.c" \
  -Wl,--version-script="$vers/old.map" -Wl,--hash-style=gnu -L"$out/shared" -lver

# The loader's targets: the same libraries, one with DT_HASH only, one
# with TLS and RELRO, and a program (ET_EXEC and PIE) that needs one.
gcc -shared -fPIC -nostdlib -o "$tmp/libsysv.so" "$vers/ver.c" \
  -Wl,--version-script="$vers/ver.map" -Wl,--hash-style=sysv
gcc -shared -fPIC -nostdlib -o "$tmp/libtls.so" "$src/testdata/loader/tls/lib.c" -Wl,-z,relro,-z,now
printf 'extern int only_v1(void);\nvoid _start(void) { only_v1(); }\n' >"$tmp/prog.c"
gcc -nostdlib -no-pie -o "$tmp/prog" "$tmp/prog.c" -L"$out/shared" -lver
gcc -nostdlib -pie -fPIE -o "$tmp/prog-pie" "$tmp/prog.c" -L"$out/shared" -lver -Wl,--hash-style=gnu
for f in "$out"/shared/*.so "$tmp"/libsysv.so "$tmp"/libtls.so "$tmp"/prog "$tmp"/prog-pie; do
  cp "$f" "$out/loader-elf/"
  cp "$f" "$out/loader-hash/"
done

# Scripts: mode 0 linker script, 1 version script, 2 dynamic list.
printf 'OUTPUT_FORMAT(elf64-x86-64)\nGROUP ( /lib/libc.so.6 /usr/lib/libc_nonshared.a  AS_NEEDED ( /lib64/ld-linux-x86-64.so.2 ) )\n' >"$tmp/s0"
printf '/* comment */\nSEARCH_DIR("=/usr/lib")\nINPUT(-lfoo crt1.o)\nENTRY(_start)\nOUTPUT_ARCH(i386:x86-64)\n' >"$tmp/s1"
printf 'GROUP(libc.a -l:libm.a AS_NEEDED(libgcc_s.so.1))\nINPUT("a b.o")\n' >"$tmp/s2"
for f in "$tmp"/s0 "$tmp"/s1 "$tmp"/s2; do prefixed 0 "$f" "$out/scripts/lds-$(basename "$f")"; done
for f in "$src"/testdata/loader/versions/*.map "$src"/testdata/dropin/version-script/*.map; do
  prefixed 1 "$f" "$out/scripts/ver-$(basename "$(dirname "$f")")-$(basename "$f")"
done
printf 'V1 { global: foo; bar*; extern "C++" { ns::f*; "ns::g()"; }; local: *; };\nV2 { global: [a-c]x?; } V1;\n' >"$tmp/v"
prefixed 1 "$tmp/v" "$out/scripts/ver-mixed"
printf '{ foo; bar*; extern "C++" { ns::f*; }; };\n{ "quoted name"; };\n' >"$tmp/d"
prefixed 2 "$tmp/d" "$out/scripts/dyn-list"

# Command lines: each scenario's link line, as NUL-separated arguments
# (mode 0) and as a response file (mode 1).
i=0
for t in "$src"/testdata/static/*/test.txt; do
  line=$(sed -n 's/^link:[ \t]*//p' "$t" | head -1)
  [ -n "$line" ] || continue
  args="-o out $line --gc-sections -z now -z relro --build-id=sha1 --hash-style=both --as-needed"
  { printf '\x00'; printf '%s' "$args" | tr ' ' '\0'; } >"$out/command-line/$i-args"
  { printf '\x01'; printf '%s\n' "$args"; } >"$out/command-line/$i-rsp"
  i=$((i + 1))
done
printf '\x01-shared "-soname=lib x.so" --version-script=v.map --defsym=a=0x10 -Ttext-segment=0x1000\n' \
  >"$out/command-line/quoted-rsp"

for d in "$out"/*; do echo "$(basename "$d"): $(ls "$d" | wc -l) seeds"; done
