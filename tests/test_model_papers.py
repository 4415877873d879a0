"""model/papers.py directly: how paper entries and their fields are read."""
from __future__ import annotations

from awesome_lint.model.document import Document
from awesome_lint.model import papers
from awesome_lint.model.papers import break_span, venue_year


def fields(text):
    doc = Document(text, preset="papers")
    return [(e.title, {k: f.text for k, f in e.fields.items()}, e.start_line, e.end_line) for e in doc.entries]


def test_canonical_entry_fields_and_their_offsets():
    text = "## S\n\n**A Title** \\\n*Ann One, Ben Two* \\\n[7th Oct., 2022] [CVPR, 2023] \\\n[[Paper](https://a.example)]\n"
    doc = Document(text, preset="papers")
    (entry,) = doc.entries
    assert entry.title == "A Title"
    got = {k: (f.text, text[f.start:f.end]) for k, f in entry.fields.items()}
    assert got["title"] == ("A Title", "A Title")
    assert got["authors"] == ("Ann One, Ben Two", "Ann One, Ben Two")
    assert got["date"] == ("7th Oct., 2022", "7th Oct., 2022")
    assert got["venue"] == ("CVPR, 2023", "CVPR, 2023")
    assert (entry.start_line, entry.end_line) == (2, 6)
    assert [link.url for link in entry.links] == ["https://a.example"]
    assert venue_year(entry) == 2023


def test_variants_date_and_venue_on_the_title_line_and_a_venue_prefix():
    text = ("**Inline** [12th May, 2021] [ICCV, 2021] \\\n*A. B* \\\n[[Code](https://c.example)]\n\n"
            "[**MICCAI 2020**] Prefixed Title \\\n*C. D* \\\n[[Paper](https://p.example)]\n")
    got = fields(text)
    assert got[0][0] == "Inline" and got[0][1]["date"] == "12th May, 2021" and got[0][1]["venue"] == "ICCV, 2021"
    assert got[1][0] == "Prefixed Title" and got[1][1]["venue"] == "MICCAI 2020"


def test_a_venue_before_the_links_and_entries_without_a_blank_line():
    text = ("**First** \\\n*A. B* \\\narXiv 2022. [[Paper](https://one.example)]\n"
            "**Second** \\\n*C. D* \\\n[3rd Mar., 2023] [arXiv, 2023] \\\n[[Paper](https://two.example)]\n")
    got = fields(text)
    assert [(title, start, end) for title, _, start, end in got] == [("First", 0, 3), ("Second", 3, 7)]
    assert got[0][1]["venue"] == "arXiv 2022"
    assert venue_year(Document(text, preset="papers").entries[1]) == 2023


def test_no_venue_or_no_year_in_it_gives_no_venue_year():
    doc = Document("**T** \\\n*A* \\\n[7th Oct., 2022] [Workshop] \\\n[[Paper](https://x.example)]\n", preset="papers")
    assert venue_year(doc.entries[0]) is None
    doc = Document("**T** \\\n*A* \\\n[[Paper](https://x.example)]\n", preset="papers")
    assert venue_year(doc.entries[0]) is None


def test_break_span_finds_each_kind_of_line_break():
    assert break_span("*Authors* \\") == (9, " \\")
    assert break_span("*Authors*\\") == (9, "\\")
    assert break_span("*Authors* <br>") == (9, " <br>")
    assert break_span("*Authors*<BR/>.") == (9, "<BR/>.")
    assert break_span("*Authors*   ") == (9, "   ")
    assert break_span("*Authors*") == (9, "")


def test_lists_items_and_quotes_are_not_bold_blocks():
    # the block reader leaves list items and quotes to the other shape readers
    # (model/paper_lists.py, model/shapes.py), which read them as their own shapes
    doc = Document("- **Bold** \\\n  *A* \\\n  [x](https://a.example)\n\n> **Q** \\\n> *A*\n", preset="papers")
    assert papers.build_entries(doc) == []
    assert [(e.shape, e.title) for e in doc.entries] == [("bullet-bold", "Bold"), ("quoted-bold-block", "Q")]


