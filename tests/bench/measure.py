"""measure.py: runs one linker command and reads its cost from the kernel.

Each link is started with posix_spawn and reaped with os.wait4, whose
rusage gives the child's own user+sys time and peak RSS (ru_maxrss, KiB);
wall time is taken around spawn and reap. Links of one workload are
interleaved round-robin over the linkers so drift in machine load hits all
linkers alike.
"""
import os
import statistics
import sys
import time


SHORT_LINK, SHORT_FACTOR = 0.25, 3  # seconds; run multiplier below it


def runOnce(argv, stderrPath, env=None):
    """Runs argv to completion; returns (wall s, cpu s, peak RSS KiB, status)."""
    with open(stderrPath, "wb") as err, open(os.devnull, "wb") as null:
        actions = [(os.POSIX_SPAWN_DUP2, null.fileno(), 1),
                   (os.POSIX_SPAWN_DUP2, err.fileno(), 2)]
        start = time.perf_counter()
        pid = os.posix_spawn(argv[0], argv, env if env is not None else os.environ,
                             file_actions=actions)
        _, status, usage = os.wait4(pid, 0)
        wall = time.perf_counter() - start
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, os.waitstatus_to_exitcode(status)


def measureLinks(commands, runs, logDir, label):
    """commands: {linker: (argv, output path)}. One warm-up each, then `runs`
    rounds, each round linking with every linker once, in rotating order.
    Returns {linker: {"wall": [...], "cpu": [...], "rss": [...]}} or
    {"error": text} for a linker whose link failed."""
    names = list(commands)
    results = {n: {"wall": [], "cpu": [], "rss": []} for n in names}
    failed = {}

    def link(name):
        argv, out = commands[name]
        if os.path.exists(out):
            os.unlink(out)
        errPath = os.path.join(logDir, f"{label}.{name}.stderr")
        wall, cpu, rss, code = runOnce(argv, errPath)
        if code != 0:
            with open(errPath, errors="replace") as f:
                text = f.read().strip().splitlines()
            failed[name] = f"exit {code}: " + " | ".join(text[:5])
            return None
        return wall, cpu, rss

    warm = [link(name) for name in names]  # warm-up: page cache; catches failing links once
    live = [n for n in names if n not in failed]
    if all(w is None or w[0] < SHORT_LINK for w in warm):
        runs *= SHORT_FACTOR  # short links are noisier: take more samples
    for r in range(runs):
        order = live[r % len(live):] + live[:r % len(live)] if live else []
        for name in order:
            got = link(name)
            if got is None:
                continue
            results[name]["wall"].append(got[0])
            results[name]["cpu"].append(got[1])
            results[name]["rss"].append(got[2])
        print(f"  {label}: round {r + 1}/{runs} done", file=sys.stderr)
    for name, text in failed.items():
        results[name] = {"error": text}
    return results


def summary(samples):
    """Median wall, median CPU, max peak RSS (MiB) of one linker's samples."""
    if "error" in samples or not samples["wall"]:
        return None
    return {"wall": statistics.median(samples["wall"]),
            "cpu": statistics.median(samples["cpu"]),
            "rss": max(samples["rss"]) / 1024.0}
