"""Findings by rule for every real list in ../shared, before and after --fix.

    python scripts/sweep_table.py [PATH ...] [--after]

Prints a markdown table (one row a file, one column a rule) so that a change
in noise shows up in review.  With --after, the counts are those left after
--fix.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from awesome_lint.engine.config import Config  # noqa: E402
from awesome_lint.engine.pipeline import build_settings, check, fix  # noqa: E402
from awesome_lint.rule import Context  # noqa: E402
from awesome_lint.app.source import read_path  # noqa: E402


def default_paths() -> list[Path]:
    shared = REPO.parent / "shared"
    return sorted(shared.glob("seeds/*.txt")) + sorted(shared.glob("corpus/*.md"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--after", action="store_true", help="count what is left after --fix")
    args = parser.parse_args()
    paths = args.paths or default_paths()
    if not paths:
        print("no lists found (../shared is absent); name files to sweep")
        return 0
    settings = build_settings(Config(), links=False)
    rows = {}
    for path in paths:
        text = read_path(str(path)).text
        ctx = Context(path=str(path))
        if args.after:
            outcome = fix(text, settings, ctx)
            doc, found = outcome.doc, outcome.diagnostics
        else:
            doc, found = check(text, settings, ctx)
        rows[path.name] = (doc.family, len(doc.entries), Counter(d.rule for d in found))
    rules = sorted({rule for _, _, counts in rows.values() for rule in counts})
    print("| list | family | entries | " + " | ".join(rules) + " | total |")
    print("| --- | --- | ---: | " + " | ".join("---:" for _ in rules) + " | ---: |")
    for name, (family, entries, counts) in rows.items():
        cells = " | ".join(str(counts.get(rule, 0)) for rule in rules)
        print(f"| {name[:45]} | {family} | {entries} | {cells} | {sum(counts.values())} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
