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


def test_a_declared_swap_of_a_bare_url_with_a_stop_after_it_is_kept():
    text = "# T\n\nSee https://b.example/x. Then more.\n"

    def rule(doc):
        start = doc.text.find("https://b.example/x")
        if start >= 0:  # the written URL keeps its stop outside: GitHub links only the URL
            fix = Fix.replace(start, start + 19, "https://b2.example/x",
                              replaces=(("https://b.example/x", "https://b2.example/x"),))
            yield Diagnostic("r", "moved", start, start + 19, fix=fix)
    outcome = fix_loop(text, check_factory(rule), unsafe=False)
    assert outcome.reverted == []
    assert outcome.text == "# T\n\nSee https://b2.example/x. Then more.\n"


# -- the guard: nothing lost, nothing changed outside the edits ---------------------------
def line_fix(doc, needle, new, rule="r"):
    """A fix that rewrites the whole line holding ``needle``."""
    for n, line in enumerate(doc.lines):
        if needle in line:
            start = doc.line_starts[n]
            return Diagnostic(rule, f"rewrite {needle}", start, start + len(line),
                              fix=Fix.replace(start, start + len(line), new))
    raise AssertionError(needle)


def test_deleting_one_of_two_identical_urls_is_reverted():
    text = "# T\n\n- [A](https://a.example) - A.\n- [A again](https://a.example) - B.\n"

    def rule(doc):
        if doc.text.count("https://a.example") == 2:
            yield line_fix(doc, "A again", "- A again - B.")
    outcome = fix_loop(text, check_factory(rule), unsafe=False)
    assert outcome.text == text
    assert [why for _, why, _, _ in outcome.reverted] == ["would lose 'https://a.example'"]


def test_deleting_a_bare_url_line_is_reverted():
    text = "# T\n\n- [list.js](https://l.example) - Lists.\nhttps://listjs.com\n- [b](https://b.example) - b\n"

    def rule(doc):
        if "https://listjs.com\n" in doc.text:
            start = doc.text.index("https://listjs.com\n")
            yield Diagnostic("r", "drop", start, start, fix=Fix.replace(start, start + 19, ""))
        if "- b\n" in doc.text:
            at = doc.text.index("- b\n") + 2
            yield diag(at, at + 1, "B")
    outcome = fix_loop(text, check_factory(rule), unsafe=False)
    assert outcome.text == text.replace("- b\n", "- B\n")
    assert [why for _, why, _, _ in outcome.reverted] == ["would lose 'https://listjs.com'"]


def test_a_full_stop_glued_to_a_bare_url_is_reverted():
    # GitHub still links http://clappr.io, but the URL as written changed
    text = "# T\n\n- [clappr](https://c.example) - A player http://clappr.io\n"

    def rule(doc):
        if doc.text.endswith("clappr.io\n"):
            at = len(doc.text) - 1
            yield Diagnostic("r", "end it", at, at, fix=Fix.replace(at, at, "."))
    outcome = fix_loop(text, check_factory(rule), unsafe=False)
    assert outcome.text == text
    assert [why for _, why, _, _ in outcome.reverted] == ["would lose 'http://clappr.io'"]


def test_a_fix_that_changes_the_page_outside_its_edit_is_reverted():
    # an unclosed comment hides every later word although no byte after it changed
    text = "# T\n\nFirst words here.\n\nLater words here.\n"

    def rule(doc):
        if "<!--" not in doc.text:
            at = doc.text.index("First")
            yield Diagnostic("r", "hide", at, at, fix=Fix.replace(at, at + 5, "<!-- First"))
    outcome = fix_loop(text, check_factory(rule), unsafe=False)
    assert outcome.text == text
    (why,) = [why for _, why, _, _ in outcome.reverted]
    assert why.startswith("would change the rendered text outside its edits")


def test_words_inside_the_edit_may_change():
    text = "# T\n\n- [A](https://a.example) - colour of things\n"

    def rule(doc):
        if "colour" in doc.text:
            at = doc.text.index("colour") + 4
            yield diag(at, at + 1, "")  # colour -> color: an edit inside a word
    outcome = fix_loop(text, check_factory(rule), unsafe=False)
    assert outcome.text == text.replace("colour", "color") and outcome.reverted == []


