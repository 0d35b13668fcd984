#!/usr/bin/env python3
"""got-figure.py: the GOT and the PLT before and after the first call (the
seed article's 6.3.2 figures), drawn as SVG from one real run.

Reads the program with readelf (the .plt address, the .rela.plt entries and
the words of .got.plt as the file has them) and mload's JSON log of a run
(--log-format json): `map` gives the load base, `lazy-setup` what the
loader put in GOT.PLT[1] and [2], `lazy-slot` each lazy slot before main,
`lazy-bind` each slot after its first call. One row per .got.plt word, in
three columns: in the file, at start, after the first call; changed cells
are highlighted.

Names follow the psABI and the article: PLT0 is the common stub at the
start of .plt, PLT1 the first function's entry; GOT.PLT[n] is word n of
.got.plt (three reserved words, then one per PLT entry). mload's and mld's
logs use the same names (JSON "plt": "PLT1", "got_plt": 3).

Usage: got-figure.py PROGRAM RUN.jsonl OUT.svg   (prints a summary line)
"""
import html
import json
import os
import re
import subprocess
import sys

ROW = 24


def readelf(args):
    return subprocess.run(["readelf"] + args, check=True, capture_output=True, text=True).stdout


def fileFacts(path):
    sections = {}
    for m in re.finditer(r"^\s*\[\s*\d+\]\s+(\S+)\s+\S+\s+([0-9a-f]{16})\s+[0-9a-f]+\s+([0-9a-f]+)",
                         readelf(["-SW", path]), re.M):
        sections[m.group(1)] = (int(m.group(2), 16), int(m.group(3), 16))
    if ".got.plt" not in sections or ".plt" not in sections:
        raise ValueError("no .plt/.got.plt (not a lazily bound dynamic program?)")
    relocs, inPlt = [], False
    for line in readelf(["-rW", path]).splitlines():
        if line.startswith("Relocation section"):
            inPlt = "'.rela.plt'" in line
            continue
        m = re.match(r"^([0-9a-f]{16})\s+[0-9a-f]+\s+(R_X86_64_\S+)\s+[0-9a-f]+\s+(\S+)", line)
        if inPlt and m:
            relocs.append({"slot": int(m.group(1), 16), "type": m.group(2),
                           "symbol": m.group(3).split("@")[0]})
    words, raw = [], bytearray()
    for m in re.finditer(r"^\s+0x[0-9a-f]+ ((?:[0-9a-f]{8} ?){1,4})", readelf(["-x", ".got.plt", path]), re.M):
        for chunk in m.group(1).split():
            raw += bytes.fromhex(chunk)
    for i in range(0, len(raw) - 7, 8):
        words.append(int.from_bytes(raw[i:i + 8], "little"))
    return sections, relocs, words


def runFacts(logPath, program):
    """The records of the run for `program` (matched by file name)."""
    name = os.path.basename(program)
    facts = {"base": None, "setup": None, "slots": {}, "binds": {}}
    with open(logPath) as f:
        for line in f:
            try:
                r = json.loads(line)
            except json.JSONDecodeError:
                continue
            if os.path.basename(r.get("file", "")) != name:
                continue
            ev = r.get("event")
            if ev == "map":
                facts["base"] = int(r["base"], 16)
            elif ev == "lazy-setup":
                facts["setup"] = r
            elif ev == "lazy-slot":
                facts["slots"][int(r["slot"], 16)] = r
            elif ev == "lazy-bind":
                facts["binds"].setdefault(int(r["slot"], 16), r)
    if facts["base"] is None:
        raise ValueError(f"{logPath}: no map record for {name}")
    return facts


def rows(sections, relocs, words, run):
    gotplt, plt = sections[".got.plt"][0], sections[".plt"][0]
    base, setup = run["base"], run["setup"] or {}
    bySlot = {r["slot"]: (i, r) for i, r in enumerate(relocs)}
    out = []
    for n, word in enumerate(words):
        slot = gotplt + 8 * n
        row = {"n": n, "slot": slot, "file": word, "symbol": ""}
        if n == 0:
            row.update(what="_DYNAMIC (.dynamic's link-time address)", start=None, after=None)
        elif n in (1, 2):
            key = "handle" if n == 1 else "resolver"
            v = int(setup[key], 16) if key in setup else None
            row.update(what="filled in by the loader", start=v, after=None,
                       startWhat="module handle (which module)" if n == 1
                       else "_dl_runtime_resolve")
        elif slot in bySlot:
            i, rel = bySlot[slot]
            row["symbol"] = rel["symbol"]
            entry = plt + 16 * (i + 1)
            row["what"] = f"PLT{i + 1}+6 (push {i}) of {rel['symbol']}@plt" \
                if word == entry + 6 else f"{rel['type']} {rel['symbol']}"
            s = run["slots"].get(base + slot)
            row["start"] = int(s["new"], 16) if s else None
            row["startWhat"] = f"base + {word:#x}: PLT{i + 1}+6"
            b = run["binds"].get(base + slot)
            row["after"] = int(b["new"], 16) if b else None
            row["afterWhat"] = f"{rel['symbol']} in {b['to']}" if b else "not called: unchanged"
        else:
            row.update(what="", start=None, after=None)
        out.append(row)
    return out


