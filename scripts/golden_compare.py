"""Record every output of the command over the real lists, to prove a change keeps them.

    python scripts/golden_compare.py record OUT [--exe PATH] [PATH ...]
    python scripts/golden_compare.py diff OLD NEW

``record`` runs the console script (default: the ``awesome-lint`` beside this
Python) over every list in ../shared/seeds and ../shared/corpus, in several
modes, and saves for each run its stdout, stderr, exit code and, for ``--fix``,
the fixed file's bytes.  Run it once with the code before a change and once
after (e.g. from a second worktree with its own venv), then ``diff`` the two
folders: it names every file and mode whose bytes differ and counts the rest.

Every run is offline and in a temporary folder copy of the list, so nothing in
../shared is touched and no configuration file near it is picked up.
"""
from __future__ import annotations

import argparse
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"

# name -> (arguments, whether the run rewrites the file)
MODES = {
    "json": (["--output-format", "json"], False),
    "text": (["--no-color"], False),
    "sarif": (["--output-format", "sarif"], False),
    "diff": (["--diff", "--no-color"], False),
    "fix": (["--fix", "--no-color"], True),
    "fix-json": (["--fix", "--output-format", "json"], True),
    "unsafe-fix": (["--fix", "--unsafe-fixes", "--no-color"], True),
}


def default_paths() -> list[Path]:
    return sorted(SHARED.glob("seeds/*.txt")) + sorted(SHARED.glob("corpus/*.md"))


def record(exe: str, paths: list[Path], out: Path, extra_env: dict[str, str], timeout: float,
           work: Path | None = None) -> int:
    out.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, **extra_env}
    env.pop("FORCE_COLOR", None)
    with tempfile.TemporaryDirectory(prefix="golden-") as tmp:
        # a fixed folder lets a second recording replay the first one's cached results
        work = work or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        for path in paths:
            for mode, (args, writes) in MODES.items():
                stem = out / f"{path.name}.{mode}"
                if Path(f"{stem}.code").is_file():
                    continue  # recorded by an earlier, interrupted run
                target = work / "README.md"
                shutil.copyfile(path, target)
                try:
                    proc = subprocess.run([exe, "--offline", *args, "README.md"], cwd=work, env=env,
                                          capture_output=True, timeout=timeout)
                except subprocess.TimeoutExpired:
                    # nothing to compare: say so, in both recordings alike
                    Path(f"{stem}.code").write_text(f"timeout after {timeout} s\n")
                    continue
                Path(f"{stem}.stdout").write_bytes(proc.stdout)
                Path(f"{stem}.stderr").write_bytes(proc.stderr)
                Path(f"{stem}.code").write_text(f"{proc.returncode}\n")
                if writes:
                    shutil.copyfile(target, f"{stem}.written")
            print(f"{path.name}: recorded", flush=True)
    return 0


def diff(old: Path, new: Path) -> int:
    names = sorted({p.name for p in old.iterdir()} | {p.name for p in new.iterdir()})
    differing = [n for n in names if not (old / n).is_file() or not (new / n).is_file()
                 or not filecmp.cmp(old / n, new / n, shallow=False)]
    lists = {n.rsplit(".", 2)[0] for n in names}
    for name in differing:
        print(f"differs: {name}")
    for name in names:
        if name.endswith(".code") and (old / name).read_text().startswith("timeout"):
            print(f"not compared: {name[:-5]} ({(old / name).read_text().strip()} in {old})")
    if differing:
        print(f"{len(differing)} of {len(names)} outputs differ")
        return 1
    print(f"identical on {len(lists)} files ({len(names)} outputs: stdout, stderr, exit code and "
          f"written file of {len(MODES)} modes each)")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    rec = sub.add_parser("record")
    rec.add_argument("out", type=Path)
    rec.add_argument("paths", nargs="*", type=Path)
    rec.add_argument("--exe", default=str(Path(sys.executable).with_name("awesome-lint")))
    rec.add_argument("--work", type=Path, help="run in this folder (default: a new temporary one)")
    rec.add_argument("--timeout", type=float, default=300, help="seconds one run may take (default 300)")
    rec.add_argument("--env", action="append", default=[], metavar="NAME=VALUE",
                     help="extra environment for every run (e.g. AWESOME_LINT_CACHE_DIR=...)")
    dif = sub.add_parser("diff")
    dif.add_argument("old", type=Path)
    dif.add_argument("new", type=Path)
    args = parser.parse_args()
    if args.command == "diff":
        return diff(args.old, args.new)
    paths = args.paths or default_paths()
    if not paths:
        print("no lists found (../shared is absent); name files to record")
        return 0
    extra = dict(item.split("=", 1) for item in args.env)
    return record(args.exe, paths, args.out, extra, args.timeout, args.work)


if __name__ == "__main__":
    sys.exit(main())
