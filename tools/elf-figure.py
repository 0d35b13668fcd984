#!/usr/bin/env python3
"""elf-figure.py: draws an ELF file's memory picture as SVG, from readelf's
output: its sections, the PT_LOAD segments that hold them, and the 4 KiB
pages each segment covers, coloured by permission (the seed article's
section 3 figure, made from a real file). Sections and pages are drawn one
row each, not to scale: sizes differ by orders of magnitude.

Pages are split the way the loader maps them: file-backed pages (up to
p_filesz) and anonymous zero-filled pages (.bss past the file part); pages
under PT_GNU_RELRO are marked read-only after relocation. Every drawn
segment and section carries data-* attributes (type, vaddr, memsz, flags;
name, addr, size) so a test can check the figure against the file.

Usage: elf-figure.py ELF OUT.svg   (prints a one-line summary)
"""
import html
import re
import subprocess
import sys

PAGE = 0x1000
ROW = 22
COLOURS = {"r--": "#dbe7f3", "r-x": "#f8d9b0", "rw-": "#cdeccd", "rwx": "#f4b6b6", "---": "#eeeeee"}


def readelf(path):
    text = subprocess.run(["readelf", "-lSW", path], check=True, capture_output=True,
                          text=True).stdout
    sections = []
    for m in re.finditer(r"^\s*\[\s*(\d+)\]\s+(\S+)\s+(\S+)\s+([0-9a-f]{16})\s+([0-9a-f]+)\s+"
                         r"([0-9a-f]+)\s+[0-9a-f]+\s+([A-Za-z]*)\s", text, re.M):
        if m.group(1) == "0":
            continue
        sections.append({"index": int(m.group(1)), "name": m.group(2), "type": m.group(3),
                         "addr": int(m.group(4), 16), "size": int(m.group(6), 16),
                         "flags": m.group(7)})
    segments = []
    for m in re.finditer(r"^\s+([A-Z_]+)\s+0x([0-9a-f]+)\s+0x([0-9a-f]+)\s+0x[0-9a-f]+\s+"
                         r"0x([0-9a-f]+)\s+0x([0-9a-f]+)\s+([RWE ]{3})\s+0x([0-9a-f]+)",
                         text, re.M):
        segments.append({"type": m.group(1), "offset": int(m.group(2), 16),
                         "vaddr": int(m.group(3), 16), "filesz": int(m.group(4), 16),
                         "memsz": int(m.group(5), 16), "flags": m.group(6),
                         "align": int(m.group(7), 16)})
    mapping = re.search(r"Segment Sections\.\.\.\n((?:\s+\d\d.*\n?)*)", text)
    for line in (mapping.group(1).splitlines() if mapping else []):
        fields = line.split()
        if fields and fields[0].isdigit() and int(fields[0]) < len(segments):
            segments[int(fields[0])]["sections"] = fields[1:]
    return sections, segments


def perms(flags):
    return ("r" if "R" in flags else "-") + ("w" if "W" in flags else "-") + \
           ("x" if "E" in flags else "-")


def pageGroups(seg, relro):
    """The page ranges of one PT_LOAD as the loader maps them."""
    start = seg["vaddr"] & ~(PAGE - 1)
    fileEnd = (seg["vaddr"] + seg["filesz"] + PAGE - 1) & ~(PAGE - 1)
    memEnd = (seg["vaddr"] + seg["memsz"] + PAGE - 1) & ~(PAGE - 1)
    p = perms(seg["flags"])
    cuts = sorted({start, fileEnd, memEnd} | {c for r in relro for c in r if start < c < memEnd})
    groups = []
    for lo, hi in zip(cuts, cuts[1:]):
        if lo >= hi:
            continue
        kind = "file" if hi <= fileEnd else "anonymous, zero-filled"
        inRelro = any(r[0] <= lo and hi <= r[1] for r in relro)
        groups.append({"lo": lo, "hi": hi, "perm": "r--" if inRelro else p, "kind": kind,
                       "note": " (RELRO: read-only after relocation)" if inRelro else ""})
    return groups


def text(x, y, s, size=12, weight="normal", anchor="start"):
    return (f'<text x="{x}" y="{y}" font-family="monospace" font-size="{size}" '
            f'font-weight="{weight}" text-anchor="{anchor}">{html.escape(s)}</text>')


