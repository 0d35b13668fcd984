#!/usr/bin/env python3
"""check-doc.py: the walkthrough's shown output still matches a real run.

Reads a Markdown file and the steps a run of walkthrough.sh left behind
(STEPS/NNN.cmd: a command, NNN.out: its output) and checks every fenced
block of the document:
- a line starting with `$ ` is a command (continued on the next line while
  it ends with a backslash); it must be one of the script's commands;
- the lines after it, up to the next `$ ` line, are that command's output
  as the doc shows it: they must appear in the real output, in order and
  consecutively, except where the doc has a line `...` (lines left out).
  The output may begin and end with lines the doc does not show.
  Runs of blanks compare equal whatever their length.
Values that change from run to run are marked, not hidden: an HTML
comment `<!-- vary: CLASS ... -->` on the line just before the block names
the kinds of values that may differ in that block. The doc shows one run's
values; any text the class's pattern matches compares equal to any other
text it matches. CLASS is one of the names in CLASSES or a /regex/.

Usage: check-doc.py DOC.md STEPS_DIR     (exit 1 and a report on mismatch)
       check-doc.py --self-test
"""
import os
import re
import sys
import tempfile

CLASSES = {
    "addr": r"(?:0x)?7f[0-9a-f]{10}",          # mmap'd and stack addresses
    "heap": r"(?:0x)?[0-9a-f]{6,9}",           # the randomised program break
    "pid": r"^\d+:",                           # mload log lines' process id
    "inode": r"[0-9a-f]{2}:[0-9a-f]{2} \d+",   # /proc/PID/maps device and inode
    "path": r"/[^\s\]\"]*",                    # absolute paths (build and run directories)
}

VARY = re.compile(r"^<!--\s*vary:\s*(.*?)\s*-->\s*$")


def normalize(line):
    return re.sub(r"\s+", " ", line).strip()


def classPatterns(spec, where):
    pats = []
    for word in spec.split():
        if len(word) > 2 and word.startswith("/") and word.endswith("/"):
            pats.append(word[1:-1])
        elif word in CLASSES:
            pats.append(CLASSES[word])
        else:
            raise SystemExit(f"{where}: unknown vary class '{word}' (known: {', '.join(CLASSES)})")
    return pats


def lineRegex(docLine, pats):
    """The doc line as a regex: literal text, except what a vary pattern matches."""
    line = normalize(docLine)
    if not pats:
        return re.compile(re.escape(line))
    combined = re.compile("|".join(f"(?P<g{i}>{p})" for i, p in enumerate(pats)))
    out, pos = [], 0
    for m in combined.finditer(line):
        if m.end() == m.start():
            continue
        out.append(re.escape(line[pos:m.start()]))
        out.append(f"(?:{pats[int(m.lastgroup[1:])].lstrip('^')})")
        pos = m.end()
    out.append(re.escape(line[pos:]))
    return re.compile("".join(out))


def parseBlocks(text):
    """Yields (line number, vary spec, [lines]) for each fenced block."""
    lines = text.split("\n")
    i, prev = 0, ""
    while i < len(lines):
        if lines[i].startswith("```"):
            start, body = i + 1, []
            i += 1
            while i < len(lines) and not lines[i].startswith("```"):
                body.append(lines[i])
                i += 1
            m = VARY.match(prev.strip())
            yield start, (m.group(1) if m else ""), body
            prev = ""
        elif lines[i].strip():
            prev = lines[i]
        i += 1


def commands(start, body):
    """Yields (line number, command, [output lines]) in one block."""
    i = 0
    while i < len(body):
        if not body[i].startswith("$ "):
            i += 1
            continue
        lineNo, cmd = start + i + 1, [body[i][2:]]
        while cmd[-1].endswith("\\") and i + 1 < len(body):
            i += 1
            cmd.append(body[i])
        i += 1
        output = []
        while i < len(body) and not body[i].startswith("$ "):
            output.append(body[i])
            i += 1
        while output and not output[-1].strip():
            output.pop()
        yield lineNo, "\n".join(cmd), output


def normalizeCommand(cmd):
    return normalize(cmd.replace("\\\n", " "))


