"""The review set (tests/review/*.review): what people judged by reading real lists.

A finding reviewed as a true positive must still be found, one reviewed as a
false positive the tool has since stopped making (FIXED) must not come back, and
every finding the tool makes on a reviewed list has a person's verdict: what is
found per list and rule is pinned by the review files, not by the tool's output."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("precision", ROOT / "scripts" / "precision.py")
precision = importlib.util.module_from_spec(_spec)
sys.modules["precision"] = precision  # its dataclasses look their module up
_spec.loader.exec_module(precision)

REVIEWS = precision.reviews()


def test_review_files_parse_and_name_their_list():
    for review in REVIEWS:
        assert review.repository and review.commit and review.file.endswith((".md", ".txt"))


@pytest.mark.parametrize("review", REVIEWS, ids=[r.file for r in REVIEWS])
def test_reviewed_findings_hold(review):
    if not review.list_path.is_file():
        pytest.skip("../shared is not present")
    result = precision.compare(review, precision.findings(review.list_path))
    lost = [f"{v.rule} {v.line}:{v.col} ({v.why})" for v in result["lost_tp"]]
    back = [f"{r} {ln}:{c} {m}" for r, ln, c, _, m in result["back_fp"]]
    new = [f"{r} {ln}:{c} {m}" for r, ln, c, _, m in result["unreviewed"]]
    assert not lost, "reviewed true positives no longer found:\n" + "\n".join(lost)
    assert not back, "fixed false positives are back:\n" + "\n".join(back)
    assert not new, ("findings nobody has reviewed: read the list and add a verdict for each "
                     f"to tests/review/{review.path.name}:\n" + "\n".join(new))


def test_the_parser_refuses_a_malformed_verdict(tmp_path):
    bad = tmp_path / "x.review"
    bad.write_text("repository: a/b\ncommit: 0\nfile: a__b.md\nentry-format 12 TP why\n", encoding="utf-8")
    with pytest.raises(ValueError, match="expected 'RULE LINE:COL"):
        precision.parse_review(bad)
