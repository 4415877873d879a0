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
    after = Document(once.text, preset=before.family)
    assert Counter(l.url for l in after.links if not l.url.startswith("#")) == \
        Counter(l.url for l in before.links if not l.url.startswith("#"))
    assert sorted(e.title for e in after.entries) == sorted(e.title for e in before.entries)
    assert entries_per_section(after) == entries_per_section(before)
    assert not untouched_lines_changed(before, findings, once.text)


def untouched_lines_changed(doc, findings, fixed: str) -> list[int]:
    """Original lines (1-based) that changed although no finding covered them:
    a line counts as covered only when a finding's span or one of its fix's
    edits reaches into it, not when a finding sits on the line next to it."""
    spans = []
    for d in findings:
        spans.append((d.start, d.end))
        spans.extend((edit.start, edit.end) for edit in (d.fix.edits if d.fix else ()))

    def reached(start: int, end: int) -> bool:
        return any(a <= end and b >= start for a, b in spans)

    bad = []
    matcher = difflib.SequenceMatcher(None, doc.lines, fixed.split("\n"), autojunk=False)
    for tag, i1, i2, _, _ in matcher.get_opcodes():
        if tag == "equal":
            continue
        if i2 > i1:  # lines replaced or deleted: each must be reached
            bad.extend(n + 1 for n in range(i1, i2) if not reached(doc.line_starts[n], doc.line_end(n)))
        else:  # lines inserted before line i1: an edit must touch that point
            point = doc.line_starts[i1] if i1 < len(doc.lines) else len(doc.text)
            if not reached(max(point - 1, 0), point):
                bad.append(i1 + 1)
    return bad


def test_a_change_next_to_a_finding_is_not_covered_by_it():
    from awesome_lint.rule import Diagnostic, Fix

    doc = Document("# T\n\none\ntwo\nthree\n")
    on_two = Diagnostic("r", "m", doc.offset(3), doc.line_end(3), fix=Fix.replace(doc.offset(3), doc.line_end(3), "2"))
    assert untouched_lines_changed(doc, [on_two], "# T\n\none\n2\nthree\n") == []
    assert untouched_lines_changed(doc, [on_two], "# T\n\none\n2\nTHREE\n") == [5]  # the line after
    assert untouched_lines_changed(doc, [on_two], "# T\n\nONE\n2\nthree\n") == [3]  # the line before
    # an insertion counts only where an edit touches it
    assert untouched_lines_changed(doc, [on_two], "# T\n\none\ntwo\nnew\nthree\n") == []
    assert untouched_lines_changed(doc, [on_two], "# T\n\nnew\none\ntwo\nthree\n") == [3]
