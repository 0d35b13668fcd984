#!/usr/bin/env bash
# got-labels.sh WALK_DIR SCRATCH CHECKER: links the walkthrough's demo-dyn
# again from the same objects, with mld's relocation log in JSON, then runs
# check-got-labels.py on it and on the walkthrough run's logs.
set -eu
walk=$1 scratch=$2 checker=$3
rm -rf "$scratch" && mkdir -p "$scratch"
cd "$walk"
build/linker/mld -pie -z lazy -dynamic-linker /usr/bin/mload -o "$scratch/demo-dyn" \
  build/runtime/crt1.o demo.pie.o -L. -lgreet -Lbuild/runtime -lmldc \
  -rpath '$ORIGIN:$ORIGIN/build/runtime' --reloc-log="$scratch/demo-dyn.rlog.jsonl" --reloc-log-format=json
cmp -s demo-dyn "$scratch/demo-dyn" || { echo "got-labels: the relinked demo-dyn differs from the walkthrough's" >&2; exit 1; }
python3 "$checker" "$walk" "$scratch/demo-dyn.rlog.jsonl"