def matchOutput(shown, actual, pats):
    """None if the shown lines are in the actual output, else the first line
    that is not (with where the search stood)."""
    chunks, cur = [], []
    for line in shown:
        if line.strip() == "...":
            if cur:
                chunks.append(cur)
            cur = []
        else:
            cur.append(line)
    if cur:
        chunks.append(cur)
    real = [normalize(l) for l in actual]
    pos = 0
    for chunk in chunks:
        regexes = [lineRegex(l, pats) for l in chunk]
        found = None
        for at in range(pos, len(real) - len(chunk) + 1):
            if all(r.fullmatch(real[at + k]) for k, r in enumerate(regexes)):
                found = at
                break
        if found is None:
            # Report the longest prefix of the chunk that does match somewhere.
            best = 0
            for at in range(pos, len(real)):
                k = 0
                while k < len(chunk) and at + k < len(real) and regexes[k].fullmatch(real[at + k]):
                    k += 1
                best = max(best, k)
            return chunk[best]
        pos = found + len(chunk)
    return None


def loadSteps(stepsDir):
    steps = {}
    for name in sorted(os.listdir(stepsDir)):
        if name.endswith(".cmd"):
            base = os.path.join(stepsDir, name[:-4])
            with open(base + ".cmd") as c, open(base + ".out", errors="replace") as o:
                steps.setdefault(normalizeCommand(c.read().rstrip("\n")), []).append(
                    o.read().split("\n"))
    return steps


def check(docPath, stepsDir, log=print):
    with open(docPath) as f:
        text = f.read()
    steps = loadSteps(stepsDir)
    failures, nCommands, nLines = 0, 0, 0
    for start, spec, body in parseBlocks(text):
        pats = classPatterns(spec, f"{docPath}:{start}")
        for lineNo, cmd, shown in commands(start, body):
            nCommands += 1
            runs = steps.get(normalizeCommand(cmd))
            if runs is None:
                log(f"{docPath}:{lineNo}: command not in the walkthrough script: {cmd}")
                failures += 1
                continue
            nLines += sum(1 for l in shown if l.strip() and l.strip() != "...")
            misses = [matchOutput(shown, run, pats) for run in runs]
            if all(m is not None for m in misses):
                log(f"{docPath}:{lineNo}: `{cmd}`: shown output no longer matches; first "
                    f"line not found:\n    {misses[0]}\n  real output (first 40 lines):")
                for l in runs[0][:40]:
                    log("    | " + l)
                failures += 1
    return failures, nCommands, nLines


def selfTest():
    """The checker must catch a stale value and an unmarked varying one."""
    with tempfile.TemporaryDirectory() as d:
        steps = os.path.join(d, "steps")
        os.mkdir(steps)
        with open(os.path.join(steps, "001.cmd"), "w") as f:
            f.write("readelf -SW x \\\n    | grep eh\n")
        with open(os.path.join(steps, "001.out"), "w") as f:
            f.write("head\n  [3] .eh_frame  0x48\n  [4] .tdata  0x4\nmapped at 0x7f07f7869000\ntail\n")
        cases = {
            "good": ("", "$ readelf -SW x \\\n    | grep eh\n[3] .eh_frame   0x48\n...\n"
                         "mapped at 0x7f0000000000\n", True),
            "stale": ("", "$ readelf -SW x | grep eh\n  [3] .eh_frame  0x60\n", False),
            "unmarked": (None, "$ readelf -SW x | grep eh\nmapped at 0x7f0000000000\n", False),
            "gap needs ...": ("", "$ readelf -SW x | grep eh\n  [3] .eh_frame  0x48\n"
                                  "mapped at 0x7f07f7869000\n", False),
            "unknown command": ("", "$ readelf -lW x\n", False),
        }
        ok = True
        for name, (vary, block, want) in cases.items():
            doc = os.path.join(d, name + ".md")
            with open(doc, "w") as f:
                f.write(("<!-- vary: addr -->\n" if vary is not None else "text\n") +
                        "```\n" + block + "```\n")
            failures, _, _ = check(doc, steps, log=lambda *a: None)
            if (failures == 0) != want:
                print(f"self-test: case '{name}': {'passed' if failures == 0 else 'failed'}, "
                      f"should have {'passed' if want else 'failed'}")
                ok = False
        print("self-test:", "ok" if ok else "FAILED")
        return 0 if ok else 1


def main():
    if sys.argv[1:] == ["--self-test"]:
        sys.exit(selfTest())
    if len(sys.argv) != 3:
        sys.exit("usage: check-doc.py DOC.md STEPS_DIR | --self-test")
    failures, nCommands, nLines = check(sys.argv[1], sys.argv[2])
    print(f"{sys.argv[1]}: {nCommands} commands, {nLines} shown output lines checked, "
          f"{failures} mismatch{'es' * (failures != 1)}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
