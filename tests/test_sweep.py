"""Every real list in ../shared: lint and --fix never crash, fixing is idempotent,
and no URL, entry title or entry is lost."""
from __future__ import annotations

from collections import Counter

import pytest

from awesome_lint.engine.config import Config
from awesome_lint.model.document import Document
from awesome_lint.engine.pipeline import build_settings, check, fix
from awesome_lint.rule import Context
from awesome_lint.app.source import read_path
from awesome_lint.app.linediff import opcodes
from conftest import shared_lists


def entries_per_section(doc):
    return Counter(entry.section.title for entry in doc.entries)


@pytest.mark.parametrize("path", shared_lists(), ids=lambda p: p.name)
def test_fix_is_safe_and_idempotent(path):
    settings = build_settings(Config(), links=False)
    source = read_path(str(path))
    once = fix(source.text, settings, Context(path=str(path)))
    before, findings = once.first
    # the second run starts from the findings the first one ended on: the same
    # as checking its text afresh (test_fix_reports_what_a_fresh_check_finds)
    twice = fix(once.text, settings, Context(path=str(path)), checked=(once.doc, once.diagnostics))
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
    """Original lines (1-based) that changed although no finding covered them:
    a line counts as covered only when a finding's span or one of its fix's
    edits reaches into it, not when a finding sits on the line next to it."""
    spans = []
    for d in findings:
        spans.append((d.start, d.end))
        spans.extend((edit.start, edit.end) for edit in (d.fix.edits if d.fix else ()))

    def reached(start: int, end: int) -> bool:
        return any(a <= end and b >= start for a, b in spans)

    def inserted_at(i: int) -> bool:  # lines inserted before line i: an edit must touch that point
        point = doc.line_starts[i] if i < len(doc.lines) else len(doc.text)
        return reached(max(point - 1, 0), point)

    def unreached(i1: int, i2: int) -> list[int]:  # lines replaced or deleted: each must be reached
        return [n + 1 for n in range(i1, i2) if not reached(doc.line_starts[n], doc.line_end(n))]

    old, new = doc.lines, fixed.split("\n")
    ops = opcodes(old, new)
    bad = []
    for k, (tag, i1, i2, j1, j2) in enumerate(ops):
        if tag == "equal":
            continue
        if tag == "replace":
            bad.extend(unreached(i1, i2))
            continue
        # A block inserted or deleted between equal lines may slide over lines equal
        # to its own ends (a moved entry among blank lines): every slide is the same
        # change, and another diff might have shown any of them.
        lo = ops[k - 1][1] if k and ops[k - 1][0] == "equal" else i1
        hi = ops[k + 1][2] if k + 1 < len(ops) and ops[k + 1][0] == "equal" else i2
        block = list(new[j1:j2]) if tag == "insert" else list(old[i1:i2])
        size = len(block) if tag == "delete" else 0
        slides = [i1]
        for step in (-1, 1):
            at, moving = i1, list(block)
            while True:
                if step < 0 and at > lo and moving[-1] == old[at - 1]:
                    at, moving = at - 1, [old[at - 1]] + moving[:-1]
                elif step > 0 and at + size < hi and moving[0] == old[at + size]:
                    at, moving = at + 1, moving[1:] + [old[at + size]]
                else:
                    break
                slides.append(at)
        if tag == "insert":
            if not any(inserted_at(at) for at in slides):
                bad.append(i1 + 1)
        elif all(unreached(at, at + size) for at in slides):
            bad.extend(unreached(i1, i2))
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


def test_an_entry_moved_among_blank_lines_counts_wherever_the_diff_shows_it():
    from awesome_lint.rule import Diagnostic, Edit, Fix

    doc = Document("# T\n\n- b\n\n- c\n\n- d\n")
    # '- a' moves in after '- b': the edit writes it at the end of that line, the
    # diff shows it after the blank line that follows
    after_b = doc.line_end(2)
    moved = Diagnostic("r", "m", after_b, after_b, fix=Fix([Edit(after_b, after_b, "\n\n- a")], "safe", "move"))
    assert untouched_lines_changed(doc, [moved], "# T\n\n- b\n\n- a\n\n- c\n\n- d\n") == []
    # the same entry inserted at the end is far from the edit
    assert untouched_lines_changed(doc, [moved], "# T\n\n- b\n\n- c\n\n- d\n\n- a\n") == [9]
    # '- c' cut with the blank line before it; the diff shows the blank line after it gone
    start_c = doc.offset(4)
    cut = Diagnostic("r", "m", start_c - 1, doc.line_end(4), fix=Fix([Edit(start_c - 1, doc.line_end(4), "")], "safe", "cut"))
    assert untouched_lines_changed(doc, [cut], "# T\n\n- b\n\n- d\n") == []
    assert untouched_lines_changed(doc, [cut], "# T\n\n- b\n\n- c\n") == [7, 8]
