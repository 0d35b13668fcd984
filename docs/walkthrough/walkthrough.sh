#!/usr/bin/env bash
# walkthrough.sh: every command docs/walkthrough.md shows, in a script.
# Each `run` step takes its command on stdin exactly as the doc writes it
# (after the doc's `$ `), runs it in OUT_DIR and keeps the command and its
# output (stdout and stderr) in OUT_DIR/steps/NNN.cmd and NNN.out; then
# check-doc.py compares the doc's shown output with those files
# (tests/CMakeLists.txt: test docs.walkthrough).
# OUT_DIR holds links build/, testdata/, runtime/ and tools/ to the build
# and the sources, so the doc's relative paths work as written.
# Usage: walkthrough.sh SRC_DIR BUILD_DIR OUT_DIR
set -euo pipefail
src=$(cd "$1" && pwd)
build=$(cd "$2" && pwd)
rm -rf "$3"
mkdir -p "$3/steps"
cd "$3"
ln -s "$build" build
for d in testdata runtime tools; do ln -s "$src/$d" "$d"; done
n=0
run() {
  local cmd id
  cmd=$(cat)
  n=$((n + 1))
  id=$(printf %03d "$n")
  printf '%s\n' "$cmd" >"steps/$id.cmd"
  # pipefail off inside a step: `grep ... | head` may see SIGPIPE.
  if ! (set +o pipefail; eval "$cmd") >"steps/$id.out" 2>&1; then
    echo "walkthrough: step $id failed: $cmd" >&2
    cat "steps/$id.out" >&2
    exit 1
  fi
}

# 0. Build and run
run <<'EOF'
gcc -O1 -fno-stack-protector -c testdata/demo/demo.c -o demo.o
EOF
run <<'EOF'
gcc -O1 -fno-stack-protector -c testdata/demo/greet.c -o greet.o
EOF
run <<'EOF'
build/linker/mld -static -o demo-static build/runtime/crt1.o demo.o greet.o \
    -Lbuild/runtime -lmldc --reloc-log=demo-static.rlog -Map demo-static.map
EOF
run <<'EOF'
./demo-static world
EOF

# 1. Sections and segments
run <<'EOF'
readelf -SW demo.o
EOF
run <<'EOF'
gcc -O1 -fno-stack-protector -ffunction-sections -c testdata/demo/demo.c -o demo.fs.o
EOF
run <<'EOF'
gcc -O1 -fno-stack-protector -ffunction-sections -c testdata/demo/greet.c -o greet.fs.o
EOF
run <<'EOF'
build/linker/mld -static -o demo-fs build/runtime/crt1.o demo.fs.o greet.fs.o \
    -Lbuild/runtime -lmldc -Map demo-fs.map
EOF
run <<'EOF'
cat demo-fs.map
EOF
run <<'EOF'
cat demo-static.map
EOF
run <<'EOF'
readelf -SW demo-static
EOF
run <<'EOF'
readelf -lW demo-static
EOF
run <<'EOF'
python3 tools/elf-figure.py demo-static demo-static.svg
EOF

# 4. PIC and the GOT (built before section 2 uses demo-dyn)
run <<'EOF'
gcc -O1 -fno-stack-protector -fPIC -c testdata/demo/greet.c -o greet.pic.o
EOF
run <<'EOF'
build/linker/mld -shared -soname libgreet.so -o libgreet.so greet.pic.o \
    -Lbuild/runtime -lmldc --reloc-log=libgreet.rlog
EOF
run <<'EOF'
gcc -O1 -fno-stack-protector -fPIE -c testdata/demo/demo.c -o demo.pie.o
EOF
run <<'EOF'
build/linker/mld -pie -z lazy -dynamic-linker /usr/bin/mload -o demo-dyn \
    build/runtime/crt1.o demo.pie.o -L. -lgreet -Lbuild/runtime -lmldc \
    -rpath '$ORIGIN:$ORIGIN/build/runtime' --reloc-log=demo-dyn.rlog
EOF
run <<'EOF'
readelf -lW demo-dyn
EOF
run <<'EOF'
python3 tools/elf-figure.py demo-dyn demo-dyn.svg
EOF
run <<'EOF'
objdump -d --disassemble=greet libgreet.so
EOF
run <<'EOF'
grep calls libgreet.rlog
EOF
run <<'EOF'
readelf -rW libgreet.so
EOF

