#!/usr/bin/env python3
"""bench.py: the benchmark driver behind tests/bench/run.sh.

Builds each workload (workloads.py), links it with every linker round-robin
(measure.py), checks that each output runs and prints what ld.bfd's output
prints, prints one table per workload (report.py) and the loader benchmark
(loaderbench.py), and writes every raw sample to results.json.
"""
import argparse
import json
import os
import platform
import shlex
import subprocess
import sys
import time

import loaderbench
import measure
import report
import workloads


def runOutput(argv, env=None):
    try:
        r = subprocess.run(argv, capture_output=True, env=env, timeout=120)
    except (OSError, subprocess.TimeoutExpired) as e:
        return f"cannot run: {e}"
    return r.stdout.decode(errors="replace") + f"\nexit={r.returncode}"


def checkOutputs(name, info, commands, work):
    """Runs each linker's output; 'ok' when it prints what ld.bfd's prints."""
    results = {}
    commands = {k: v for k, v in commands.items() if k != workloads.FLOOR}
    outs = {k: v[1] for k, v in commands.items() if os.path.exists(v[1])}
    if "ld.bfd" not in outs:
        return {k: "no ld.bfd output" for k in commands}
    if name.startswith("shared"):
        prog = workloads.sharedChecker(work, info, outs["ld.bfd"])
        got = {k: runOutput([prog], dict(os.environ, LD_LIBRARY_PATH=os.path.dirname(p)))
               for k, p in outs.items()}
    else:
        got = {k: runOutput([p, *info["argv"]]) for k, p in outs.items()}
    want = got["ld.bfd"]
    if not want.endswith("exit=0"):
        print(f"  {name}: ld.bfd's output failed: {want[-300:]}", file=sys.stderr)
    for k in commands:
        if k not in got:
            results[k] = "no output"
        elif got[k] == want:
            results[k] = "ok"
        else:
            results[k] = "DIFFERS"
            with open(os.path.join(work, "logs", f"{name}.{k}.run"), "w") as f:
                f.write(got[k])
    return results


def mldStats(commands):
    """One more, untimed, mld link with --stats: its per-pass times and
    counts, for the record (empty if this mld has no --stats)."""
    if "mld" not in commands:
        return ""
    argv, _ = commands["mld"]
    r = subprocess.run(argv + ["--stats"], capture_output=True, text=True)
    return (r.stderr + r.stdout).strip() if r.returncode == 0 else ""


def runWorkload(name, build, param, prefixes, runs, work, previous, runstat):
    """Builds, links (measured), checks and reports one workload; returns
    its JSON record."""
    print(f"bench: building {name}", file=sys.stderr)
    args, info = build(work, param)
    if name.startswith("lto"):
        prefixes = {k: v for k, v in prefixes.items() if k not in workloads.NO_GCC_LTO}
    outDir = os.path.join(work, "out", name)
    commands = workloads.linkCommands(prefixes, args, outDir, workloads.outputName(name))
    logs = os.path.join(work, "logs")
    for k, (argv, _) in commands.items():  # each link, to rerun it by hand
        with open(os.path.join(logs, f"{name}.{k}.sh"), "w") as f:
            f.write(shlex.join(argv) + "\n")
    print(f"bench: linking {name} ({runs} runs, 3x for short links; {len(commands)} commands)",
          file=sys.stderr)
    saved = dict(os.environ)
    os.environ.update(info.get("env", {}))  # lto-wrapper's, from the driver
    results = measure.measureLinks(runstat, commands, runs, logs, name)
    stats = mldStats(commands)
    os.environ.clear()
    os.environ.update(saved)
    checks = checkOutputs(name, info, commands, work)
    for k in commands:
        if "error" in results[k] or checks.get(k, "ok") != "ok" and k != workloads.FLOOR:
            print(f"bench: {name}: {k}: {results[k].get('error') or checks.get(k)}; command in "
                  f"{os.path.join(logs, name + '.' + k + '.sh')}", file=sys.stderr)
    sizes = {k: os.path.getsize(v[1]) for k, v in commands.items() if os.path.exists(v[1])}
    objects = info.get("objects") if name.startswith("synthetic") else None
    table = report.workloadTable(name, results, checks, sizes, runs, objects) + report.passTimes(stats) \
        + report.versusPrevious(name, results, previous)
    print(table + "\n", flush=True)
    workloads.cleanOutputs(outDir)
    return {"results": results, "checks": checks, "sizes": sizes, "linkerArgs": args,
            "mldStats": stats, "objects": info.get("objects")}


