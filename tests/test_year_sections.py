"""Headings that are years: a paper of another year under one is out of place, where the
list files each paper under the heading of its year."""
from __future__ import annotations

import pytest

from awesome_lint.engine import pipeline as engine
from awesome_lint.engine.config import Config
from awesome_lint.model.conventions import heading_year
from awesome_lint.model.document import Document
from awesome_lint.rule import Context


@pytest.mark.parametrize("title, year", [
    ("2020", 2020), ("🔥 2021", 2021), ("CVPR 2023", 2023), ("Papers in 2019", 2019), ("2024 NeurIPS", 2024),
    ("Before 2020", None), ("2014 Others & Before", None), ("2019-2021", None), ("2023.05", None),
    ("Graph Kernels", None), ("Surveys of 2020 and 2021", None), ("Deep Learning 2020", None),
])
def test_a_heading_that_is_a_year(title, year):
    assert heading_year(title) == year


def _paper(title: str, venue: str, arxiv: str = "") -> str:
    link = f"https://arxiv.org/abs/{arxiv}" if arxiv else f"https://example.org/{title.split()[0].lower()}"
    return f"- **{title} ({venue})**\n  - Ann Lee, Bo Chen\n  - [[Paper]]({link})\n"


def _findings(text: str) -> list[tuple[int, str]]:
    doc, diags = engine.check(text, engine.build_settings(Config(), select=["sort-order"]), Context())
    return [(doc.line_col(d.start)[0] + 1, d.message) for d in diags]


def _years(sections: dict[int, list[str]]) -> str:
    out = "# Graph Papers\n"
    for year, venues in sections.items():
        out += f"\n### {year}\n\n" + "\n".join(_paper(f"Paper Number {year} {i} On Graphs", v)
                                             for i, v in enumerate(venues))
    return out


def test_a_paper_of_another_year_is_reported_even_in_a_small_section():
    text = _years({2020: ["AAAI 2020"] * 6, 2019: ["KDD 2019"] * 6, 2017: ["ICML 2017", "ICANN 2019", "NIPS 2017"]})
    doc = Document(text)
    assert doc.entries[-2].fields["venue"].text == "ICANN 2019"  # split from the bold title
    assert doc.entries[-2].title == "Paper Number 2017 1 On Graphs"
    assert _findings(text) == [
        (text.split("\n").index("- **Paper Number 2017 1 On Graphs (ICANN 2019)**") + 1,
         "'Paper Number 2017 1 On Graphs' (2019) is under the heading '2017' where this list files papers under "
         "the heading of their year (14 of 15 papers with a year under a year heading)")]


def test_a_paper_whose_arxiv_id_is_of_the_headings_year_is_in_place():
    text = _years({2020: ["AAAI 2020"] * 6, 2019: ["KDD 2019"] * 5})
    text = text.replace("(KDD 2019)**\n  - Ann Lee, Bo Chen\n  - [[Paper]](https://example.org/paper)",
                        "(AAAI 2020)**\n  - Ann Lee, Bo Chen\n  - [[Paper]](https://arxiv.org/abs/1911.05954)", 1)
    assert "1911.05954" in text
    assert _findings(text) == []


def test_a_list_that_files_by_another_year_than_its_papers_give_has_no_such_habit():
    # a third of the papers give a year that is not their heading's (preprints before the venue)
    venues = ["AAAI 2020", "AAAI 2020", "arXiv 2019"]
    text = _years({2020: venues * 3, 2019: ["KDD 2019", "KDD 2019", "arXiv 2018"] * 3})
    assert _findings(text) == []


def _dated_section(title: str, days: list[str]) -> str:
    return f"\n## {title}\n\n" + "".join(
        f"- {d} arXiv [Paper {title} Number {i}](https://arxiv.org/abs/{d[2:6]}.{i:05d})\n" for i, d in enumerate(days))


def test_a_section_that_keeps_no_order_does_not_follow_the_lists():
    newest = [f"2021{m:02d}15" for m in range(12, 0, -1)]
    text = "# Transfer\n" + _dated_section("Theory", newest) + _dated_section("Survey", newest[:8])
    # half of its papers in place either way: no order of its own, and not one that is merely untidy
    # (four in place each way: a tie, which the list's direction used to break)
    text += _dated_section("Finetuning", [f"2020{m:02d}15" for m in (5, 6, 7, 8, 1, 4, 3, 2)])
    text += _dated_section("Untidy", ["20211201", "20211101", "20210101", "20211001", "20210901", "20210801"])
    found = _findings(text)
    assert [m.split(" (")[0] for _, m in found] == ["'Paper Untidy Number 2'"]
    assert "where this section is sorted newest-first" in found[0][1]


def test_an_arxiv_id_or_a_preprints_year_agrees_with_the_heading_but_never_contradicts_it():
    text = _years({2024: ["ICML 2024"] * 5, 2023: ["ACL 2023"] * 5})
    lines = text.split("\n")
    # a December 2023 preprint the list files under the year it was published; an old paper posted later
    lines[4] = "- **Gated Linear Attention Transformers (arXiv 2023)**"
    lines[5 + 6] = lines[5 + 6].replace("https://example.org/paper", "https://arxiv.org/abs/1906.00001")
    assert _findings("\n".join(lines)) == []


def test_a_heading_that_names_an_event_is_judged_by_its_own_papers():
    # 'WMT 2019' heads the techniques its winners used: papers of any year
    text = _years({2020: ["AAAI 2020"] * 6, 2019: ["KDD 2019"] * 6})
    text += "\n### WMT 2019\n\n" + "\n".join(_paper(f"Technique {w} For Translation", v) for w, v in
                                            (("One", "NIPS 2017"), ("Two", "ICLR 2018"), ("Three", "ACL 2016")))
    words = ["One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine"]
    text += "\n### CVPR 2021\n\n" + "\n".join(_paper(f"Vision {w} Paper Here", "CVPR 2021") for w in words)
    text += "\n" + _paper("Vision Ten Paper Here", "ICCV 2019")
    found = _findings(text)
    assert [m.split(" where")[0] for _, m in found] == [
        "'Vision Ten Paper Here' (2019) is under the heading 'CVPR 2021'"]
    assert "where this section files papers under the heading of their year (9 of 10" in found[0][1]
