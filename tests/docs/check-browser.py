#!/usr/bin/env python3
"""check-browser.py WORK_DIR ELF SVG [ELF SVG]...

Opens each figure that tools/elf-figure.py drew from ELF in headless
Chromium and checks, against `readelf -lW ELF`, that it renders and shows
the file's segments:

1. The SVG file itself (--dump-dom): it parses as SVG (no XML parse error)
   and holds one segment group per PT_LOAD, in order, whose data-* values
   (vaddr, offset, filesz, memsz, flags) and label text are readelf's, and
   every other program header is listed with its type, address and size.
2. An HTML page that shows the file as an <img> and inline (--dump-dom
   after its script ran): the image decodes at the SVG's size, and every
   segment's box and label has a non-empty laid-out size.
3. A screenshot of the SVG (--screenshot): each segment's fill colour is
   present in the rendered pixels.

Exits 77 (ctest's skip code) with one line when no Chromium is installed;
tests/install-deps.sh installs Debian's `chromium`. Otherwise exit 1 and
one line per problem, or 0.
"""
import html
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import zlib

FLAGS = {"R": "r", "W": "w", "E": "x"}


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        path = shutil.which(name)
        if path:
            return path
    return None


def browse(browser, work, url, *extra):
    """Runs headless Chromium on `url`; returns its stdout."""
    args = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
            f"--user-data-dir={os.path.join(work, 'profile')}", "--virtual-time-budget=5000",
            *extra, url]
    r = subprocess.run(args, capture_output=True, text=True, timeout=120)
    if r.returncode != 0:
        raise RuntimeError(f"chromium exited {r.returncode}: {r.stderr.strip()[-300:]}")
    return r.stdout


def headers(path):
    """readelf's program headers: type, vaddr, offset, filesz, memsz, flags ("r-x")."""
    text = subprocess.run(["readelf", "-lW", path], check=True, capture_output=True, text=True).stdout
    out = []
    for m in re.finditer(r"^\s+([A-Z_]+)\s+0x([0-9a-f]+)\s+0x([0-9a-f]+)\s+0x[0-9a-f]+\s+0x([0-9a-f]+)\s+"
                         r"0x([0-9a-f]+)\s+([RWE ]{3})", text, re.M):
        out.append({"type": m[1], "offset": int(m[2], 16), "vaddr": int(m[3], 16), "filesz": int(m[4], 16),
                    "memsz": int(m[5], 16),
                    "flags": "".join(FLAGS.get(c, "-") for c in m[6])})
    return out


def check_others(dom, phdrs, name):
    """Every other program header (PHDR, INTERP, TLS, DYNAMIC, GNU_RELRO...)
    is listed with its type, address and size."""
    shown = {(a["type"], a["vaddr"], a["memsz"]) for a in
             (dict(re.findall(r'data-([a-z]+)="([^"]*)"', g)) for g in re.findall(r'<g class="segment"([^>]*)>', dom))
             if "type" in a and "vaddr" in a and "memsz" in a}
    problems = []
    for p in phdrs:
        if p["type"] != "LOAD" and (p["type"], f"{p['vaddr']:#x}", f"{p['memsz']:#x}") not in shown:
            problems.append(f"{name}: program header {p['type']} at {p['vaddr']:#x} (size {p['memsz']:#x}) not shown")
    return problems


def check_dom(dom, segs, name):
    problems = []
    if "parsererror" in dom or "<svg" not in dom:
        return [f"{name}: Chromium did not parse it as SVG"]
    groups = re.findall(r'<g class="segment" data-type="LOAD"([^>]*)>\s*<rect[^>]*>\s*<text[^>]*>([^<]*)</text>', dom)
    if len(groups) != len(segs):
        problems.append(f"{name}: {len(groups)} LOAD segments shown, readelf -l has {len(segs)}")
    for (attrs, label), s in zip(groups, segs):
        a = dict(re.findall(r'data-([a-z]+)="([^"]*)"', attrs))
        for key in ("vaddr", "offset", "filesz", "memsz"):
            if int(a.get(key, "-1"), 16) != s[key]:
                problems.append(f"{name}: segment at {s['vaddr']:#x}: {key} {a.get(key)}, readelf {s[key]:#x}")
        if a.get("flags") != s["flags"]:
            problems.append(f"{name}: segment at {s['vaddr']:#x}: flags {a.get('flags')}, readelf {s['flags']}")
        want = f"LOAD {s['flags']}  vaddr {s['vaddr']:#x}"
        if html.unescape(label).strip() != want:
            problems.append(f"{name}: segment label '{html.unescape(label)}', expected '{want}'")
    return problems


