#!/usr/bin/env python3
"""check-figure.py: a figure made by tools/elf-figure.py tells the truth.

For each ELF/SVG pair: the SVG parses as XML with an <svg> root; it has one
segment group per program header, with the type, address, sizes and
permissions the ELF file's program headers give, and one section group per
section a PT_LOAD holds, with its address and size. The ELF headers are
read here with struct, not through readelf (which the tool itself uses).
With --committed DIR, DIR/NAME.svg must equal the fresh figure, so the
copies the walkthrough links to stay current.

With --got, the pairs are programs and figures of tools/got-figure.py: one
row per word of .got.plt with the word's address and its value in the
file; the .rela.plt slots carry their symbols; and a lazy slot's value at
start is the load base plus its value in the file (the lazy binding rule).

Usage: check-figure.py [--committed DIR] ELF SVG [ELF SVG ...]
       check-figure.py --got PROGRAM SVG
"""
import os
import struct
import sys
import xml.etree.ElementTree as ET

PT_NAMES = {1: "LOAD", 2: "DYNAMIC", 3: "INTERP", 4: "NOTE", 6: "PHDR", 7: "TLS",
            0x6474e550: "GNU_EH_FRAME", 0x6474e551: "GNU_STACK", 0x6474e552: "GNU_RELRO",
            0x6474e553: "GNU_PROPERTY"}
SVG = "{http://www.w3.org/2000/svg}"


def elfHeaders(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        raise ValueError(f"{path}: not a little-endian ELF64 file")
    (phoff, shoff) = struct.unpack_from("<QQ", data, 0x20)
    (phentsize, phnum, shentsize, shnum, shstrndx) = struct.unpack_from("<HHHHH", data, 0x36)
    phdrs = []
    for i in range(phnum):
        (ptype, flags, off, vaddr, _, filesz, memsz, _) = struct.unpack_from(
            "<IIQQQQQQ", data, phoff + i * phentsize)
        perm = ("r" if flags & 4 else "-") + ("w" if flags & 2 else "-") + ("x" if flags & 1 else "-")
        phdrs.append({"type": PT_NAMES.get(ptype, hex(ptype)), "vaddr": vaddr, "offset": off,
                      "filesz": filesz, "memsz": memsz, "perm": perm})
    shdrs = [struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize) for i in range(shnum)]
    strOff = shdrs[shstrndx][4]
    sections = []
    for (name, stype, flags, addr, off, size, link, *_rest) in shdrs[1:]:
        end = data.index(b"\0", strOff + name)
        sections.append({"name": data[strOff + name:end].decode(), "addr": addr, "size": size,
                         "alloc": bool(flags & 2), "offset": off, "link": link, "type": stype})
    return phdrs, sections


def cString(data, off):
    return data[off:data.index(b"\0", off)].decode()


