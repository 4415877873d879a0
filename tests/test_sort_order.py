from __future__ import annotations

from awesome_lint.model.document import Document
from awesome_lint.engine.fixer import fix_loop
from awesome_lint.rule import Context
from awesome_lint.rules.sort_order import SortOrder


def paper(title, date):
    return f"**{title}** \\\n*A. Author* \\\n[{date}] [arXiv, 2022] \\\n[[Paper](https://example.com/{title})]\n"


def run(text, preset="papers", **options):
    rule = SortOrder(SortOrder.Options(**options))

    def check(t):
        doc = Document(t, preset=preset)
        return doc, list(rule.check(doc, Context()))
    doc, diags = check(text)
    return sorted(doc.line_col(d.start)[0] + 1 for d in diags), fix_loop(text, check, unsafe=False)


PAPERS = "## A\n\n" + "\n".join([
    paper("P1", "3rd Mar., 2023"), paper("P2", "5th May, 2023"), paper("Undated", "no date here"),
    paper("P3", "1st Jan., 2023"), paper("P4", "9th Sep., 2023"), paper("P5", "1st Jan., 2023"),
])


def test_newest_first_moves_whole_entries_and_keeps_undated_in_place():
    lines, outcome = run(PAPERS, order="newest-first")
    # P2 follows P1 and is newer; P4 follows P3 and is newer (the undated entry is skipped)
    assert lines == [8, 23]
    expected = "## A\n\n" + "\n".join([
        paper("P4", "9th Sep., 2023"), paper("P2", "5th May, 2023"), paper("Undated", "no date here"),
        paper("P1", "3rd Mar., 2023"), paper("P3", "1st Jan., 2023"), paper("P5", "1st Jan., 2023"),
    ])
    assert outcome.text == expected
    assert run(outcome.text, order="newest-first")[0] == []


def test_oldest_first_option_and_auto_direction():
    ascending = "## A\n\n" + "\n".join([paper("P1", "1st Jan., 2021"), paper("P2", "2nd Feb., 2021"),
                                        paper("P3", "3rd Mar., 2021"), paper("P4", "1st Jan., 2021")])
    assert run(ascending, order="oldest-first")[0] == [18]
    assert run(ascending)[0] == [18]  # two rising neighbours against one falling: oldest first
    assert run(ascending, order="newest-first")[0] == [8, 13]


CLASSIC = """# Awesome

## Tools

- [beta](https://b.example) - B.
  - [Zed](https://z.example) - nested, stays with beta.
  - [Ant](https://a.example) - nested.
- [Alpha](https://a2.example) - A.
- [gamma](https://g.example) - G.
"""


def test_classic_is_not_checked_unless_asked():
    assert run(CLASSIC, preset="awesome")[0] == []


def test_classic_alphabetical_moves_items_with_their_sub_lists():
    lines, outcome = run(CLASSIC, preset="awesome", order="alphabetical")
    assert lines == [7, 8]
    assert outcome.text == """# Awesome

## Tools

- [Alpha](https://a2.example) - A.
- [beta](https://b.example) - B.
  - [Ant](https://a.example) - nested.
  - [Zed](https://z.example) - nested, stays with beta.
- [gamma](https://g.example) - G.
"""
