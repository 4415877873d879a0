"""Every real list in ../shared: lint and --fix never crash, fixing is idempotent,
and no URL, entry title or entry is lost."""
from __future__ import annotations

import difflib
from collections import Counter

import pytest

from awesome_lint.engine.config import Config
from awesome_lint.model.document import Document
from awesome_lint.engine.pipeline import build_settings, check, fix
from awesome_lint.rule import Context
from awesome_lint.app.source import read_path
from conftest import shared_lists


def entries_per_section(doc):
    return Counter(entry.section.title for entry in doc.entries)


@pytest.mark.parametrize("path", shared_lists(), ids=lambda p: p.name)
def test_fix_is_safe_and_idempotent(path):
    settings = build_settings(Config(), links=False)
    source = read_path(str(path))
    before, findings = check(source.text, settings, Context(path=str(path)))
    once = fix(source.text, settings, Context(path=str(path)))
    twice = fix(once.text, settings, Context(path=str(path)))
    assert twice.text == once.text, "a second --fix changed the text"
    assert twice.applied == 0
    assert not [d for d in once.diagnostics if d.fix and d.fix.applicability == "safe"], \
        "a safe fix is still offered after --fix"
    after = Document(once.text)  # read as the linter reads it: per section
    assert Counter(l.url for l in after.links if not l.url.startswith("#")) == \
        Counter(l.url for l in before.links if not l.url.startswith("#"))
    assert sorted(e.title for e in after.entries) == sorted(e.title for e in before.entries)
    assert entries_per_section(after) == entries_per_section(before)
    assert not untouched_lines_changed(before, findings, once.text)


def untouched_lines_changed(doc, findings, fixed: str) -> list[int]:
    """Original lines (1-based) that changed although no finding covered them."""
    covered: set[int] = set()
    for d in findings:
        first = doc.line_col(d.start)[0]
        last = doc.line_col(max(d.start, d.end - 1))[0]
        covered.update(range(first, last + 1))
        for edit in d.fix.edits if d.fix else ():
            covered.update(range(doc.line_col(edit.start)[0], doc.line_col(max(edit.start, edit.end - 1))[0] + 1))
    bad = []
    matcher = difflib.SequenceMatcher(None, doc.lines, fixed.split("\n"), autojunk=False)
    for tag, i1, i2, _, _ in matcher.get_opcodes():
        if tag == "equal":
            continue
        lines = range(i1, i2) if i2 > i1 else [max(i1 - 1, 0)]
        bad.extend(n + 1 for n in lines if n not in covered and (n + 1) not in covered and (n - 1) not in covered)
    return bad
