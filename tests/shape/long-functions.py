#!/usr/bin/env python3
"""Lists functions longer than a limit (default 120 lines) in C++ sources.

usage: long-functions.py [--limit N] [--check] DIR...

A function is a brace block opened at namespace or class scope right after a
parameter list (`) {`, `) const {`, `) -> T {`, a constructor's initializer
list ...). Comments, strings and character literals are blanked first so their
braces do not count. Lambdas and blocks inside a function count toward the
function that holds them. With --check, exits 1 when any function is over the
limit (the code-shape rule of docs/architecture.md).
"""
import argparse
import pathlib
import re
import sys


def blank(text):
    """Replaces comments and literals with spaces, keeping newlines."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif c == 'R' and text.startswith('R"', i) and not (i and (text[i-1].isalnum() or text[i-1] == '_')):
            m = re.match(r'R"([^(\s]*)\(', text[i:])
            if not m:
                out.append(c); i += 1; continue
            end = ")" + m.group(1) + '"'
            j = text.find(end, i + m.end())
            j = n if j < 0 else j + len(end)
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif c in "\"'":
            # A digit separator (1'000) is not a character literal.
            if c == "'" and i and text[i-1].isalnum() and i + 1 < n and text[i+1].isalnum() and text[i-1].isdigit():
                out.append(" "); i += 1; continue
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            j = min(j + 1, n)
            out.append(" " * (j - i))
            i = j
        else:
            out.append(c)
            i += 1
    return "".join(out)


HEAD = re.compile(r"(\)\s*(const|noexcept|override|final|mutable|&|&&|\s)*(->\s*[\w:<>,\s*&]+)?"
                  r"|\)\s*:\s*[\w:]+[({][^;]*[)}]\s*)\s*$", re.S)
NAME = re.compile(r"([~\w:]+(?:<[^<>]*>)?|operator\s*\S+)\s*\([^;{}]*$", re.S)
NOT_FUNCS = {"if", "for", "while", "switch", "catch", "return", "sizeof", "decltype", "alignof"}


def functions(path):
    text = blank(path.read_text(errors="replace"))
    # Preprocessor lines never open a function.
    text = re.sub(r"(?m)^\s*#.*$", lambda m: " " * len(m.group(0)), text)
    stack = []  # one entry per open brace: (is_function, name, start line)
    line = 1
    last = 0  # where the text before the next brace starts
    for i, c in enumerate(text):
        if c == "\n":
            line += 1
        if c not in "{};":
            continue
        before = text[last:i]
        last = i + 1
        if c == ";":
            continue
        if c == "{":
            inside = any(f for f, _, _ in stack)
            m = None if inside else NAME.search(before)
            is_fn = bool(m and HEAD.search(before) and m.group(1).split("::")[-1] not in NOT_FUNCS
                         and not re.search(r"=\s*[^=]*$", before.split(")")[0]))
            stack.append((is_fn, m.group(1) if is_fn else "", line))
        elif stack:
            is_fn, name, start = stack.pop()
            if is_fn:
                yield name, start, line - start + 1


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=120)
    ap.add_argument("--check", action="store_true")
    ap.add_argument("dirs", nargs="+")
    args = ap.parse_args()
    over = []
    for d in args.dirs:
        for p in sorted(pathlib.Path(d).rglob("*.cpp")) + sorted(pathlib.Path(d).rglob("*.h")):
            for name, start, length in functions(p):
                if length > args.limit:
                    over.append((length, f"{p}:{start}", name))
    for length, where, name in sorted(over, reverse=True):
        print(f"{length:5d}  {where}  {name}")
    print(f"{len(over)} function(s) over {args.limit} lines", file=sys.stderr)
    return 1 if args.check and over else 0


if __name__ == "__main__":
    sys.exit(main())