# 2. Paging and mmap
run <<'EOF'
build/loader/mload --log demo-dyn.bind ./demo-dyn world
EOF
run <<'EOF'
grep -E 'mapped|segment' demo-dyn.bind | head -5
EOF
run <<'EOF'
grep "'calls'" demo-dyn.bind
EOF
run <<'EOF'
gcc -O1 -fno-stack-protector -fPIE -c testdata/article/maps.c -o maps.o
EOF
run <<'EOF'
build/linker/mld -pie -dynamic-linker /usr/bin/mload -o maps \
    build/runtime/crt1.o maps.o -Lbuild/runtime -lmldc -rpath '$ORIGIN/build/runtime'
EOF
run <<'EOF'
readelf -lW maps | grep LOAD
EOF
run <<'EOF'
build/loader/mload --log maps.log ./maps
EOF
run <<'EOF'
grep segment maps.log | head -4
EOF
run <<'EOF'
build/loader/mload --maps ./demo-dyn world 2>&1 >/dev/null | grep -E 'demo-dyn|libgreet|TLS|stack|heap'
EOF

# 3. Relocation in a static link
run <<'EOF'
grep -E '^(demo|greet)\.o:\(\.text' demo-static.rlog
EOF
run <<'EOF'
objdump -d --no-show-raw-insn --disassemble=main demo-static
EOF

# 6. The PLT and lazy binding
run <<'EOF'
objdump -d -j .plt demo-dyn
EOF
run <<'EOF'
grep -E '^(plt|got)' demo-dyn.rlog
EOF
run <<'EOF'
grep 'PLT32 greet' demo-dyn.rlog
EOF
run <<'EOF'
build/loader/mload --log demo-dyn.bind.jsonl --log-format json ./demo-dyn world
EOF
run <<'EOF'
grep -E '"event":"(lazy-setup|start)","file":"./demo-dyn"|"symbol":"greet"' demo-dyn.bind.jsonl
EOF
run <<'EOF'
python3 tools/got-figure.py demo-dyn demo-dyn.bind.jsonl demo-dyn-got.svg
EOF

# 7. malloc: the buddy system
run <<'EOF'
gcc -O1 -fno-stack-protector -c testdata/article/buddy.c -o buddy.o
EOF
run <<'EOF'
build/linker/mld -static -o buddy build/runtime/crt1.o buddy.o -Lbuild/runtime -lmldc
EOF
run <<'EOF'
./buddy
EOF

# 8. The stack
run <<'EOF'
gcc -O0 -fno-omit-frame-pointer -fno-stack-protector -c testdata/article/fac.c -o fac.o
EOF
run <<'EOF'
build/linker/mld -static -o fac build/runtime/crt1.o fac.o -Lbuild/runtime -lmldc
EOF
run <<'EOF'
objdump -d --no-show-raw-insn --disassemble=fac fac
EOF
run <<'EOF'
./fac
EOF
run <<'EOF'
gcc -O1 -fno-stack-protector -Iruntime/include -c testdata/article/coroutines.c -o coroutines.o
EOF
run <<'EOF'
build/linker/mld -static -o coroutines build/runtime/crt1.o coroutines.o -Lbuild/runtime -lmldc
EOF
run <<'EOF'
./coroutines
EOF

# 9. The program break
run <<'EOF'
gcc -O1 -fno-stack-protector -Iruntime/include -c testdata/article/heap.c -o heap.o
EOF
run <<'EOF'
build/linker/mld -static -o heap build/runtime/crt1.o heap.o -Lbuild/runtime -lmldc
EOF
run <<'EOF'
./heap
EOF

# 10. Two allocators compared
run <<'EOF'
gcc -O2 -fno-stack-protector -Iruntime/include -c testdata/article/alloc-bench.c -o alloc-bench.o
EOF
run <<'EOF'
build/linker/mld -static -o alloc-bench build/runtime/crt1.o alloc-bench.o -Lbuild/runtime -lmldc
EOF
run <<'EOF'
./alloc-bench
EOF

echo "walkthrough: $n steps in $PWD/steps"