def loadPrevious(path):
    """The last run's results.json (kept as results.prev.json), if any."""
    try:
        with open(path) as f:
            previous = json.load(f)
    except (OSError, ValueError):
        return None
    os.replace(path, path.replace(".json", ".prev.json"))
    return previous


def main():
    ap = argparse.ArgumentParser(description="mld link and loader benchmark")
    ap.add_argument("--quick", action="store_true", help="3 runs, smaller sizes")
    ap.add_argument("--only", help="workload name or prefix (e.g. synthetic, llvm-static, loader)")
    ap.add_argument("--runs", type=int)
    ap.add_argument("--linkers", help="comma-separated subset of: " + ",".join(workloads.linkers("mld")))
    ap.add_argument("--extra", action="append", default=[], metavar="NAME=PATH",
                    help="one more linker, e.g. mold2=/path/to/mold (with arguments: "
                         "'mold2=/path/to/mold --no-fork'); repeatable")
    ap.add_argument("--build", required=True, help="mld's build directory")
    ap.add_argument("--work", default="/dev/shm/mld-bench")
    a = ap.parse_args()
    a.build = os.path.abspath(a.build)  # the loader workloads compile from other directories
    runs = a.runs or (3 if a.quick else 5)
    work = a.work
    os.makedirs(os.path.join(work, "logs"), exist_ok=True)
    prefixes = workloads.linkers(os.path.join(a.build, "linker", "mld"), a.extra)
    if a.linkers:
        keep = a.linkers.split(",")
        unknown = [k for k in keep if k not in prefixes]
        if unknown:
            sys.exit(f"bench: unknown linker: {','.join(unknown)}")
        # --extra linkers were asked for by name: --linkers never drops them.
        extras = {e.split("=", 1)[0] for e in a.extra}
        prefixes = {k: v for k, v in prefixes.items() if k in keep or k in extras}
    selected = lambda name: not a.only or name.startswith(a.only)

    data = {"date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "runs": runs,
            "quick": a.quick, "host": platform.node(), "cpus": os.cpu_count(),
            "linkers": {k: " ".join(v) for k, v in prefixes.items()}, "workloads": {}}
    perObject = {}
    runstat = measure.buildRunstat(work)
    previous = loadPrevious(os.path.join(work, "results.json"))
    for name, build, param in workloads.workloadList(a.quick):
        if not selected(name):
            continue
        data["workloads"][name] = runWorkload(name, build, param, prefixes, runs, work, previous, runstat)
        entry = data["workloads"][name]
        if name.startswith("synthetic"):
            perObject[entry["objects"] - 1] = {
                k: (measure.summary(v) or {}).get("wall", 0) / entry["objects"]
                for k, v in entry["results"].items()}
    scaling = report.scalingTable(perObject)
    if scaling:
        print(scaling + "\n", flush=True)
    if selected("loader"):
        print("bench: loader benchmark", file=sys.stderr)
        data["loader"], table = loaderbench.run(a.build, work, a.quick)
        print(table + "\n", flush=True)
    with open(os.path.join(work, "results.json"), "w") as f:
        json.dump(data, f, indent=1)
    print(f"bench: raw numbers in {os.path.join(work, 'results.json')}", file=sys.stderr)


if __name__ == "__main__":
    main()
