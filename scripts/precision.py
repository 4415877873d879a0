#!/usr/bin/env python3
"""Precision of each rule on the review set: the real lists in ../shared and the
findings a person judged by reading them (tests/review/*.review).

    python scripts/precision.py            # per-rule table, then unreviewed findings
    python scripts/precision.py --list X   # every finding of one list, with its verdict

A review file holds ``repository:``, ``commit:`` and ``file:`` lines, then one line
per finding: ``RULE LINE:COL VERDICT why``.  VERDICT is TP (a real departure or
defect), FP (the list's maintainer would dismiss it), FIXED (an FP the tool
no longer makes; it must not come back) or MISSED (a real one the tool knowingly
does not report, with the reason: a recall gap kept in view)."""
from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
REVIEWS = ROOT / "tests" / "review"
sys.path.insert(0, str(ROOT))

VERDICTS = ("TP", "FP", "FIXED", "MISSED")


@dataclass
class Verdict:
    rule: str
    line: int
    col: int
    verdict: str
    why: str


@dataclass
class Review:
    path: Path
    repository: str
    commit: str
    file: str
    verdicts: list[Verdict]

    @property
    def list_path(self) -> Path:
        folder = "seeds" if self.file[:3].isdigit() else "corpus"
        return SHARED / folder / self.file


def parse_review(path: Path) -> Review:
    head, verdicts = {}, []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        key, sep, value = line.partition(":")
        if sep and key in ("repository", "commit", "file"):
            head[key] = value.strip()
            continue
        parts = line.split(None, 3)
        if len(parts) < 3 or ":" not in parts[1] or parts[2] not in VERDICTS:
            raise ValueError(f"{path}:{number}: expected 'RULE LINE:COL TP|FP|FIXED why', got {raw!r}")
        ln, col = parts[1].split(":")
        verdicts.append(Verdict(parts[0], int(ln), int(col), parts[2], parts[3] if len(parts) > 3 else ""))
    missing = {"repository", "commit", "file"} - set(head)
    if missing:
        raise ValueError(f"{path}: missing {', '.join(sorted(missing))}")
    return Review(path, head["repository"], head["commit"], head["file"], verdicts)


def reviews() -> list[Review]:
    return [parse_review(p) for p in sorted(REVIEWS.glob("*.review"))]


def findings(path: Path) -> list[tuple[str, int, int, str, str]]:
    """(rule, line, col, severity, message) of every finding of a default offline run."""
    from awesome_lint.app.source import read_path
    from awesome_lint.engine.config import Config
    from awesome_lint.engine.pipeline import build_settings, check
    from awesome_lint.rule import Context

    source = read_path(str(path))
    doc, diags = check(source.text, build_settings(Config(), links=False), Context(path=str(path)))
    out = []
    for d in diags:
        line, col = doc.line_col(d.start)
        out.append((d.rule, line + 1, col + 1, d.severity, d.message))
    return out


def compare(review: Review, found) -> dict:
    """What the tool found against what the reviewer judged."""
    judged = {(v.rule, v.line, v.col): v for v in review.verdicts}
    seen = {(r, ln, c) for r, ln, c, _, _ in found}
    result = {"TP": [], "FP": [], "unreviewed": [], "lost_tp": [], "back_fp": [], "found_missed": []}
    for item in found:
        v = judged.get(item[:3])
        if v is None:
            result["unreviewed"].append(item)
        elif v.verdict == "FIXED":
            result["back_fp"].append(item)
        elif v.verdict == "MISSED":
            result["TP"].append(item)  # found after all
            result["found_missed"].append(v)
        else:
            result[v.verdict].append(item)
    result["missed"] = [v for key, v in judged.items() if v.verdict == "MISSED" and key not in seen]
    result["gone_fp"] = []
    for key, v in judged.items():
        if v.verdict == "TP" and key not in seen:
            result["lost_tp"].append(v)
        elif v.verdict == "FP" and key not in seen:
            result["gone_fp"].append(v)
    return result


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--list", help="show every finding of one list (file name) with its verdict")
    args = p.parse_args(argv)
    if not SHARED.is_dir():
        print("../shared is not present: nothing to measure")
        return 0
    per_rule: dict[str, Counter] = defaultdict(Counter)
    unreviewed, problems, table, gone = [], [], [], []
    missed = 0
    for review in reviews():
        if not review.list_path.is_file():
            continue
        found = findings(review.list_path)
        result = compare(review, found)
        if args.list and args.list in review.file:
            judged = {(v.rule, v.line, v.col): v for v in review.verdicts}
            for item in found:
                v = judged.get(item[:3])
                print(f"{item[1]}:{item[2]} {item[0]} {v.verdict if v else '??'} {item[4]}")
        for kind in ("TP", "FP"):
            for item in result[kind]:
                per_rule[item[0]][kind] += 1
        for item in result["back_fp"]:
            per_rule[item[0]]["FP"] += 1
        table.append((review.file, len(found), len(result["TP"]), len(result["FP"]) + len(result["back_fp"]),
                      len(result["unreviewed"])))
        missed += len(result["missed"])
        unreviewed += [(review.file, *item) for item in result["unreviewed"]]
        problems += [f"{review.file}: reviewed TP no longer found: {v.rule} {v.line}:{v.col} ({v.why})"
                     for v in result["lost_tp"]]
        problems += [f"{review.file}: fixed FP is back: {r} {ln}:{c} {m}" for r, ln, c, _, m in result["back_fp"]]
        gone += [f"{review.file}: {v.rule} {v.line}:{v.col} is no longer found: mark it FIXED" for v in result["gone_fp"]]
    if args.list:
        return 0
    print(f"{'list':<62} {'found':>6} {'TP':>5} {'FP':>5} {'new':>5}")
    for row in table:
        print(f"{row[0]:<62} {row[1]:>6} {row[2]:>5} {row[3]:>5} {row[4]:>5}")
    print()
    print(f"{'rule':<22} {'TP':>6} {'FP':>5} {'precision':>10}")
    total = Counter()
    for rule in sorted(per_rule):
        c = per_rule[rule]
        total.update(c)
        judged = c["TP"] + c["FP"]
        print(f"{rule:<22} {c['TP']:>6} {c['FP']:>5} {c['TP'] / judged:>10.1%}" if judged else f"{rule:<22}")
    judged = total["TP"] + total["FP"]
    if judged:
        print(f"{'all':<22} {total['TP']:>6} {total['FP']:>5} {total['TP'] / judged:>10.1%}")
    print(f"known misses (reviewed real findings the tool does not report): {missed}")
    if unreviewed:
        print(f"\n{len(unreviewed)} findings nobody has reviewed yet:")
        for file, rule, line, col, severity, message in unreviewed:
            print(f"  {file} {rule} {line}:{col} [{severity}] {message}")
    for note in gone:
        print("FP gone:", note)
    for problem in problems:
        print("PROBLEM:", problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
