#!/usr/bin/env python3
"""Bookkeeping for the review set after the rules change, in one pass over the
review files.  A person's verdict is never overturned here, only carried over:

- an FP the tool no longer makes becomes FIXED;
- a MISSED (a real defect a person saw) the tool now reports becomes TP;
- with ``--missed REASON``: a TP the tool no longer reports becomes MISSED with
  the reason, and a FIXED finding that is back becomes FP again.

A finding nobody reviewed needs a person to read the list (edit the file by hand)."""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import precision  # noqa: E402


def _changes(result: dict, reason: str | None) -> dict[tuple, tuple[str, str, str]]:
    """(rule, line, col) -> (old verdict, new verdict, note to append)."""
    out = {(v.rule, v.line, v.col): ("FP", "FIXED", "") for v in result["gone_fp"]}
    for v in result["found_missed"]:
        out[(v.rule, v.line, v.col)] = ("MISSED", "TP", "; lead: reported now")
    if reason:
        out.update({(v.rule, v.line, v.col): ("TP", "MISSED", f"; lead: {reason}") for v in result["lost_tp"]})
        out.update({item[:3]: ("FIXED", "FP", "; lead: made again") for item in result["back_fp"]})
    return out


def rewrite(reason: str | None = None) -> Counter:
    counts: Counter = Counter()
    for review in precision.reviews():
        if not review.list_path.is_file():
            continue
        changes = _changes(precision.compare(review, precision.findings(review.list_path)), reason)
        if not changes:
            continue
        lines = review.path.read_text(encoding="utf-8").splitlines(keepends=True)
        for i, line in enumerate(lines):
            parts = line.split(None, 3)
            if len(parts) < 3 or ":" not in parts[1]:
                continue
            ln, col = parts[1].split(":")
            change = changes.get((parts[0], int(ln), int(col)))
            if change and parts[2] == change[0]:
                lines[i] = line.rstrip("\n").replace(f" {change[0]} ", f" {change[1]} ", 1) + change[2] + "\n"
                counts[f"{change[0]} -> {change[1]}"] += 1
        review.path.write_text("".join(lines), encoding="utf-8")
    return counts


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--missed", metavar="REASON", help="also turn lost TPs into MISSED with this reason")
    counts = rewrite(p.parse_args().missed)
    print(", ".join(f"{k}: {n}" for k, n in sorted(counts.items())) or "nothing to carry over")
    return 0


if __name__ == "__main__":
    sys.exit(main())