HARNESS = """<!DOCTYPE html>
<html><head><meta charset="utf-8"></head><body>
<img id="file" src="{src}">
<div id="inline">{svg}</div>
<pre id="report">not run</pre>
<script>
window.addEventListener("load", () => {{ try {{
  const img = document.getElementById("file");
  const svg = document.querySelector("#inline svg");
  const segs = [...svg.querySelectorAll('g.segment[data-type="LOAD"]')].map(g => {{
    const box = g.querySelector("rect").getBBox();
    const label = g.querySelector("text");
    return {{vaddr: g.dataset.vaddr, w: box.width, h: box.height,
             text: label.textContent, textWidth: label.getComputedTextLength()}};
  }});
  document.getElementById("report").textContent = JSON.stringify({{
    img: [img.complete, img.naturalWidth, img.naturalHeight],
    svg: [svg.width.baseVal.value, svg.height.baseVal.value], segs}});
}} catch (e) {{ document.getElementById("report").textContent = "error: " + e; }} }});
</script></body></html>
"""


def check_layout(browser, work, svgPath, segs, name):
    svg = open(svgPath).read()
    svg = re.sub(r"^<\?xml[^>]*\?>\s*", "", svg)
    page = os.path.join(work, os.path.basename(svgPath) + ".html")
    with open(page, "w") as f:
        f.write(HARNESS.format(src="file://" + os.path.abspath(svgPath), svg=svg))
    dom = browse(browser, work, "file://" + page, "--allow-file-access-from-files", "--dump-dom")
    m = re.search(r'<pre id="report">(.*?)</pre>', dom, re.S)
    if not m or m[1] == "not run" or m[1].startswith("error"):
        return [f"{name}: the page's script did not run in Chromium: {m[1] if m else 'no report'}"]
    r = json.loads(html.unescape(m[1]))
    problems = []
    done, w, h = r["img"]
    if not done or (w, h) != tuple(r["svg"]) or w == 0:
        problems.append(f"{name}: as an <img> it decoded to {w}x{h}, the SVG says {r['svg']}")
    if len(r["segs"]) != len(segs):
        problems.append(f"{name}: {len(r['segs'])} segments laid out, readelf -l has {len(segs)}")
    for s in r["segs"]:
        if s["w"] <= 0 or s["h"] <= 0 or s["textWidth"] <= 0:
            problems.append(f"{name}: segment {s['vaddr']} has no laid-out size: {s}")
    return problems


def png_pixels(path):
    """RGB(A) pixels of an 8-bit, non-interlaced PNG (what Chromium writes)."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path}: not a PNG")
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            width, height, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or ctype not in (2, 6) or interlace:
                raise ValueError(f"{path}: unsupported PNG (depth {depth}, type {ctype})")
            bpp = 3 if ctype == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    raw, stride = zlib.decompress(idat), width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if f == 1: line[i] = (line[i] + a) & 255
            elif f == 2: line[i] = (line[i] + b) & 255
            elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    colours = set()
    for line in rows:
        for i in range(0, stride, bpp):
            colours.add(line[i:i + 3])
    return colours


def check_pixels(browser, work, svgPath, name):
    svg = open(svgPath).read()
    m = re.search(r'<svg[^>]*width="(\d+)" height="(\d+)"', svg)
    shot = os.path.join(work, os.path.basename(svgPath) + ".png")
    if os.path.exists(shot):
        os.remove(shot)
    browse(browser, work, "file://" + os.path.abspath(svgPath), f"--screenshot={shot}",
           f"--window-size={m[1]},{m[2]}" if m else "--window-size=1400,1000")
    if not os.path.exists(shot):
        return [f"{name}: Chromium wrote no screenshot"]
    seen = png_pixels(shot)
    problems = []
    fills = set(re.findall(r'<g class="segment"[^>]*>\s*<rect[^>]*fill="#([0-9a-f]{6})"', svg))
    for fill in sorted(fills):
        if bytes.fromhex(fill) not in seen:
            problems.append(f"{name}: no pixel of the segment colour #{fill} in the screenshot")
    if len(seen) < 4:
        problems.append(f"{name}: the screenshot has only {len(seen)} colours: nothing drawn")
    return problems


def main(argv):
    if len(argv) < 4 or len(argv) % 2:
        print(__doc__, file=sys.stderr)
        return 2
    browser = chromium()
    if not browser:
        print("check-browser: SKIP: no Chromium (chromium, chromium-browser or google-chrome) on PATH; "
              "tests/install-deps.sh installs Debian's chromium")
        return 77
    work = os.path.abspath(argv[1])
    os.makedirs(work, exist_ok=True)
    problems, shown = [], 0
    for elf, svgPath in zip(argv[2::2], argv[3::2]):
        name = os.path.basename(svgPath)
        phdrs = headers(elf)
        segs = [p for p in phdrs if p["type"] == "LOAD"]
        dom = browse(browser, work, "file://" + os.path.abspath(svgPath), "--dump-dom")
        problems += check_dom(dom, segs, name)
        problems += check_others(dom, phdrs, name)
        problems += check_layout(browser, work, svgPath, segs, name)
        problems += check_pixels(browser, work, svgPath, name)
        shown += len(segs)
    for p in problems:
        print(f"check-browser: {p}", file=sys.stderr)
    if not problems:
        print(f"check-browser: {len(argv[2:]) // 2} figures render in {os.path.basename(browser)} "
              f"with the {shown} PT_LOAD segments readelf -l lists, at their addresses")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