def gotFacts(path):
    """.got.plt's address and words, and .rela.plt's (slot, symbol) pairs."""
    with open(path, "rb") as f:
        data = f.read()
    _, sections = elfHeaders(path)
    byName = {s["name"]: s for s in sections}
    got = byName[".got.plt"]
    words = [struct.unpack_from("<Q", data, got["offset"] + 8 * i)[0]
             for i in range(got["size"] // 8)]
    rela = byName[".rela.plt"]
    dynsym = sections[rela["link"] - 1]
    dynstr = sections[dynsym["link"] - 1]
    slots = {}
    for i in range(rela["size"] // 24):
        (offset, info, _) = struct.unpack_from("<QQq", data, rela["offset"] + 24 * i)
        (name,) = struct.unpack_from("<I", data, dynsym["offset"] + 24 * (info >> 32))
        slots[offset] = cString(data, dynstr["offset"] + name)
    return got["addr"], words, slots


def checkGot(elf, svgPath):
    try:
        root = ET.parse(svgPath).getroot()
    except ET.ParseError as e:
        return [f"{svgPath}: not well-formed XML: {e}"]
    errors = []
    groups = list(root.iter(SVG + "g"))
    rows = [g.attrib for g in groups if g.get("class") == "slot"]
    runs = [g.attrib for g in groups if g.get("class") == "run"]
    base = int(runs[0]["data-base"], 16) if runs else None
    gotAddr, words, slots = gotFacts(elf)
    if len(rows) != len(words):
        errors.append(f"{svgPath}: {len(rows)} GOT.PLT rows, {elf} has {len(words)} words")
    for n, (row, word) in enumerate(zip(rows, words)):
        slot = gotAddr + 8 * n
        if row.get("data-slot") != hex(slot) or row.get("data-file") != hex(word):
            errors.append(f"{svgPath}: row {n} shows slot {row.get('data-slot')} = "
                          f"{row.get('data-file')}, the file has {slot:#x} = {word:#x}")
        if slot in slots and row.get("data-symbol") != slots[slot]:
            errors.append(f"{svgPath}: row {n} names {row.get('data-symbol')}, .rela.plt "
                          f"says {slots[slot]}")
        if slot in slots and base is not None and row.get("data-start") != hex(base + word):
            errors.append(f"{svgPath}: row {n} starts as {row.get('data-start')}, not the "
                          f"base {base:#x} + {word:#x}")
    if base is None:
        errors.append(f"{svgPath}: no load base recorded")
    return errors


def checkOne(elf, svgPath):
    errors = []
    try:
        root = ET.parse(svgPath).getroot()
    except ET.ParseError as e:
        return [f"{svgPath}: not well-formed XML: {e}"]
    if root.tag != SVG + "svg":
        return [f"{svgPath}: root element is {root.tag}, not svg"]
    groups = list(root.iter(SVG + "g"))
    segs = [g.attrib for g in groups if g.get("class") == "segment"]
    secs = {g.get("data-name"): g.attrib for g in groups if g.get("class") == "section"}
    phdrs, sections = elfHeaders(elf)
    if len(segs) != len(phdrs):
        errors.append(f"{svgPath}: {len(segs)} segments drawn, {elf} has {len(phdrs)}")
    for ph in phdrs:
        want = {"data-type": ph["type"], "data-vaddr": hex(ph["vaddr"]),
                "data-memsz": hex(ph["memsz"]), "data-flags": ph["perm"]}
        if ph["type"] == "LOAD":
            want.update({"data-offset": hex(ph["offset"]), "data-filesz": hex(ph["filesz"])})
        if not any(all(s.get(k) == v for k, v in want.items()) for s in segs):
            errors.append(f"{svgPath}: no segment drawn as {want}")
    loads = [p for p in phdrs if p["type"] == "LOAD"]
    for sec in sections:
        inLoad = sec["alloc"] and sec["size"] and any(
            p["vaddr"] <= sec["addr"] < p["vaddr"] + p["memsz"] for p in loads)
        if not inLoad:
            continue
        drawn = secs.get(sec["name"])
        if drawn is None:
            errors.append(f"{svgPath}: section {sec['name']} (in a PT_LOAD) is not drawn")
        elif drawn.get("data-addr") != hex(sec["addr"]) or drawn.get("data-size") != hex(sec["size"]):
            errors.append(f"{svgPath}: section {sec['name']} drawn at {drawn.get('data-addr')} "
                          f"size {drawn.get('data-size')}, the file says {sec['addr']:#x} "
                          f"size {sec['size']:#x}")
    return errors


def main():
    args = sys.argv[1:]
    committed, got = None, False
    if args[:1] == ["--got"]:
        got, args = True, args[1:]
    if args[:1] == ["--committed"]:
        committed, args = args[1], args[2:]
    if not args or len(args) % 2:
        sys.exit("usage: check-figure.py [--committed DIR] ELF SVG [ELF SVG ...]")
    errors = []
    for elf, svgPath in zip(args[::2], args[1::2]):
        errors += checkGot(elf, svgPath) if got else checkOne(elf, svgPath)
        if committed:
            kept = os.path.join(committed, os.path.basename(svgPath))
            with open(svgPath) as fresh:
                new = fresh.read()
            old = open(kept).read() if os.path.exists(kept) else None
            if old != new:
                errors.append(f"{kept} is not the figure made from this build's {os.path.basename(elf)}"
                              f" (copy {svgPath} over it)")
    for e in errors:
        print(e)
    n = len(args) // 2
    print(f"check-figure: {n} figure{'s' * (n != 1)}, {len(errors)} problem{'s' * (len(errors) != 1)}")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
