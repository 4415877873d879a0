"""Speed and memory of awesome-lint against a bare markdown-it-py parse.

    python bench/bench.py [--repeat N] [--sizes 1,10,50] [--compare NODE_MODULES]

With --compare, sindresorhus/awesome-lint and markdownlint-cli2 from that
node_modules folder (``npm install awesome-lint markdownlint-cli2``) are timed
on the same files, side by side.

Every figure is the best of N runs of a fresh process, so interpreter start-up
counts on both sides.  The baseline, measured in the same run, is a process
that imports markdown-it-py and parses the same file, nothing else.  Peak
memory is the child's own high-water RSS (VmHWM), read by the child as it exits
(ru_maxrss of a spawned child may report the parent's size instead).
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
# Every child reports its own peak resident memory through this hook.
PEAK = (
    "import atexit, os\n"
    "def _peak():\n"
    "    for line in open('/proc/self/status'):\n"
    "        if line.startswith('VmHWM:'):\n"
    "            open(os.environ['BENCH_PEAK_FILE'], 'w').write(line.split()[1])\n"
    "atexit.register(_peak)\n"
)
BARE = PEAK + (
    "import sys\nfrom markdown_it import MarkdownIt\n"
    "MarkdownIt('commonmark').enable(['table', 'strikethrough']).parse(open(sys.argv[1], encoding='utf-8').read())\n"
)
CLI = [sys.executable, "-c", PEAK + "import sys\nfrom awesome_lint.app.cli import main\nsys.exit(main(sys.argv[1:]))\n"]


def measure(argv: list[str], repeat: int, setup=None) -> tuple[float, float, int]:
    """Best wall seconds, its CPU seconds, and the largest peak RSS in KiB."""
    best, best_cpu, peak = float("inf"), 0.0, 0
    with tempfile.NamedTemporaryFile(prefix="bench-peak-") as peak_file:
        env = {**os.environ, "BENCH_PEAK_FILE": peak_file.name}
        for _ in range(repeat):
            if setup:
                setup()
            start = time.perf_counter()
            proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
            _, status, usage = os.wait4(proc.pid, 0)
            wall = time.perf_counter() - start
            code = os.waitstatus_to_exitcode(status)
            if code not in (0, 1):
                raise SystemExit(f"{' '.join(argv)} exited {code}")
            if wall < best:
                best, best_cpu = wall, usage.ru_utime + usage.ru_stime
            text = Path(peak_file.name).read_text().strip()
            peak = max(peak, int(text) if text else 0)
    return best, best_cpu, peak


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
    fixed = f"{fix[0] * 1000:8.0f} {fix[0] / lw:6.2f}x" if fix else f"{'-':>8} {'-':>7}"
    return (f"{label:<34} {size / 1024:7.0f} {bw * 1000:8.0f} {lw * 1000:8.0f} {lw / bw:6.2f}x "
            f"{lc * 1000:8.0f} {fixed} {lm / 1024:7.1f} {bm / 1024:7.1f}")


def compare(node_modules: Path, inputs, results, work: Path, repeat: int) -> None:
    """Time the JS tools on the same inputs.  awesome-lint (JS) lints a
    README.md inside a git repository, so each input is copied into one."""
    tools = {name: node_modules / ".bin" / name for name in ("awesome-lint", "markdownlint-cli2")}
    print(f"{'input':<34} {'ours ms':>8} " + " ".join(f"{name + ' ms':>22}" for name in tools))
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
            cells.append(f"{best * 1000:22.0f}")
        print(f"{label:<34} {results[label][1][0] * 1000:8.0f} " + " ".join(cells), flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--sizes", default="1,10,50")
    parser.add_argument("--compare", type=Path, metavar="NODE_MODULES",
                        help="also time awesome-lint (JS) and markdownlint-cli2 installed there")
    args = parser.parse_args()
    if not SEED.is_file():
        print(f"skipped: {SEED} not found (the benchmark needs ../shared)")
        return 0
    work = Path(tempfile.mkdtemp(prefix="awesome-lint-bench-"))
    try:
        inputs = [("seed 000", SEED)]
        corpus = sorted((SHARED / "corpus").glob("*.md"), key=lambda p: p.stat().st_size)
        if corpus:
            inputs.append((f"largest corpus ({corpus[-1].name[:18]})", corpus[-1]))
        seed_text = SEED.read_text(encoding="utf-8")
        for times in [int(s) for s in args.sizes.split(",") if s]:
            inputs.append((f"synthetic {times}x seed", synthetic(seed_text, times, work)))

        version = measure([*CLI, "--version"], args.repeat)
        python = measure([sys.executable, "-c", "pass"], args.repeat)
        print(f"python start-up {python[0] * 1000:.0f} ms; awesome-lint --version {version[0] * 1000:.0f} ms")
        print(f"{'input':<34} {'KiB':>7} {'bare ms':>8} {'lint ms':>8} {'ratio':>7} "
              f"{'cpu ms':>8} {'fix ms':>8} {'fix/lint':>7} {'lint MiB':>7} {'bare MiB':>7}")
        results = {}
        for label, path in inputs:
            bare = measure([sys.executable, "-c", BARE, str(path)], args.repeat)
            lint = measure([*CLI, "--offline", str(path)], args.repeat)
            copy = work / ("fix-" + path.name)
            fix = measure([*CLI, "--offline", "--fix", str(copy)], args.repeat,
                          setup=lambda p=path, c=copy: shutil.copyfile(p, c))
            results[label] = (path.stat().st_size, lint, bare)
            print(row(label, path.stat().st_size, lint, fix, bare), flush=True)
        if args.compare:
            compare(args.compare, inputs, results, work, args.repeat)
        sizes = [k for k in results if k.startswith("synthetic")]
        if len(sizes) >= 2:
            one = results[sizes[0]]
            for key in sizes[1:]:
                n = results[key][0] / one[0]
                print(f"scaling: {key}: {n:.1f}x input -> {results[key][1][0] / one[1][0]:.2f}x lint time")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
