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
