"""Habits of real lists that no rule should take for defects: inch marks, quoted sentences,
lead-ins to sub-items, category columns, the pages of a list beside its README."""
from __future__ import annotations

from awesome_lint.engine import pipeline as engine
from awesome_lint.engine.config import Config
from awesome_lint.model.document import Document
from awesome_lint.rule import Context


def _found(text: str, rules: list[str], path: str | None = None) -> list[tuple[int, str, str]]:
    doc, diags = engine.check(text, engine.build_settings(Config(), select=rules), Context(path=path))
    return [(doc.line_col(d.start)[0] + 1, d.rule, d.message) for d in diags]


def test_an_inch_mark_is_no_unclosed_quote_but_an_odd_quote_still_is():
    text = "# Pi\n\n## Displays\n\n- [Screen](https://s.example) - The official 7\" touch display.\n"
    assert _found(text, ["balanced-punctuation"]) == []
    odd = "# Pi\n\n## Displays\n\n- [Screen](https://s.example) - The \"official touch display.\n"
    assert [r for _, r, _ in _found(odd, ["balanced-punctuation"])] == ["balanced-punctuation"]


def _takeaways(last: str) -> str:
    rows = [f"- [Article {n}](https://a.example/{n}) - by Ann. Takeaway: a point made well." for n in range(5)]
    return "# Hiring\n\n## Articles\n\n" + "\n".join(rows + [last]) + "\n"


def test_a_stop_inside_nested_quotes_and_a_lead_in_colon_end_their_sentences():
    quoted = "- [Article 9](https://a.example/9) - by Bo. Takeaway: \"Hire for 'passion.'\""
    assert _found(_takeaways(quoted), ["entry-format"]) == []
    lead_in = ("- [Article 9](https://a.example/9) - by Bo. Takeaway: three habits:\n"
               "  - Listen.\n  - Decide.")
    assert _found(_takeaways(lead_in), ["entry-format"]) == []
    bare = "- [Article 9](https://a.example/9) - by Bo. Takeaway: no stop here"
    assert [r for _, r, _ in _found(_takeaways(bare), ["entry-format"])] == ["entry-format"]


def test_a_column_that_repeats_a_category_names_no_row():
    head = "| Paper | Method | Venue | Code |\n| --- | --- | --- | --- |\n"
    rows = "".join(f"| [Paper Number {n} On Extraction](https://arxiv.org/abs/2101.0{n:04d}) | Structure-linearized | "
                   f"ACL 2021 | - |\n" for n in range(6))
    doc = Document("# KG\n\n## Timeline\n\n" + head + rows)
    assert doc.entries and not any("subject" in e.fields for e in doc.entries)
    assert _found("# KG\n\n## Timeline\n\n" + head + rows, ["duplicate"]) == []


def test_a_page_beside_the_lists_readme_needs_no_title_of_its_own(tmp_path):
    (tmp_path / "README.md").write_text("# Awesome Leading\n\n- [Culture](Culture.md)\n")
    page = tmp_path / "Culture.md"
    text = "## Culture\n\n- [An Article](https://a.example) - by Ann. Takeaway: culture eats strategy.\n"
    page.write_text(text)
    assert _found(text, ["main-heading"], str(page)) == []
    alone = tmp_path / "sub"
    alone.mkdir()
    (alone / "Culture.md").write_text(text)
    assert [r for _, r, _ in _found(text, ["main-heading"], str(alone / "Culture.md"))] == ["main-heading"]


def _articles(titles: list[str]) -> str:
    return "# Leading\n\n## Culture\n\n" + "".join(f"- [{t}](https://a.example/{i}) - by Ann. Takeaway: a point.\n"
                                                  for i, t in enumerate(titles))


def test_a_list_filed_as_a_library_files_it_sets_aside_a_leading_article_and_reads_numbers_as_words():
    titles = ["The Buffer Culture", "Buffer Sees Results", "Building Trust", "Culture Eats Strategy",
              "Engineering Values", "5 Questions to Ask", "Five Years of Lessons", "Hiring Well", "How Netflix Works",
              "How 10,000 Teams Work", "How to Lead", "An Inside Look", "Managers Matter", "Onboarding People",
              "The Right Team", "Teams That Thrive", "What Matters", "Why Culture Wins"]
    assert _found(_articles(titles), ["sort-order"]) == []
    slip = titles[:]
    slip.insert(3, slip.pop(12))  # 'Managers Matter' among the B's
    found = _found(_articles(slip), ["sort-order"])
    assert len(found) == 1 and "'Managers Matter'" in found[0][2] and "(library)" in found[0][2]


def test_the_librarys_filing_never_excuses_a_slip_of_plain_order():
    # a list in plain A-Z order: '30 Seconds of C++' after 'c-algorithms' is a slip, though 'thirty' files after 'c'
    names = ["Abseil", "Boost", "c-algorithms", "30 Seconds of C++", "Catch2", "Dlib", "Eigen", "fmt", "Folly", "gflags"]
    text = "# C++\n\n## Libraries\n\n" + "".join(f"- [{n}](https://g.example/{i}) - A library.\n" for i, n in enumerate(names))
    assert [m.split(" should")[0] for _, _, m in _found(text, ["sort-order"])] == ["'30 Seconds of C++'"]
