#!/usr/bin/env python3
"""Bookkeeping for the review set after the rules change: an FP the tool no longer
makes becomes FIXED. Nothing else is ever changed here: a lost TP, or a finding
nobody reviewed, needs a person to read the list (edit the .review file by hand)."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import precision  # noqa: E402


def main() -> int:
    changed = 0
    for review in precision.reviews():
        if not review.list_path.is_file():
            continue
        result = precision.compare(review, precision.findings(review.list_path))
        gone = {(v.rule, v.line, v.col) for v in result["gone_fp"]}
        if not gone:
            continue
        lines = review.path.read_text(encoding="utf-8").splitlines(keepends=True)
        for i, line in enumerate(lines):
            parts = line.split(None, 3)
            if len(parts) >= 3 and parts[2] == "FP" and ":" in parts[1]:
                ln, col = parts[1].split(":")
                if (parts[0], int(ln), int(col)) in gone:
                    lines[i] = line.replace(" FP ", " FIXED ", 1)
                    changed += 1
        review.path.write_text("".join(lines), encoding="utf-8")
    print(f"{changed} FPs the tool no longer makes marked FIXED")
    return 0


if __name__ == "__main__":
    sys.exit(main())


def mark_missed(reason: str) -> int:
    """Reviewed true positives the tool no longer reports become MISSED, with the
    reason: the person's verdict stands, and the recall gap stays in view."""
    changed = 0
    for review in precision.reviews():
        if not review.list_path.is_file():
            continue
        result = precision.compare(review, precision.findings(review.list_path))
        lost = {(v.rule, v.line, v.col) for v in result["lost_tp"]}
        back = {item[:3] for item in result["back_fp"]}
        if not lost and not back:
            continue
        lines = review.path.read_text(encoding="utf-8").splitlines(keepends=True)
        for i, line in enumerate(lines):
            parts = line.split(None, 3)
            if len(parts) < 3 or ":" not in parts[1]:
                continue
            ln, col = parts[1].split(":")
            key = (parts[0], int(ln), int(col))
            if parts[2] == "TP" and key in lost:
                lines[i] = line.rstrip("\n").replace(" TP ", " MISSED ", 1) + f"; lead: {reason}\n"
                changed += 1
            elif parts[2] == "FIXED" and key in back:
                lines[i] = line.rstrip("\n").replace(" FIXED ", " FP ", 1) + "; lead: made again\n"
                changed += 1
        review.path.write_text("".join(lines), encoding="utf-8")
    return changed
