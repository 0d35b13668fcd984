"""workloads.py: builds the link workloads and each linker's command line.

Every workload is compiled once with the system gcc/g++; its link line is
taken from the driver (`gcc -### ...`, the collect2 argument list, no LTO
plugin except for the lto-* workloads) and replayed unchanged with each
linker binary, so all linkers see the same inputs, libraries, start files
and options.
"""
import glob
import hashlib
import os
import shlex
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
LIBDIR = "/usr/lib/x86_64-linux-gnu"
OUT_MARK = "@@OUTPUT@@"
SYN_CFLAGS = ["-O0", "-fPIC", "-ffunction-sections", "-fdata-sections"]
# gcc -flto: slim objects; the link runs gcc's plugin (lto-wrapper, lto1).
LTO_CFLAGS = ["-O2", "-flto", "-fPIC"]
# Linkers that cannot run gcc's LTO plugin (lld reads LLVM bitcode only).
NO_GCC_LTO = ("lld", "lld-t1")
FLOOR = "io-floor"
LLVM_COMPONENTS = ["object", "support", "mc", "mcdisassembler", "all-targets"]


def linkers(mld, extra=()):
    """Linker name -> argv prefix. mold runs with --no-fork: by default it
    forks and its parent exits before the child has cleaned up, so wait4
    would see neither the child's CPU time nor its memory. `extra`: more
    linkers as "NAME=PATH [ARGS...]" (run.sh --extra), e.g. another mold."""
    named = {}
    for e in extra:
        name, sep, cmd = e.partition("=")
        if not sep or not name or not cmd.strip():
            sys.exit(f"bench: --extra wants NAME=PATH [ARGS...], got {e!r}")
        named[name] = shlex.split(cmd)
    return {
        "mld": [mld],
        "ld.bfd": ["/usr/bin/ld.bfd"],
        "gold": ["/usr/bin/ld.gold"],
        "lld": ["/usr/bin/ld.lld"],
        "lld-t1": ["/usr/bin/ld.lld", "--threads=1"],
        "mold": ["/usr/bin/mold", "--no-fork"],
        **named,
    }


def run(argv, cwd=None, env=None):
    r = subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"bench: command failed ({r.returncode}): {shlex.join(argv)}\n{r.stderr[-3000:]}")
    return r


def captureLinkArgs(driver, args):
    """The arguments `driver args -o OUT_MARK` would give the linker."""
    return captureLinkLine(driver, args, False)[0]


def captureLinkLine(driver, args, lto):
    """(linker arguments, environment) of `driver args -o OUT_MARK`. With
    `lto`, the line has gcc's -plugin and its options, minus collect2's own
    -flto, and the environment is what lto-wrapper needs from the driver
    (COLLECT_GCC, COLLECT_GCC_OPTIONS; the output named OUT_MARK becomes a
    name in the work directory, used only for temporary file names)."""
    plugin = ["-flto=auto", "-O2"] if lto else ["-fno-use-linker-plugin"]
    r = run([driver, "-###", *plugin, *args, "-o", OUT_MARK])
    env = {}
    for line in r.stderr.splitlines():
        for var in ("COLLECT_GCC", "COLLECT_GCC_OPTIONS"):
            if line.startswith(var + "="):
                env[var] = line[len(var) + 1:]
        words = shlex.split(line)
        if words and os.path.basename(words[0]) == "collect2":
            words = [w for w in words[1:] if not w.startswith("-flto")]
            return words, env
    sys.exit(f"bench: no collect2 line from {driver} -### {shlex.join(args)}")


def inputFiles(args):
    """The files a link line names: inputs, start files, and -l libraries
    found in the -L directories (.so before .a unless linking statically).
    Files named inside linker scripts (libc.so) are not followed."""
    dirs, files, static, skip = [], [], False, False
    for a in args:
        if a.startswith("-L"):
            dirs.append(a[2:])
    for a in args:
        if skip:
            skip = False
        elif a in ("-dynamic-linker", "-soname", "-rpath", "-m", "-z"):
            skip = True  # the next word is this option's value
        elif a in ("-static", "-Bstatic"):
            static = True
        elif a in ("-Bdynamic", "-call_shared"):
            static = False
        elif a.startswith("-l"):
            names = [a[3:]] if a.startswith("-l:") else \
                ([f"lib{a[2:]}.a"] if static else [f"lib{a[2:]}.so", f"lib{a[2:]}.a"])
            found = [os.path.join(d, n) for n in names for d in dirs if os.path.isfile(os.path.join(d, n))]
            if found:
                files.append(found[0])
        elif not a.startswith("-") and a != OUT_MARK and os.path.isfile(a):
            files.append(a)
    return list(dict.fromkeys(files))


def linkCommands(prefixes, args, outDir, outName):
    """{linker: (argv, output path)}, each linker writing its own file, and
    "io-floor": reading every input and copying ld.bfd's output, the least
    any linker has to do (ld.bfd links before it in the warm-up)."""
    commands = {}
    for name, prefix in prefixes.items():
        out = os.path.join(outDir, name, outName)
        os.makedirs(os.path.dirname(out), exist_ok=True)
        commands[name] = (prefix + [out if a == OUT_MARK else a for a in args], out)
    if "ld.bfd" not in commands:
        return commands
    out = os.path.join(outDir, FLOOR, outName)
    os.makedirs(os.path.dirname(out), exist_ok=True)
    script = 'out=$1 src=$2; shift 2; cat "$@" >/dev/null && cp "$src" "$out"'
    commands[FLOOR] = (["/bin/sh", "-c", script, FLOOR, out, commands["ld.bfd"][1], *inputFiles(args)], out)
    return commands