def draw(path, sections, segments):
    byName = {s["name"]: s for s in sections}
    loads = [s for s in segments if s["type"] == "LOAD"]
    relro = [((s["vaddr"]) & ~(PAGE - 1), (s["vaddr"] + s["memsz"]) & ~(PAGE - 1))
             for s in segments if s["type"] == "GNU_RELRO"]
    out, y = [], 70
    xs, xg, xp, w = 20, 420, 700, 1260
    out.append(text(xs, 25, f"{path}: sections -> segments -> pages", 16, "bold"))
    out.append(text(xs, 50, "sections (address, size, flags)", 12, "bold"))
    out.append(text(xg, 50, "PT_LOAD segments", 12, "bold"))
    out.append(text(xp, 50, "4 KiB pages as mapped", 12, "bold"))
    loaded = set()
    for seg in loads:
        names = [n for n in seg.get("sections", []) if n in byName]
        loaded.update(names)
        groups = pageGroups(seg, relro)
        rows = max(len(names), len(groups), 2)
        top, height = y, rows * ROW
        p = perms(seg["flags"])
        out.append(f'<g class="segment" data-type="LOAD" data-vaddr="{seg["vaddr"]:#x}" '
                   f'data-offset="{seg["offset"]:#x}" data-filesz="{seg["filesz"]:#x}" '
                   f'data-memsz="{seg["memsz"]:#x}" data-flags="{p}">')
        out.append(f'<rect x="{xg}" y="{top}" width="250" height="{height - 4}" '
                   f'fill="{COLOURS.get(p, "#fff")}" stroke="#333"/>')
        out.append(text(xg + 8, top + 16, f"LOAD {p}  vaddr {seg['vaddr']:#x}"))
        out.append(text(xg + 8, top + 32, f"file {seg['filesz']:#x}  mem {seg['memsz']:#x}", 11))
        out.append("</g>")
        if not names and seg["offset"] == 0:
            out.append(text(xs + 6, top + 14, "(the ELF header and program headers)", 11))
        for i, name in enumerate(names):
            s = byName[name]
            sy = top + i * ROW
            out.append(f'<g class="section" data-name="{html.escape(name)}" '
                       f'data-addr="{s["addr"]:#x}" data-size="{s["size"]:#x}">')
            out.append(f'<rect x="{xs}" y="{sy}" width="330" height="{ROW - 4}" '
                       f'fill="{COLOURS.get(p, "#fff")}" stroke="#666"/>')
            out.append(text(xs + 6, sy + 14, f"{name:<16} {s['addr']:#9x} {s['size']:#7x} {s['flags']}", 11))
            out.append(f'<line x1="{xs + 330}" y1="{sy + 9}" x2="{xg}" y2="{top + 9}" '
                       f'stroke="#888"/></g>')
        for i, g in enumerate(groups):
            gy = top + i * ROW
            n = (g["hi"] - g["lo"]) // PAGE
            out.append(f'<g class="pages" data-lo="{g["lo"]:#x}" data-hi="{g["hi"]:#x}" '
                       f'data-perm="{g["perm"]}" data-kind="{g["kind"]}">')
            out.append(f'<rect x="{xp}" y="{gy}" width="{w - xp - 20}" height="{ROW - 4}" '
                       f'fill="{COLOURS.get(g["perm"], "#fff")}" stroke="#666"/>')
            out.append(text(xp + 6, gy + 14, f"{g['lo']:#x}-{g['hi']:#x} {n} page{'s' * (n != 1)} "
                            f"{g['perm']} {g['kind']}{g['note']}", 11))
            out.append(f'<line x1="{xg + 250}" y1="{top + 9}" x2="{xp}" y2="{gy + 9}" '
                       f'stroke="#888"/></g>')
        y += height + 10
    y += 10
    out.append(text(xs, y, "other segments", 12, "bold"))
    for seg in segments:
        if seg["type"] == "LOAD":
            continue
        y += ROW
        out.append(f'<g class="segment" data-type="{seg["type"]}" data-vaddr="{seg["vaddr"]:#x}" '
                   f'data-memsz="{seg["memsz"]:#x}" data-flags="{perms(seg["flags"])}">')
        out.append(text(xs, y, f"{seg['type']:<14} vaddr {seg['vaddr']:#x} mem {seg['memsz']:#x} "
                        f"{perms(seg['flags'])}  {' '.join(seg.get('sections', []))}", 11))
        out.append("</g>")
    rest = [s["name"] for s in sections if s["name"] not in loaded and "A" not in s["flags"]]
    y += ROW + 10
    out.append(text(xs, y, "not loaded (in no segment): " + " ".join(rest), 11))
    y += 20
    body = "\n".join(out)
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{y}" '
            f'viewBox="0 0 {w} {y}">\n<rect width="100%" height="100%" fill="white"/>\n'
            f'{body}\n</svg>\n')


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: elf-figure.py ELF OUT.svg")
    path, outPath = sys.argv[1], sys.argv[2]
    try:
        sections, segments = readelf(path)
    except OSError as e:
        sys.exit(f"elf-figure.py: cannot run readelf: {e}")
    except subprocess.CalledProcessError as e:
        why = (e.stderr.strip().splitlines() or ["failed"])[0]
        sys.exit(f"elf-figure.py: {path}: readelf cannot read it ({why})")
    if not any(s["type"] == "LOAD" for s in segments):
        sys.exit(f"elf-figure.py: {path}: no PT_LOAD segment (not an executable or library?)")
    svg = draw(path, sections, segments)
    with open(outPath, "w") as f:
        f.write(svg)
    loads = [s for s in segments if s["type"] == "LOAD"]
    pages = sum(((s["vaddr"] + s["memsz"] + PAGE - 1) // PAGE) - s["vaddr"] // PAGE for s in loads)
    print(f"{outPath}: {len(sections)} sections, {len(loads)} LOAD segments "
          f"({', '.join(perms(s['flags']) for s in loads)}), {pages} pages")


if __name__ == "__main__":
    main()
