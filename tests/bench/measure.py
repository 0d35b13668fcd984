"""measure.py: runs one linker command and reads its cost from the kernel.

Each link is started by runstat.c (posix_spawn, then wait4, whose rusage
gives the child's own user+sys time and peak RSS, ru_maxrss in KiB; wall
time around the two) from a small process, so Python's RSS is no floor.
Links of one workload are interleaved round-robin over the linkers, so
drift in machine load hits all linkers alike.
"""
import os
import statistics
import subprocess
import sys


SHORT_LINK, SHORT_FACTOR = 0.25, 3  # seconds; run multiplier below it


def buildRunstat(work):
    """Compiles runstat.c (see its header) into work; returns its path."""
    exe = os.path.join(work, "runstat")
    src = os.path.join(os.path.dirname(os.path.abspath(__file__)), "runstat.c")
    subprocess.run(["gcc", "-O2", "-o", exe, src], check=True)
    return exe


def runOnce(runstat, argv, stderrPath):
    """Runs argv under runstat; returns (wall s, cpu s, peak RSS KiB, exit code)."""
    resultPath = stderrPath + ".rusage"
    with open(stderrPath, "wb") as err, open(os.devnull, "wb") as null:
        actions = [(os.POSIX_SPAWN_DUP2, null.fileno(), 1),
                   (os.POSIX_SPAWN_DUP2, err.fileno(), 2)]
        pid = os.posix_spawn(runstat, [runstat, resultPath, *argv], os.environ, file_actions=actions)
        _, status = os.waitpid(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        return 0.0, 0.0, 0, 127
    with open(resultPath) as f:
        wall, cpu, rss, code = f.read().split()
    return float(wall), float(cpu), int(rss), int(code)


def measureLinks(runstat, commands, runs, logDir, label):
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
        wall, cpu, rss, code = runOnce(runstat, argv, errPath)
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