def compileIfStale(driver, src, obj, flags):
    if os.path.exists(obj) and os.path.getmtime(obj) >= os.path.getmtime(src):
        return
    run([driver, *flags, "-c", src, "-o", obj])


def llvmStatic(work, debug):
    """objinfo.cpp against LLVM's static libraries; -g covers our object only
    (Debian's LLVM archives carry no debug info)."""
    llvmConfig = "llvm-config-14"
    cxxflags = shlex.split(run([llvmConfig, "--cxxflags"]).stdout)
    obj = os.path.join(work, "objinfo-g.o" if debug else "objinfo.o")
    compileIfStale("g++", os.path.join(HERE, "objinfo.cpp"), obj,
                   ["-O2", *(["-g"] if debug else []), *cxxflags])
    libs = shlex.split(run([llvmConfig, "--link-static", "--ldflags", "--libs", *LLVM_COMPONENTS]).stdout)
    system = shlex.split(run([llvmConfig, "--link-static", "--system-libs", *LLVM_COMPONENTS]).stdout)
    return captureLinkArgs("g++", [obj, *libs, *system]), {"argv": [obj]}


def cArchives(work, static):
    obj = os.path.join(work, "capp.o")
    compileIfStale("gcc", os.path.join(HERE, "capp.c"), obj, ["-O2", "-I/usr/include/lua5.4"])
    archives = [f"{LIBDIR}/{a}" for a in ("libsqlite3.a", "libz.a", "liblua5.4.a")]
    extra = ["-static"] if static else []
    return captureLinkArgs("gcc", [*extra, obj, *archives, "-lm", "-ldl", "-lpthread"]), {"argv": []}


def synthObjects(work, n, cflags=SYN_CFLAGS):
    """Generates and compiles syn0000..syn{n-1} (and main-n) once; the cache
    directory is named by a hash of the generator and the flags."""
    with open(os.path.join(HERE, "gen.py"), "rb") as f:
        key = hashlib.sha256(f.read() + " ".join(cflags).encode()).hexdigest()[:12]
    d = os.path.join(work, f"synth-{key}")
    os.makedirs(d, exist_ok=True)
    run([sys.executable, os.path.join(HERE, "gen.py"), d, str(n)])
    missing = [f"syn{i:04d}.c" for i in range(n) if not os.path.exists(os.path.join(d, f"syn{i:04d}.o"))]
    if missing:
        print(f"  compiling {len(missing)} synthetic files (cached in {d})", file=sys.stderr)
        subprocess.run(["xargs", "-P2", "-n", "50", "gcc", *cflags, "-c"],
                       input="\n".join(missing), text=True, cwd=d, check=True)
    compileIfStale("gcc", os.path.join(d, f"main-{n}.c"), os.path.join(d, f"main-{n}.o"), ["-O1", "-fPIE"])
    return d, [os.path.join(d, f"syn{i:04d}.o") for i in range(n)]


def synthetic(work, n):
    d, objs = synthObjects(work, n)
    args = captureLinkArgs("gcc", [os.path.join(d, f"main-{n}.o"), *objs, "-Wl,--gc-sections"])
    return args, {"argv": [], "objects": n + 1}


def ltoSynthetic(work, n):
    """The synthetic objects compiled with gcc -flto, linked through gcc's
    plugin: what each linker adds around the plugin's own compilation."""
    d, objs = synthObjects(work, n, LTO_CFLAGS)
    args, env = captureLinkLine("gcc", [os.path.join(d, f"main-{n}.o"), *objs], True)
    env["COLLECT_GCC_OPTIONS"] = env.get("COLLECT_GCC_OPTIONS", "").replace(
        OUT_MARK, os.path.join(work, "lto-a.out"))
    return args, {"argv": [], "objects": n + 1, "env": env}


def shared(work, n):
    d, objs = synthObjects(work, n)
    args = captureLinkArgs("gcc", ["-shared", *objs, "-Wl,-soname,libsyn.so"])
    return args, {"argv": [], "objects": n, "mainObj": os.path.join(d, f"main-{n}.o")}


def sharedChecker(work, info, bfdLib):
    """A program linked by ld.bfd against ld.bfd's libsyn.so; run with
    LD_LIBRARY_PATH set to another linker's directory, it checks that
    linker's libsyn.so."""
    prog = os.path.join(work, f"shared-main-{info['objects']}")
    run(["gcc", "-o", prog, info["mainObj"], bfdLib])
    return prog


def workloadList(quick):
    """(name, builder, parameter) in the order they are measured."""
    sizes = [100, 500] if quick else [100, 500, 1000, 2000, 5000]
    items = [("llvm-static", llvmStatic, False), ("llvm-static-g", llvmStatic, True),
             ("c-archives-pie", cArchives, False), ("c-archives-static", cArchives, True)]
    items += [(f"synthetic-{n}", synthetic, n) for n in sizes]
    items.append((f"shared-{500 if quick else 2000}", shared, 500 if quick else 2000))
    items.append((f"lto-synthetic-{30 if quick else 100}", ltoSynthetic, 30 if quick else 100))
    return items


def outputName(workload):
    return "libsyn.so" if workload.startswith("shared") else "a.out"


def cleanOutputs(outDir):
    for f in glob.glob(os.path.join(outDir, "*", "*")):
        os.unlink(f)
