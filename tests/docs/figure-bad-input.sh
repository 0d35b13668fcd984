#!/bin/bash
# figure-bad-input.sh: tools/elf-figure.py given a file that is not ELF
# exits non-zero with one line naming the file, and writes no figure.
# Usage: figure-bad-input.sh TOOL NOT_ELF WORK_DIR
tool=$1 input=$2 work=$3
mkdir -p "$work" && rm -f "$work/bad.svg"
out=$(python3 "$tool" "$input" "$work/bad.svg" 2>&1)
rc=$?
[ $rc -ne 0 ] || { echo "FAIL: exit status 0 for $input"; exit 1; }
[ "$(wc -l <<<"$out")" = 1 ] || { echo "FAIL: more than one line: $out"; exit 1; }
grep -qF "$input: readelf cannot read it" <<<"$out" || { echo "FAIL: message: $out"; exit 1; }
[ ! -e "$work/bad.svg" ] || { echo "FAIL: a figure was written"; exit 1; }
echo "ok: $out"
