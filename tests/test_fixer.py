"""The fix loop: non-overlapping edits, rounds until stable, content never lost."""
from __future__ import annotations

from awesome_lint.model.document import Document
from awesome_lint.engine.fixer import apply_edits, choose, fix_loop
from awesome_lint.rule import Diagnostic, Edit, Fix

TEXT = "# T\n\n- [A](https://a.example) - a\n- [B](https://b.example) - b\n"


def diag(start, end, text, applicability="safe"):
    return Diagnostic("r", "m", start, end, fix=Fix((Edit(start, end, text),), applicability))


def test_apply_edits_in_any_order():
    assert apply_edits("abcdef", [Edit(4, 5, "E"), Edit(0, 1, "A"), Edit(2, 2, "+")]) == "Ab+cdEf"


def test_choose_skips_overlaps_and_unsafe():
    a, b, c, d = diag(0, 3, "x"), diag(2, 5, "y"), diag(6, 7, "z"), diag(8, 9, "u", "unsafe")
    assert choose([a, b, c, d], unsafe=False) == [c, a]
    assert d in choose([a, b, c, d], unsafe=True)


def check_factory(rule):
    def check(text):
        doc = Document(text)
        return doc, list(rule(doc))
    return check


def test_loop_runs_until_stable():
    # a rule that capitalises one description per round
    def rule(doc):
        for entry in doc.entries:
            desc = entry.fields["description"]
            if desc.text[:1].islower():
                yield diag(desc.start, desc.start + 1, desc.text[0].upper())
    outcome = fix_loop(TEXT, check_factory(rule), unsafe=False)
    assert outcome.text == TEXT.replace("- a", "- A").replace("- b", "- B")
    assert outcome.applied == 2 and outcome.diagnostics == []


def test_fix_that_loses_a_url_is_reverted():
    def rule(doc):
        for link in doc.links:
            if link.url == "https://b.example":
                yield diag(link.url_start, link.url_end, "https://changed.example")
        for entry in doc.entries:
            desc = entry.fields["description"]
            if desc.text == "a":
                yield diag(desc.start, desc.end, "A")
    outcome = fix_loop(TEXT, check_factory(rule), unsafe=False)
    assert "https://b.example" in outcome.text and "- A\n" in outcome.text
    assert [(why, line, col) for _, why, line, col in outcome.reverted] == [
        ("would lose 'https://b.example'", 4, 7)]


def test_edits_inside_a_move_ride_along():
    text = "one a\ntwo b\nthree c\n"
    move = Edit.move(0, 13, [(6, 11), (5, 6), (0, 5), (11, 13)], text)
    assert move.text == "two b\none a\nt"  # built from slices of the source
    inner = [Edit(4, 5, "A"), Edit(10, 11, "B")]  # inside "one a" and "two b"
    assert apply_edits(text, [move, *inner]) == "two B\none A\nthree c\n"


def test_move_and_inner_fix_are_chosen_together_but_not_a_straddling_one():
    text = "one a\ntwo b\nthree c\n"
    move = Diagnostic("sort", "m", 0, 11, fix=Fix((Edit.move(0, 11, [(6, 11), (5, 6), (0, 5)], text),)))
    inside = diag(4, 5, "A")
    straddling = diag(4, 7, "X")
    assert choose([move, inside], unsafe=False) == [inside, move]
    assert choose([move, straddling], unsafe=False) == [straddling]


def test_one_fix_shared_by_several_findings_counts_for_each():
    fix = Fix((Edit(0, 1, "X"),))
    a, b = Diagnostic("r", "a", 0, 1, fix=fix), Diagnostic("r", "b", 2, 3, fix=fix)
    assert choose([a, b], unsafe=False) == [a, b]


def test_a_declared_url_swap_is_kept():
    def rule(doc):
        for link in doc.links:
            if link.url == "https://b.example":
                fix = Fix.replace(link.url_start, link.url_end, "https://b2.example",
                                  replaces=(("https://b.example", "https://b2.example"),))
                yield Diagnostic("r", "moved", link.start, link.end, fix=fix)
    outcome = fix_loop(TEXT, check_factory(rule), unsafe=False)
    assert outcome.reverted == []
    assert outcome.text == TEXT.replace("https://b.example", "https://b2.example")