def text(x, y, s, size=12, weight="normal"):
    return (f'<text x="{x}" y="{y}" font-family="monospace" font-size="{size}" '
            f'font-weight="{weight}">{html.escape(s)}</text>')


def draw(program, sections, relocs, table, run):
    plt = sections[".plt"][0]
    cols = [20, 130, 500, 830]
    width = 1300
    out = [text(20, 25, f"{program}: the GOT and the PLT before and after the first call "
                f"(load base {run['base']:#x})", 15, "bold")]
    out.append(f'<g class="run" data-base="{run["base"]:#x}"/>')
    y = 55
    out.append(text(20, y, "the PLT (code, never written):", 12, "bold"))
    y += 20
    out.append(text(30, y, f"PLT0 {plt:#x}: push GOT.PLT[1]; jmp *GOT.PLT[2]   (the common stub)", 11))
    for i, rel in enumerate(relocs):
        y += 18
        out.append(text(30, y, f"PLT{i + 1} {plt + 16 * (i + 1):#x}: jmp *GOT.PLT[{i + 3}]; "
                        f"push {i}; jmp PLT0   ({rel['symbol']}@plt)", 11))
    y += 35
    heads = ["GOT.PLT[n]", "in the file (link time)", "at start, before main",
             "after the first call"]
    for x, h in zip(cols, heads):
        out.append(text(x, y, h, 12, "bold"))
    y += 10
    for r in table:
        start = r["start"] if r["start"] is not None else None
        after = r["after"] if r["after"] is not None else start
        out.append(f'<g class="slot" data-n="{r["n"]}" data-slot="{r["slot"]:#x}" '
                   f'data-symbol="{html.escape(r["symbol"])}" data-file="{r["file"]:#x}" '
                   f'data-start="{"" if start is None else hex(start)}" '
                   f'data-after="{"" if r["after"] is None else hex(r["after"])}">')
        cells = [(f"[{r['n']}] {r['slot']:#x}", None),
                 (f"{r['file']:#x}  {r['what']}", False),
                 ("as in the file" if start is None else f"{start:#x}  {r.get('startWhat', '')}",
                  start is not None),
                 ("as in the file" if after is None else
                  f"{after:#x}  {r.get('afterWhat', '')}" if r["after"] is not None
                  else "unchanged", r["after"] is not None and r["after"] != start)]
        for x, (label, changed) in zip(cols, cells):
            w = (cols[cols.index(x) + 1] - x - 8) if x != cols[-1] else width - x - 20
            fill = "#fff2a8" if changed else "#f4f4f4"
            out.append(f'<rect x="{x}" y="{y}" width="{w}" height="{ROW - 4}" fill="{fill}" '
                       f'stroke="#999"/>')
            out.append(text(x + 5, y + 14, label, 11))
        out.append("</g>")
        y += ROW
    y += 20
    out.append(text(20, y, "highlighted: written at run time. Lazy binding's three jumps on the "
                    "first call: jmp *GOT.PLT[n] lands on the push; jmp PLT0; "
                    "jmp *GOT.PLT[2] into the resolver, which patches the slot.", 11))
    y += 20
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{y}" '
            f'viewBox="0 0 {width} {y}">\n<rect width="100%" height="100%" fill="white"/>\n'
            + "\n".join(out) + "\n</svg>\n")


def main():
    if len(sys.argv) != 4:
        sys.exit("usage: got-figure.py PROGRAM RUN.jsonl OUT.svg")
    program, logPath, outPath = sys.argv[1:]
    try:
        sections, relocs, words = fileFacts(program)
        run = runFacts(logPath, program)
    except OSError as e:
        sys.exit(f"got-figure.py: {e}")
    except subprocess.CalledProcessError as e:
        why = (e.stderr.strip().splitlines() or ["failed"])[0]
        sys.exit(f"got-figure.py: {program}: readelf cannot read it ({why})")
    except ValueError as e:
        sys.exit(f"got-figure.py: {program}: {e}")
    table = rows(sections, relocs, words, run)
    with open(outPath, "w") as f:
        f.write(draw(program, sections, relocs, table, run))
    bound = sum(1 for r in table if r["after"] is not None)
    print(f"{outPath}: {len(table)} GOT.PLT words, {len(relocs)} lazy slots, "
          f"{bound} bound by a first call")


if __name__ == "__main__":
    main()
