"""The classic rules on the real classic lists of ../shared/corpus: they never
crash, --fix settles in one run, keeps every URL and touches only lines with a finding."""
from __future__ import annotations

import pytest

from awesome_lint.engine.config import Config
from awesome_lint.engine.pipeline import build_settings, check, fix
from awesome_lint.rule import Context


CLASSIC = [
    "sindresorhus__awesome", "vinta__awesome-python", "sindresorhus__awesome-nodejs",
    "awesome-selfhosted__awesome-selfhosted", "matiassingers__awesome-readme",
    "kdeldycke__awesome-falsehood", "n1trux__awesome-sysadmin",
]
RULES = ["entry-format", "awesome-badge", "main-heading", "balanced-punctuation", "no-repeat-punctuation",
         "no-ci-badge", "no-license-section", "contributing"]


def _lines_of(doc, diagnostics) -> set[int]:
    lines = set()
    for d in diagnostics:
        first = doc.line_col(d.start)[0]
        last = doc.line_col(max(d.start, d.end - 1))[0]
        lines.update(range(first, last + 1))
    return lines


@pytest.mark.parametrize("name", CLASSIC)
def test_fix_is_local_idempotent_and_keeps_urls(name, shared_dir):
    text = (shared_dir / "corpus" / f"{name}.md").read_text(encoding="utf-8-sig").replace("\r\n", "\n")
    settings = build_settings(Config(), select=RULES)
    ctx = Context(path=f"{name}.md")
    outcome = fix(text, settings, ctx)
    doc, found = outcome.first
    assert doc.family == "awesome"
    assert not outcome.reverted
    again = fix(outcome.text, settings, ctx, checked=(outcome.doc, outcome.diagnostics))
    assert again.text == outcome.text  # a second --fix changes nothing
    assert not [d for d in again.diagnostics if d.fix and d.fix.applicability == "safe"]
    before = [l.url for l in doc.links]
    after = [l.url for l in outcome.doc.links]
    assert sorted(before) == sorted(after)
    old, new = text.split("\n"), outcome.text.split("\n")
    assert len(old) == len(new)
    flagged = _lines_of(doc, found)
    changed = {n for n, (a, b) in enumerate(zip(old, new)) if a != b}
    assert changed <= flagged
    assert changed or not [d for d in found if d.fix and d.fix.applicability == "safe"]


def test_corpus_is_present_when_shared_is(shared_dir):
    for name in CLASSIC:
        assert (shared_dir / "corpus" / f"{name}.md").is_file()