def test_edits_that_overlap_inside_one_fix_are_refused():
    text = "# T\n\nabcdef\n"
    bad = Diagnostic("r", "m", 5, 8, fix=Fix((Edit(5, 8, "X"), Edit(6, 9, "Y"))))
    outcome = fix_loop(text, lambda t: (Document(t), [bad] if t == text else []), unsafe=False)
    assert outcome.text == text
    assert "overlaps" in outcome.reverted[0][1]


def test_culprit_search_is_logarithmic():
    # 64 fixable entries and one fix that deletes a reference definition far from
    # its use: only the whole document shows the loss, so bisection must find it
    names = [f"e{i:02d}" for i in range(64)]
    text = "# T\n\n- [Top][ref] - Uses the definition.\n\n" + "".join(
        f"- [{n}](https://{n}.example) - x {n}\n\n" for n in names) + "[ref]: https://ref.example\n"

    def rule(doc):
        for entry in doc.entries:
            desc = entry.fields.get("description")
            if desc and desc.text.startswith("x"):
                yield diag(desc.start, desc.start + 1, "X")
        if "[ref]: " in doc.text:
            yield line_fix(doc, "[ref]: ", "", rule="drop")
    parses = []

    def parse(t):
        parses.append(t)
        return Document(t)
    outcome = fix_loop(text, check_factory(rule), unsafe=False, parse=parse)
    assert "[ref]: https://ref.example" in outcome.text and "- X e63" in outcome.text
    assert [d.rule for d, *_ in outcome.reverted] == ["drop"]
    assert len(parses) <= 2 * 7 + 4  # one check per fix would be 65


def test_the_inline_cache_is_bounded_by_size(monkeypatch):
    from awesome_lint.model import document

    monkeypatch.setattr(document, "_INLINE_CACHE_CHARS", 20_000)
    monkeypatch.setattr(document, "_INLINE_CACHE", type(document._INLINE_CACHE)())
    monkeypatch.setattr(document, "_cached_chars", 0)
    for i in range(50):
        doc = Document("".join(f"Paragraph {i} {j} " + "word " * 40 + "\n\n" for j in range(20)))
        assert doc.blocks[-1].inline.children[0].content.startswith(f"Paragraph {i} 19")
        assert document._cached_chars <= 20_000
        assert sum(len(k[1]) + 64 for k in document._INLINE_CACHE) == document._cached_chars


def test_edits_that_only_touch_are_both_chosen_and_an_edit_at_a_pieces_start_rides_along():
    a, b = diag(0, 1, "x"), diag(1, 4, "y")  # the smaller is chosen first, then its right-hand neighbour
    assert choose([b, a], unsafe=False) == [a, b]
    assert apply_edits("abcdef", [a.fix.edits[0], b.fix.edits[0]]) == "xyef"
    text = "one a\ntwo b\nthree c\n"
    move = Diagnostic("sort", "m", 0, 11, fix=Fix((Edit.move(0, 11, [(6, 11), (5, 6), (0, 5)], text),)))
    at_start = diag(6, 7, "T")  # the first character of "two b"
    assert choose([move, at_start], unsafe=False) == [at_start, move]


def test_fix_reports_what_a_fresh_check_finds():
    # The sweep tests hand a run's last findings to the next run instead of
    # checking the text again; that is sound only while they are the same.
    from pathlib import Path

    from awesome_lint.engine.config import Config
    from awesome_lint.engine.pipeline import build_settings, check, fix
    from awesome_lint.rule import Context

    def seen(found):
        return [(d.rule, d.message, d.start, d.end, d.severity) for d in found]

    settings = build_settings(Config(), links=False)
    text = (Path(__file__).parent.parent / "examples" / "broken-papers.md").read_text(encoding="utf-8")
    outcome = fix(text, settings, Context(path="broken-papers.md"))
    assert outcome.applied > 0
    assert outcome.first[0].text == text
    assert seen(outcome.first[1]) == seen(check(text, settings, Context(path="broken-papers.md"))[1])
    assert seen(outcome.diagnostics) == seen(check(outcome.text, settings, Context(path="broken-papers.md"))[1])
    again = fix(outcome.text, settings, Context(path="broken-papers.md"), checked=(outcome.doc, outcome.diagnostics))
    assert again.text == outcome.text and again.first[1] is outcome.diagnostics
