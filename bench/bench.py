"""Speed and memory of awesome-lint against a bare markdown-it-py parse, an
earlier build and the JS tools.

    python bench/bench.py [--repeat N] [--sizes 1,20] [--venv] [--before PYTHON] [--compare NODE_MODULES]

Every figure is the best of N runs of a fresh process, so interpreter start-up
counts on both sides.  The baseline, measured in the same run, is a process
that imports markdown-it-py and parses the same file, nothing else.  Peak
memory is the child's own high-water RSS (VmHWM), read by the child as it exits
(ru_maxrss of a spawned child may report the parent's size instead).

--venv installs this checkout the way a user gets it (``pip install``, not
editable) into a fresh venv and measures that: an editable install's import
hook, and whatever ``.pth`` files the interpreter's own site-packages holds,
cost start-up time no user pays (on this machine ~50 ms of a ~90 ms start).
Children run with ``-P``, so the checkout's folder never shadows the install.

--before names the Python of another checkout (its own venv with that
checkout installed, e.g. main at f662249): seed 000 is linted by both,
alternately, and their CPU times compared.  With --compare,
sindresorhus/awesome-lint and markdownlint-cli2 from that node_modules folder
(``npm install awesome-lint markdownlint-cli2``) are timed on the same files.
The closing table checks the targets of issue 10.

Children run without PYTHONDONTWRITEBYTECODE, after one warm-up run, so they
start from compiled bytecode as an installed command does.  Our lints run with
``--no-cache``, except the one row that measures the result cache.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED = SHARED / "seeds" / "000_81a941aaf0f0a0f6.txt"
# Every child reports its own peak resident memory through this hook, also
# when it leaves through os._exit (the console script does).
PEAK = (
    "import atexit, os\n"
    "def _peak():\n"
    "    for line in open('/proc/self/status'):\n"
    "        if line.startswith('VmHWM:'):\n"
    "            open(os.environ['BENCH_PEAK_FILE'], 'w').write(line.split()[1])\n"
    "atexit.register(_peak)\n"
    "_exit = os._exit\n"
    "os._exit = lambda code: (_peak(), _exit(code))\n"
)
BARE = PEAK + (
    "import sys\nfrom markdown_it import MarkdownIt\n"
    "MarkdownIt('commonmark').enable(['table', 'strikethrough']).parse(open(sys.argv[1], encoding='utf-8').read())\n"
)
# the console script's own entry point, as `awesome-lint` runs it
CONSOLE = PEAK + "from awesome_lint.app.cli import console\nconsole()\n"
# an earlier build, whose command was main(), in the package or in app/
BEFORE = PEAK + (
    "import sys\ntry:\n    from awesome_lint.app.cli import main\n"
    "except ImportError:  # a build from before the layers\n    from awesome_lint.cli import main\n"
    "sys.exit(main(sys.argv[1:]))\n"
)
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _once(argv: list[str], env: dict, setup=None) -> tuple[float, float]:
    if setup:
        setup()
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(argv)} exited {code}")
    return wall, usage.ru_utime + usage.ru_stime


def measure(argv: list[str], repeat: int, setup=None, env=None) -> tuple[float, float, int]:
    """Best wall seconds, best CPU seconds, and the largest peak RSS in KiB."""
    best, best_cpu, peak = float("inf"), float("inf"), 0
    with tempfile.NamedTemporaryFile(prefix="bench-peak-") as peak_file:
        full = {**ENV, **(env or {}), "BENCH_PEAK_FILE": peak_file.name}
        for _ in range(repeat):
            wall, cpu = _once(argv, full, setup)
            best, best_cpu = min(best, wall), min(best_cpu, cpu)
            text = Path(peak_file.name).read_text().strip()
            peak = max(peak, int(text) if text else 0)
    return best, best_cpu, peak


def paired(first: list[str], second: list[str], repeat: int) -> tuple[tuple[float, float], tuple[float, float]]:
    """Best (wall, CPU) of each, run alternately so that load hits both alike."""
    results = [[float("inf"), float("inf")], [float("inf"), float("inf")]]
    with tempfile.NamedTemporaryFile(prefix="bench-peak-") as peak_file:
        env = {**ENV, "BENCH_PEAK_FILE": peak_file.name}
        for _ in range(repeat):
            for index, argv in enumerate((first, second)):
                wall, cpu = _once(argv, env)
                results[index] = [min(results[index][0], wall), min(results[index][1], cpu)]
    return tuple(results[0]), tuple(results[1])


def synthetic(seed_text: str, times: int, folder: Path) -> Path:
    """The seed's body repeated: same shape, ``times`` the entries.  Each copy's
    titles are marked with its number, so no paragraph repeats another (a
    repeated paragraph would be parsed once and flatter the figures)."""
    head, sep, body = seed_text.partition("\n## Survey Papers")
    copies = [(sep + body).replace("\n**", f"\n**{k} ") if k else sep + body for k in range(times)]
    path = folder / f"synthetic-{times}x.md"
    path.write_text(head + "".join(copies), encoding="utf-8")
    return path


def row(label, size, lint, fix, bare) -> str:
    lw, lc, lm = lint
    bw, _, bm = bare
    fixed = f"{fix[0] * 1000:8.0f} {fix[1] * 1000:8.0f} {fix[1] / lc:6.2f}x" if fix else f"{'-':>8} {'-':>8} {'-':>7}"
    return (f"{label:<34} {size / 1024:7.0f} {bw * 1000:8.0f} {lw * 1000:8.0f} {lw / bw:6.2f}x "
            f"{lc * 1000:8.0f} {fixed} {lm / 1024:7.1f} {bm / 1024:7.1f}")


def compare(node_modules: Path, inputs, results, work: Path, repeat: int) -> dict:
    """Time the JS tools on the same inputs.  awesome-lint (JS) lints a
    README.md inside a git repository, so each input is copied into one."""
    tools = {name: node_modules / ".bin" / name for name in ("awesome-lint", "markdownlint-cli2")}
    print(f"{'input':<34} {'ours ms':>8} " + " ".join(f"{name + ' ms':>22}" for name in tools))
    js = {}
    for label, path in inputs:
        repo = work / ("js-" + path.stem)
        repo.mkdir(exist_ok=True)
        shutil.copyfile(path, repo / "README.md")
        subprocess.run(["git", "init", "-q"], cwd=repo, check=False)
        cells = []
        for name, exe in tools.items():
            if not exe.exists():
                cells.append(f"{'not installed':>22}")
                continue
            best = float("inf")
            for _ in range(repeat):
                start = time.perf_counter()
                subprocess.run([str(exe), "README.md"], cwd=repo, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, timeout=600)
                best = min(best, time.perf_counter() - start)
            js[(label, name)] = best
            cells.append(f"{best * 1000:22.0f}")
        print(f"{label:<34} {results[label][1][0] * 1000:8.0f} " + " ".join(cells), flush=True)
    return js


def fresh_venv(work: Path) -> str:
    """The Python of a new venv with this checkout installed as a user installs it."""
    folder = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True)
    python = str(folder / "bin" / "python")
    subprocess.run([python, "-m", "pip", "install", "-q", "--disable-pip-version-check", str(REPO)],
                   check=True, stdout=subprocess.DEVNULL)
    return python


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--sizes", default="1,20")
    parser.add_argument("--venv", action="store_true",
                        help="measure a regular install in a fresh venv, not the Python running this script")
    parser.add_argument("--before", metavar="PYTHON",
                        help="the Python of an earlier checkout's venv, to compare seed 000's lint with")
    parser.add_argument("--compare", type=Path, metavar="NODE_MODULES",
                        help="also time awesome-lint (JS) and markdownlint-cli2 installed there")
    args = parser.parse_args()
    if not SEED.is_file():
        print(f"skipped: {SEED} not found (the benchmark needs ../shared)")
        return 0
    work = Path(tempfile.mkdtemp(prefix="awesome-lint-bench-"))
    try:
        python_exe = fresh_venv(work) if args.venv else sys.executable
        cli = [python_exe, "-P", "-c", CONSOLE]
        inputs = [("seed 000", SEED)]
        corpus = sorted((SHARED / "corpus").glob("*.md"), key=lambda p: p.stat().st_size)
        if corpus:
            inputs.append((f"largest corpus ({corpus[-1].name[:18]})", corpus[-1]))
        seed_text = SEED.read_text(encoding="utf-8")
        sizes = [int(s) for s in args.sizes.split(",") if s]
        for times in sizes:
            inputs.append((f"synthetic {times}x seed", synthetic(seed_text, times, work)))

        for argv in ([*cli, "--version"], [*cli, "--offline", "--no-cache", str(SEED)]):
            _once(argv, ENV)  # compile bytecode once
        if args.before:
            _once([args.before, "-P", "-c", BEFORE, "--offline", str(SEED)], ENV)
        version = measure([*cli, "--version"], args.repeat)
        python = measure([python_exe, "-P", "-c", "pass"], args.repeat)
        editable = subprocess.run([python_exe, "-P", "-c", "import awesome_lint, sys; print(awesome_lint.__file__)"],
                                  capture_output=True, text=True).stdout.strip()
        print(f"measuring {python_exe}, awesome_lint from {editable}")
        print(f"python start-up {python[0] * 1000:.0f} ms; awesome-lint --version {version[0] * 1000:.0f} ms")
        print(f"{'input':<34} {'KiB':>7} {'bare ms':>8} {'lint ms':>8} {'ratio':>7} "
              f"{'cpu ms':>8} {'fix ms':>8} {'fix cpu':>8} {'fix/lint':>7} {'lint MiB':>7} {'bare MiB':>7}")
        results = {}
        for label, path in inputs:
            bare = measure([python_exe, "-P", "-c", BARE, str(path)], args.repeat)
            lint = measure([*cli, "--offline", "--no-cache", str(path)], args.repeat)
            copy = work / ("fix-" + path.name)
            fix = measure([*cli, "--offline", "--no-cache", "--fix", str(copy)], args.repeat,
                          setup=lambda p=path, c=copy: shutil.copyfile(p, c))
            results[label] = (path.stat().st_size, lint, bare, fix)
            print(row(label, path.stat().st_size, lint, fix, bare), flush=True)

        cache_env = {"AWESOME_LINT_CACHE_DIR": str(work / "cache")}
        _once([*cli, "--offline", str(SEED)], {**ENV, **cache_env})  # fills the cache
        cached = measure([*cli, "--offline", str(SEED)], args.repeat, env=cache_env)
        print(f"seed 000 cached re-run: {cached[0] * 1000:.0f} ms wall, {cached[1] * 1000:.0f} ms CPU "
              f"(python start-up {python[0] * 1000:.0f} ms)")

        before = None
        if args.before:
            before, after = paired([args.before, "-P", "-c", BEFORE, "--offline", str(SEED)],
                                   [*cli, "--offline", "--no-cache", str(SEED)], args.repeat)
            print(f"seed 000 lint, run alternately: before {before[1] * 1000:.0f} ms CPU "
                  f"({before[0] * 1000:.0f} ms wall), now {after[1] * 1000:.0f} ms CPU ({after[0] * 1000:.0f} ms wall): "
                  f"{after[1] / before[1]:.2f}x")
        js = compare(args.compare, inputs, results, work, args.repeat) if args.compare else {}

        synth = [k for k in results if k.startswith("synthetic")]
        for key in synth[1:]:
            n = results[key][0] / results[synth[0]][0]
            print(f"scaling: {key}: {n:.1f}x input -> {results[key][1][0] / results[synth[0]][1][0]:.2f}x lint time, "
                  f"{results[key][3][0] / results[synth[0]][3][0]:.2f}x fix time")

        print("\ntargets (issue 10)")
        seed = results["seed 000"]
        checks = []
        if before:
            checks.append(("seed 000 lint CPU vs before", after[1] / before[1], 0.8))
        if ("seed 000", "awesome-lint") in js:
            checks.append(("seed 000 lint wall vs awesome-lint (JS)", seed[1][0] / js[("seed 000", "awesome-lint")], 1 / 8))
        checks.append(("seed 000 cached re-run wall (s)", cached[0], 0.060))
        checks.append(("seed 000 --fix / lint (wall)", seed[3][0] / seed[1][0], 1.3))
        checks.append(("seed 000 --fix / lint (CPU)", seed[3][1] / seed[1][1], 1.3))
        if len(synth) >= 2:
            times = results[synth[-1]][0] / results[synth[0]][0]
            checks.append((f"{synth[-1]} --fix / 1x (wall), {times:.0f}x input", results[synth[-1]][3][0] / results[synth[0]][3][0], times + 1))
        for name, value, limit in checks:
            print(f"  {name:<48} {value:8.3f}  target <= {limit:.3f}  {'ok' if value <= limit else 'MISSED'}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
