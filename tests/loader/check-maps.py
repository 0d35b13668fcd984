#!/usr/bin/env python3
"""check-maps.py LISTING PROC_MAPS [--expect FILE]...

Checks mload's --maps listing (text or JSON Lines, LISTING) against the
/proc/self/maps that the same process printed as the first thing in main
(PROC_MAPS), in the directory the program ran in:

- every mapping mload printed is a line of /proc/self/maps: same start,
  end and permissions (an anonymous mapping that mload marks as not exact,
  in mload-hosted, need only lie inside an anonymous line of the same
  permissions); a file-backed one also has the same file and offset;
- every /proc line of a file mload listed (and of [vdso]) was printed;
- the TLS block lies in a writable line and holds the thread pointer; the
  stack pointer, argv, envp, auxv and the strings lie in [stack]; the
  program break is the end of [heap], or no line starts at it;
- for each --expect FILE, that file has a RELRO and a .bss mapping.
Exit status 0 when all hold; otherwise one line per problem on stderr.
"""
import json
import os
import re
import sys

MAP_TEXT = re.compile(r"^\s*\d+:\t  (0x[0-9a-f]+)-(0x[0-9a-f]+) (\S{4}) (.*)$")
PROC = re.compile(r"^([0-9a-f]+)-([0-9a-f]+) (\S{4}) ([0-9a-f]+) \S+ \d+\s*(.*)$")


def parse_text(lines):
    """The text form, turned into the same records as the JSON form."""
    out = []
    for line in lines:
        m = MAP_TEXT.match(line)
        if m:
            start, end, perm, rest = m.groups()
            rec = {"event": "mapping", "start": start, "end": end, "perm": perm,
                   "exact": "may adjoin glibc" not in rest}
            if rest.startswith("anonymous: "):
                rec["part"], rec["holds"] = "anonymous", rest[len("anonymous: "):]
            else:
                f = re.match(r"(\S+)(?: LOAD\[(\d+)\])?(.*)", rest)
                rec["file"], tail = f.group(1), f.group(3)
                off = re.search(r" offset (0x[0-9a-f]+)", tail)
                rec["part"] = ("vdso" if rec["file"] == "[vdso]" else
                               "relro" if " RELRO" in tail else
                               "file" if off else
                               "bss" if ".bss past the file" in tail else "other")
                if off:
                    rec["offset"] = off.group(1)
            out.append(rec)
            continue
        if m := re.search(r"  TLS: (0x[0-9a-f]+)-(0x[0-9a-f]+) .*thread pointer \(%fs\) (0x[0-9a-f]+)", line):
            out.append({"event": "tls-block", "start": m[1], "end": m[2], "tp": m[3]})
        elif m := re.search(r"stack: sp (0x[0-9a-f]+).*argv\[\] (0x[0-9a-f]+), envp\[\] (0x[0-9a-f]+)"
                            r".*auxv (0x[0-9a-f]+).*strings (0x[0-9a-f]+)-(0x[0-9a-f]+)", line):
            out.append({"event": "stack", "sp": m[1], "argv": m[2], "envp": m[3], "auxv": m[4],
                        "strings_start": m[5], "strings_end": m[6]})
        elif m := re.search(r"heap: program break (0x[0-9a-f]+)", line):
            out.append({"event": "heap", "brk": m[1]})
    return out


def read_listing(path):
    with open(path) as f:
        lines = f.read().splitlines()
    if any(l.startswith("{") for l in lines):
        return [json.loads(l) for l in lines if l.startswith("{")]
    return parse_text(lines)


def read_proc(path):
    rows = []
    with open(path) as f:
        for line in f:
            m = PROC.match(line.rstrip("\n"))
            if m:
                rows.append({"start": int(m[1], 16), "end": int(m[2], 16), "perm": m[3],
                             "offset": int(m[4], 16), "name": m[5].strip()})
    return rows


