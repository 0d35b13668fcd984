#!/usr/bin/env bash
# The main job: install what is missing, build mld, mload and the runtime,
# link the bundled demo with mld, run it, and show the logs.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash tests/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
ninja -C build mld mload mld_runtime >/dev/null
R=build/runtime
out=build/demo
mkdir -p "$out"
gcc -O1 -fno-stack-protector -c testdata/demo/demo.c -o "$out/demo.o"
gcc -O1 -fno-stack-protector -c testdata/demo/greet.c -o "$out/greet.o"

echo "== static: mld links demo.o greet.o against the runtime's libmldc.a"
build/linker/mld -static -o "$out/demo-static" $R/crt1.o "$out/demo.o" "$out/greet.o" \
  -L$R -lmldc --reloc-log="$out/demo-static.rlog" -Map "$out/demo-static.map"
"$out/demo-static" world
echo "-- relocation log (demo.o and greet.o):"
grep -E '^(demo|greet)\.o|/(demo|greet)\.o' "$out/demo-static.rlog" || true
echo "-- segments:"
readelf -lW "$out/demo-static" | sed -n '/Program Headers/,/Section to Segment/p'

echo
echo "== dynamic: mld links libgreet.so (PIC) and a PIE against it and libmldc.so"
gcc -O1 -fno-stack-protector -fPIC -c testdata/demo/greet.c -o "$out/greet.pic.o"
build/linker/mld -shared -soname libgreet.so -o "$out/libgreet.so" "$out/greet.pic.o" \
  -L$R -lmldc --reloc-log="$out/libgreet.rlog"
gcc -O1 -fno-stack-protector -fPIE -c testdata/demo/demo.c -o "$out/demo.pie.o"
build/linker/mld -pie -z lazy -dynamic-linker "$PWD/build/loader/mload" \
  -o "$out/demo-dyn" $R/crt1.o "$out/demo.pie.o" -L"$out" -lgreet -L$R -lmldc \
  -rpath "$PWD/$out:$PWD/$R" --reloc-log="$out/demo-dyn.rlog"
echo "-- what mld made for the calls to shared functions (PLT, GOT) in demo-dyn:"
grep -E '^(plt|got)' "$out/demo-dyn.rlog"
echo "-- run under mload (the binding log goes to $out/demo-dyn.bind):"
build/loader/mload --log "$out/demo-dyn.bind" "$out/demo-dyn" world
echo "-- libraries mapped, and the lazy first calls (the 'three jumps' resolved):"
grep -E 'mapped|lazy symbol' "$out/demo-dyn.bind"
echo "-- and as PT_INTERP: ./demo-dyn runs mload directly"
MLOAD_DEBUG=bindings "$out/demo-dyn" again 2>&1 | grep -E "hello|calls|lazy symbol 'greet'"
