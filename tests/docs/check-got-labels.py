#!/usr/bin/env python3
"""check-got-labels.py WALK_DIR JSON_RLOG

The psABI's names in real logs of the walkthrough's demo: the demo-dyn
that walkthrough.sh linked (with its text relocation log demo-dyn.rlog),
JSON_RLOG (mld's JSON log of the same link), and mload's text and JSON
binding logs of its run (demo-dyn.bind, demo-dyn.bind.jsonl).

The file itself decides what is right: .rela.plt[0] names the first
function S and its slot, which must be word 3 of .got.plt, and the entry
16 bytes into .plt (PLT1, after the common stub PLT0) must jump through
that word. Then every log must call that entry PLT1 and that word
GOT.PLT[3]: mld's plt and got.plt records (text and JSON "plt"/"got_plt"),
and mload's lazy-slot and lazy-bind for S (text and JSON), with the slot
address the run's base puts it at. Exit 1 with one line per problem.
"""
import json
import os
import re
import subprocess
import sys


def sh(*cmd):
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def main(walk, jsonRlog):
    prog = os.path.join(walk, "demo-dyn")
    problems = []
    secs = {m[1]: int(m[2], 16) for m in
            re.finditer(r"\]\s+(\S+)\s+\S+\s+([0-9a-f]{16})", sh("readelf", "-SW", prog))}
    gotplt, plt = secs[".got.plt"], secs[".plt"]
    rela = sh("readelf", "-rW", prog).split("'.rela.plt'")[1]
    first = re.search(r"^([0-9a-f]{16})\s+[0-9a-f]+\s+R_X86_64_JUMP_SLOT\s+[0-9a-f]+\s+(\S+)", rela, re.M)
    slot, sym = int(first[1], 16), first[2]
    if slot != gotplt + 24:
        problems.append(f"demo-dyn: .rela.plt[0] ({sym}) is at {slot:#x}, not .got.plt+24 ({gotplt + 24:#x})")
    dis = sh("objdump", "-d", "-j", ".plt", prog)
    entry = re.search(rf"^\s*{plt + 16:x}:\s+ff 25 .*# ([0-9a-f]+)", dis, re.M)
    if not entry or int(entry[1], 16) != slot:
        problems.append(f"demo-dyn: the entry at .plt+16 ({plt + 16:#x}) does not jump through {slot:#x}")

    # mld, text and JSON.
    text = open(os.path.join(walk, "demo-dyn.rlog")).read()
    want = [f"plt .plt+0x10 {plt + 16:#x} PLT1 {sym} = {slot:#x} : call to preemptible function: "
            f"jmp *GOT.PLT[3] ({slot:#x}), R_X86_64_JUMP_SLOT .rela.plt[0]",
            f"got.plt .got.plt+0x18 {slot:#x} GOT.PLT[3] {sym} = {plt + 22:#x} : lazy: starts at PLT1+6 (push 0)"]
    for w in want:
        if w not in text.splitlines():
            problems.append(f"demo-dyn.rlog lacks: {w}")
    recs = [json.loads(l) for l in open(jsonRlog) if l.strip()]
    for kind, label in (("plt", "PLT1"), ("got.plt", "GOT.PLT[3]")):
        r = [x for x in recs if x.get("kind") == kind and x.get("symbol") == sym]
        if not r or r[0].get("type") != label or r[0].get("plt") != "PLT1" or r[0].get("got_plt") != 3:
            problems.append(f"{jsonRlog}: the {kind} record of {sym} is not type {label}, plt PLT1, got_plt 3: {r[:1]}")

    # mload, JSON and text.
    events = [json.loads(l) for l in open(os.path.join(walk, "demo-dyn.bind.jsonl")) if l.startswith("{")]
    mine = [e for e in events if e.get("file") == "./demo-dyn"]
    base = next((int(e["base"], 16) for e in mine if e["event"] == "map"), None)
    if base is None:
        problems.append("demo-dyn.bind.jsonl: no map event for ./demo-dyn")
        base = 0
    for ev in ("lazy-slot", "lazy-bind"):
        r = [e for e in mine if e["event"] == ev and e["symbol"] == sym]
        if len(r) != 1 or r[0]["plt"] != "PLT1" or r[0]["got_plt"] != 3 or int(r[0]["slot"], 16) != base + slot:
            problems.append(f"demo-dyn.bind.jsonl: {ev} of {sym} is not one record with plt PLT1, got_plt 3, "
                            f"slot {base + slot:#x}: {r}")
    bind = open(os.path.join(walk, "demo-dyn.bind")).read()
    pat = rf"^\s*\d+:\tbinding file \./demo-dyn to \S+: lazy symbol '{re.escape(sym)}' \[PLT1\] GOT\.PLT\[3\] at 0x"
    if not re.search(pat, bind, re.M):
        problems.append(f"demo-dyn.bind: no text line binding {sym} as [PLT1] GOT.PLT[3]")
    if not re.search(r"GOT\.PLT\[1\] = 0x[0-9a-f]+ \(module handle\), GOT\.PLT\[2\] = ", bind):
        problems.append("demo-dyn.bind: the lazy-setup line does not name GOT.PLT[1] and GOT.PLT[2]")
    for p in problems:
        print(f"check-got-labels: {p}", file=sys.stderr)
    if not problems:
        print(f"check-got-labels: {sym} is PLT1 at {plt + 16:#x}, bound through GOT.PLT[3] at {slot:#x}, in all four logs")
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2]))
