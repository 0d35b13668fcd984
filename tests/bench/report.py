"""report.py: the tables printed to stdout (the raw samples go to JSON).

Ratios are mld's value divided by the other linker's: below 1.00 means
mld is faster (or smaller) than that linker.
"""
from measure import summary


def fmtRatio(a, b):
    return f"{a / b:6.2f}" if a is not None and b else "     -"


def workloadTable(name, results, checks, sizes, runs, objects=None):
    runs = max((len(s.get("wall", [])) for s in results.values()), default=runs)
    ref = "ld.bfd" if "ld.bfd" in sizes else next(iter(sizes), "none")
    lines = [f"== {name}: {runs} runs; output size ({ref}) {sizes.get(ref, 0) / 1e6:.1f} MB =="]
    head = f"{'linker':8} {'wall s':>8} {'cpu s':>8} {'RSS MiB':>8}"
    if objects:
        head += f" {'us/obj':>7}"
    head += f" {'mld/wall':>8} {'mld/cpu':>8} {'mld/RSS':>8}  check"
    lines.append(head)
    mine = summary(results.get("mld", {"error": "missing"}))
    for linker, samples in results.items():
        s = summary(samples)
        if s is None:
            lines.append(f"{linker:8} FAILED: {samples.get('error', 'no samples')[:200]}")
            continue
        row = f"{linker:8} {s['wall']:8.3f} {s['cpu']:8.3f} {s['rss']:8.1f}"
        if objects:
            row += f" {s['wall'] / objects * 1e6:7.1f}"
        if mine:
            row += f" {fmtRatio(mine['wall'], s['wall']):>8} {fmtRatio(mine['cpu'], s['cpu']):>8}" \
                   f" {fmtRatio(mine['rss'], s['rss']):>8}"
        else:
            row += f" {'-':>8} {'-':>8} {'-':>8}"
        row += f"  {checks.get(linker, '-')}"
        lines.append(row)
    if mine:
        rivals = [summary(results[k]) for k in ("lld", "lld-t1", "mold") if k in results]
        rivals = [r for r in rivals if r]
        if rivals:
            best = min(r["wall"] for r in rivals)
            lld = summary(results.get("lld", {"error": ""}))
            verdict = "met" if mine["wall"] <= best else "NOT met"
            rss = ""
            if lld:
                rss = f"; RSS <= lld's: {'met' if mine['rss'] <= lld['rss'] else 'NOT met'}"
            lines.append(f"target (mld wall <= fastest of lld, lld-t1, mold = {best:.3f} s): {verdict}{rss}")
    return "\n".join(lines)


def scalingTable(perObject):
    """perObject: {N: {linker: seconds per object}}. Also the marginal cost
    per object between consecutive sizes, which leaves out the fixed cost
    (process start, libc, writing headers) that dominates small N."""
    if len(perObject) < 2:
        return ""
    ns = sorted(perObject)
    linkers = [k for k in perObject[ns[0]] if k != "io-floor"]
    lines = ["== synthetic scaling: median wall time per input object (us) ==",
             f"{'linker':8} " + " ".join(f"{'N=' + str(n):>8}" for n in ns) + f" {'max/min':>8}"]
    for linker in linkers:
        vals = [perObject[n].get(linker) for n in ns]
        cells = " ".join(f"{v * 1e6:8.1f}" if v else f"{'-':>8}" for v in vals)
        got = [v for v in vals if v]
        spread = f"{max(got) / min(got):8.2f}" if len(got) == len(vals) else f"{'-':>8}"
        lines.append(f"{linker:8} {cells} {spread}")
    lines.append("(target: mld's max/min <= 1.20)")
    lines.append("marginal wall time per added object (us), between consecutive N:")
    lines.append(f"{'linker':8} " + " ".join(f"{str(a) + '-' + str(b):>10}" for a, b in zip(ns, ns[1:])))
    for linker in linkers:
        cells = []
        for a, b in zip(ns, ns[1:]):
            ta, tb = perObject[a].get(linker), perObject[b].get(linker)
            cells.append(f"{(tb * (b + 1) - ta * (a + 1)) / (b - a) * 1e6:10.1f}" if ta and tb else f"{'-':>10}")
        lines.append(f"{linker:8} " + " ".join(cells))
    return "\n".join(lines)


def passTimes(stats):
    """The pass-time lines of mld --stats as one line ("" if none)."""
    lines = stats.splitlines()
    marker = [i for i, l in enumerate(lines) if l.strip() == "pass times (ms):"]
    if not marker:
        return ""
    passes = [l.split() for l in lines[marker[0] + 1:]]
    return "\nmld --stats pass times (ms): " + ", ".join(" ".join(p) for p in passes if len(p) == 2)


def versusPrevious(name, results, previous):
    """mld against mld in the previous results.json, when it has the same
    workload: a quick "did that change help" line (other linkers' drift
    between the two runs is shown by lld's own ratio)."""
    if not previous or name not in previous.get("workloads", {}):
        return ""
    old = previous["workloads"][name]["results"]
    parts = []
    for linker in ("mld", "lld"):
        now, then = summary(results.get(linker, {"error": ""})), summary(old.get(linker, {"error": ""}))
        if now and then:
            parts.append(f"{linker} wall {now['wall'] / then['wall']:.2f} cpu {now['cpu'] / then['cpu']:.2f}"
                         f" RSS {now['rss'] / then['rss']:.2f}")
    if not parts:
        return ""
    return f"\nthis run / previous run ({previous.get('date', '?')}): " + "; ".join(parts)
