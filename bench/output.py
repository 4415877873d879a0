"""What the report formats and --add-suppressions cost next to the lint itself.

    python bench/output.py [--repeat N] [LIST ...]

For each list (default: the three corpus lists with the most findings), in one
process: the lint (check), then rendering its findings as concise, full and
full --show-fixes, and --add-suppressions (placement, structure check and
the lint after it).  Each figure is the best of N runs and is printed with
its ratio to the lint of the same list measured in the same run.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from awesome_lint.app import output, report, suppressions  # noqa: E402
from awesome_lint.engine.config import Config  # noqa: E402
from awesome_lint.engine.pipeline import build_settings, check  # noqa: E402
from awesome_lint.rule import Context  # noqa: E402

DEFAULT = ["hee9joon__Awesome-Diffusion-Models.md", "fffaraz__awesome-cpp.md", "jaywcjlove__awesome-mac.md"]


def best(repeat: int, work) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("lists", nargs="*")
    args = parser.parse_args()
    corpus = ROOT.parent / "shared" / "corpus"
    paths = [Path(p) for p in args.lists] or [corpus / name for name in DEFAULT]
    if not all(p.is_file() for p in paths):
        print("the corpus lists are not there (../shared/corpus); name lists to measure", file=sys.stderr)
        return 2
    settings = build_settings(Config())
    print(f"{'list':<40} {'findings':>8} {'lint s':>8} {'concise':>9} {'full':>9} {'fixes':>9} {'suppress':>9}")
    for path in paths:
        text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
        doc, diags = check(text, settings, Context())
        findings = [output.place(path.name, doc, d) for d in diags]
        texts = {path.name: text}
        lint = best(args.repeat, lambda: check(text, settings, Context()))

        def render(fmt, show=False):
            return lambda: report.render(findings, texts, report.Options(format=fmt, show_fixes=show))

        def suppress():
            new, _ = suppressions.add(text, doc, diags)
            check(new, settings, Context())

        cells = [best(args.repeat, work) for work in (render("concise"), render("full"), render("full", True),
                                                       suppress)]
        ratios = " ".join(f"{t / lint:>8.2f}x" for t in cells)
        print(f"{path.name[:40]:<40} {len(findings):>8} {lint:>8.3f} {ratios}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