def main(argv):
    expect = []
    args = []
    it = iter(argv[1:])
    for a in it:
        if a == "--expect":
            expect.append(next(it))
        else:
            args.append(a)
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    listing, proc = read_listing(args[0]), read_proc(args[1])
    problems = []
    maps = [r for r in listing if r.get("event") == "mapping"]
    if not maps:
        problems.append(f"{args[0]}: no mappings listed")
    if not proc:
        problems.append(f"{args[1]}: no /proc/self/maps lines")
    real = lambda p: os.path.realpath(p)
    listed_files = set()
    for r in maps:
        s, e, perm = int(r["start"], 16), int(r["end"], 16), r["perm"]
        desc = f"{r['start']}-{r['end']} {perm} {r.get('file', r.get('holds', ''))}"
        if r.get("exact", True):
            hit = [p for p in proc if p["start"] == s and p["end"] == e and p["perm"] == perm]
        else:
            hit = [p for p in proc if p["start"] <= s and e <= p["end"] and p["perm"] == perm and not p["name"]]
        if not hit:
            problems.append(f"listed mapping {desc} is no line of /proc/self/maps")
            continue
        p = hit[0]
        if r["part"] in ("file", "relro"):
            listed_files.add(real(r["file"]))
            if not p["name"] or real(p["name"]) != real(r["file"]):
                problems.append(f"listed mapping {desc}: /proc/self/maps shows file '{p['name']}'")
            if int(r["offset"], 16) != p["offset"]:
                problems.append(f"listed mapping {desc}: offset {r['offset']}, /proc/self/maps {p['offset']:#x}")
        elif r["part"] == "vdso" and p["name"] != "[vdso]":
            problems.append(f"listed mapping {desc}: /proc/self/maps shows '{p['name']}', not [vdso]")
        elif r["part"] in ("bss", "anonymous", "tls", "loader") and p["name"]:
            problems.append(f"anonymous mapping {desc}: /proc/self/maps shows '{p['name']}'")
    covered = {(int(r["start"], 16), int(r["end"], 16)) for r in maps}
    for p in proc:
        if (p["name"] == "[vdso]" or (p["name"].startswith("/") and real(p["name"]) in listed_files)) \
                and (p["start"], p["end"]) not in covered:
            problems.append(f"/proc/self/maps line {p['start']:#x}-{p['end']:#x} {p['perm']} {p['name']} was not listed")

    def line_of(addr):
        return next((p for p in proc if p["start"] <= addr < p["end"]), None)

    tls = [r for r in listing if r.get("event") == "tls-block"]
    for r in tls:
        s, e, tp = int(r["start"], 16), int(r["end"], 16), int(r["tp"], 16)
        p = line_of(s)
        if not p or e > p["end"] or p["perm"][:2] != "rw":
            problems.append(f"TLS block {r['start']}-{r['end']} is not inside one writable mapping")
        if not s <= tp <= e:
            problems.append(f"thread pointer {r['tp']} is outside the TLS block")
    stacks = [r for r in listing if r.get("event") == "stack"]
    stack = next((p for p in proc if p["name"] == "[stack]"), None)
    if not stacks or not stack:
        problems.append("no stack listed, or no [stack] line")
    for r in stacks:
        for key in ("sp", "argv", "envp", "auxv", "strings_start"):
            a = int(r[key], 16)
            if stack and not stack["start"] <= a < stack["end"]:
                problems.append(f"stack {key} {r[key]} is outside [stack]")
        if stack and int(r["strings_end"], 16) > stack["end"]:
            problems.append(f"stack strings end {r['strings_end']} is past the end of [stack]")
    heaps = [r for r in listing if r.get("event") == "heap"]
    if not heaps:
        problems.append("no heap (program break) listed")
    for r in heaps:
        brk = int(r["brk"], 16)
        heap = next((p for p in proc if p["name"] == "[heap]"), None)
        if heap and heap["end"] != brk:
            problems.append(f"program break {r['brk']} is not the end of [heap] ({heap['end']:#x})")
        if not heap and any(p["start"] == brk for p in proc):
            problems.append(f"program break {r['brk']}: a mapping starts there, but there is no [heap]")
    for name in expect:
        mine = [r for r in maps if r.get("file") and real(r["file"]) == real(name)]
        # A .bss merged with other anonymous memory is named in `holds`.
        merged = [r for r in maps if r["part"] == "anonymous" and
                  any(h.startswith(name + " LOAD[") and ".bss" in h for h in r["holds"].split(" + "))]
        for part in ("relro", "bss"):
            if not any(r["part"] == part for r in mine) and not (part == "bss" and merged):
                problems.append(f"{name}: no {part} mapping listed")
    for p in problems:
        print(f"check-maps: {p}", file=sys.stderr)
    if not problems:
        print(f"check-maps: {len(maps)} mappings listed, all match /proc/self/maps")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