def test_a_line_holding_only_a_break_does_not_end_the_paper():
    text = ("# P\n\n**Title One** \\\n\\\n*A. Author* \\\n[7th Oct., 2022] [arXiv, 2022] \\\n"
            "[[Paper](https://arxiv.org/abs/2210.00001)]\n")
    entry, = Document(text, preset="papers").entries
    assert {k: f.text for k, f in entry.fields.items() if k != "meta_line"} == {
        "title": "Title One", "authors": "A. Author", "date": "7th Oct., 2022", "venue": "arXiv, 2022",
        "links": "[[Paper](https://arxiv.org/abs/2210.00001)]"}


def test_an_indented_bare_date_line_is_placed_where_it_is_written():
    text = "# P\n\n**Title One** \\\n*A. Author* \\\n   7th Oct., 2022 \\\n[[Paper](https://arxiv.org/abs/2210.00001)]\n"
    entry, = Document(text, preset="papers").entries
    date = entry.fields["date"]
    assert (date.start, date.end, date.text) == (38, 52, "7th Oct., 2022")


def test_a_blank_line_is_all_break_markup():
    assert break_span("  ") == (0, "  ")
    assert break_span("\t<br>") == (0, "\t<br>")


def test_a_table_with_unnamed_columns_finds_its_dates_and_titles_from_the_cells():
    def table(rows):
        return "# P\n\n| Work | On |\n|---|---|\n" + "".join(
            f"| [Paper {i}](https://arxiv.org/abs/2301.0000{i}) | 2023-01-0{i} |\n" for i in range(1, rows + 1))
    for rows in (1, 3):
        entries = Document(table(rows), preset="papers").entries
        assert [(e.shape, e.title, e.fields["date"].text) for e in entries] == [
            ("table-row", f"Paper {i}", f"2023-01-0{i}") for i in range(1, rows + 1)]


def test_a_venues_year_in_two_digits():
    from types import SimpleNamespace

    from awesome_lint.model.nodes import Field

    def year(venue):
        return venue_year(SimpleNamespace(fields={"venue": Field(0, len(venue), venue)}))

    # after an apostrophe, with a space or not, or glued to the venue's name
    assert [year(v) for v in ("CVPR' 14", "ICCV'98", "ECCV\u2019 20", "HANDS19 Workshop", "Hands17 Workshop")] == [
        2014, 1998, 2020, 2019, 2017]
    # a digit glued to one letter is a version, and the digits must end there
    assert [year(v) for v in ("3D HUMANS Workshop", "v12 beta", "GPT4", "S2ORC", "CVPR'145")] == [None] * 5


def test_plain_author_names_before_the_links_are_the_authors_not_a_venue():
    text = ("**Editing Models** <br />\nNingyu Zhang, Jia-Chen Gu, Yunzhi Yao. [[paper](https://arxiv.org/abs/2401.01286)]\n\n"
            "**Other Models** <br />\nICLR 2024. [[paper](https://arxiv.org/abs/2401.01287)]\n\n"
            "**Third Models** <br />\nAnn Lee and Bo Chen [[paper](https://arxiv.org/abs/2401.01288)]\n")
    got = [f for _, f, _, _ in fields(text)]
    assert got[0]["authors"] == "Ningyu Zhang, Jia-Chen Gu, Yunzhi Yao" and "venue" not in got[0]
    assert got[1]["venue"] == "ICLR 2024" and "authors" not in got[1]
    assert got[2]["authors"] == "Ann Lee and Bo Chen"
    # one name, or names of one word, are no author list: the venue reading stays
    one = fields("**Paper** <br />\nNature Communications. [[paper](https://doi.org/10.1/x)]\n")[0][1]
    assert one.get("venue") == "Nature Communications" and "authors" not in one
