from __future__ import annotations

from helpers import paper_entry

from awesome_lint.model.document import Document
from awesome_lint.rule import Context
from awesome_lint.rules.arxiv_date import ArxivDate


def entry(date, url):
    return paper_entry(f"T {url[-5:]}", url, date, venue="arXiv, 2024")


def test_date_well_before_the_arxiv_month_is_a_warning():
    text = "## A\n\n" + "\n".join([
        entry("15th Aug., 2024", "https://arxiv.org/abs/2410.23834"),  # seven weeks earlier: reported
        entry("1st Oct., 2024", "https://arxiv.org/pdf/2410.23835v2"),  # same month: fine
        entry("3rd Jan., 2025", "https://arxiv.org/abs/2410.23836"),  # later (conference): fine
        entry("3rd Jan., 2020", "https://example.com/2410.23837"),  # not arXiv
    ])
    doc = Document(text, preset="papers")
    diags = list(ArxivDate().check(doc, Context()))
    assert [(doc.line_col(d.start)[0] + 1, d.message, d.severity) for d in diags] == [
        (5, "date '15th Aug., 2024' is earlier than its arXiv id (Oct 2024) by more than an arXiv hold explains",
         "warning"),
    ]


def test_a_paper_held_for_moderation_carries_a_later_months_number():
    text = "## A\n\n" + "\n".join([
        entry("31st Mar., 2025", "https://arxiv.org/abs/2504.00264"),  # after March's cut-off: fine
        entry("30th Mar., 2025", "https://arxiv.org/abs/2504.09264"),  # held two weeks: fine
        entry("18th Feb., 2025", "https://arxiv.org/abs/2504.00265"),  # six weeks: still a hold
        entry("17th Feb., 2025", "https://arxiv.org/abs/2504.00266"),  # 43 days before April: reported
        entry("2025-02", "https://arxiv.org/abs/2504.00267"),  # February, any day of it: a hold at most
        entry("2025-01", "https://arxiv.org/abs/2504.00268"),  # January: reported
    ])
    doc = Document(text, preset="papers")
    assert [doc.line_col(d.start)[0] + 1 for d in ArxivDate().check(doc, Context())] == [20, 30]


def test_a_published_papers_own_date_may_come_a_little_before_its_preprint():
    text = "## A\n\n" + "\n".join([
        paper_entry("Journal One", "https://arxiv.org/abs/2405.01234", "5th Mar., 2024", "MedIA, 2024"),  # fine
        paper_entry("Journal Two", "https://arxiv.org/abs/2407.01234", "6th May, 2024", "Some Journal, 2024"),  # fine
        paper_entry("Conference", "https://arxiv.org/abs/2206.01234", "27th Jan., 2022", "MICCAI, 2022"),  # 5 months
        paper_entry("Preprint", "https://arxiv.org/abs/2405.05678", "5th Mar., 2024", "arXiv, 2024"),  # reported
    ])
    doc = Document(text, preset="papers")
    assert [doc.line_col(d.start)[0] + 1 for d in ArxivDate().check(doc, Context())] == [15, 20]


def test_no_allowance_for_a_link_another_paper_also_carries():
    # the second entry's arXiv link is the first's: its date mismatch points at the copied link
    text = "## A\n\n" + "\n".join([
        paper_entry("First", "https://arxiv.org/abs/2111.08005", "3rd Nov., 2021", "arXiv, 2021"),
        paper_entry("Second", "https://arxiv.org/abs/2111.08005", "8th Oct., 2021", "MIA, 2021"),
    ])
    doc = Document(text, preset="papers")
    assert [doc.line_col(d.start)[0] + 1 for d in ArxivDate().check(doc, Context())] == [10]


def test_the_arxiv_link_need_not_be_the_first_link():
    text = ("## A\n\n**T one** \\\n*A. Author* \\\n[15th Aug., 2024] [arXiv, 2024] \\\n"
            "[[Project](https://project.example/2410.23834)] [[Paper](https://arxiv.org/abs/2410.23834)]\n")
    doc = Document(text, preset="papers")
    assert [(doc.line_col(d.start)[0] + 1, d.message) for d in ArxivDate().check(doc, Context())] == [
        (5, "date '15th Aug., 2024' is earlier than its arXiv id (Oct 2024) by more than an arXiv hold explains")]


def test_a_venues_year_before_the_preprints_dates_the_paper():
    # a workshop paper of 2021 posted to arXiv in 2022: the list dates it by the workshop
    text = "## A\n\n" + "\n".join([
        paper_entry("Workshop", "https://arxiv.org/abs/2207.12598", "28th Sep., 2021", "NeurIPS Workshop, 2021"),
        paper_entry("Same year", "https://arxiv.org/abs/2207.12599", "28th Jan., 2022", "NeurIPS Workshop, 2022"),
        paper_entry("Other year", "https://arxiv.org/abs/2207.12600", "28th Sep., 2020", "NeurIPS Workshop, 2021"),
        paper_entry("Preprint", "https://arxiv.org/abs/2207.12601", "28th Sep., 2021", "arXiv, 2021"),
    ])
    doc = Document(text, preset="papers")
    assert [doc.line_col(d.start)[0] + 1 for d in ArxivDate().check(doc, Context())] == [10, 15, 20]


def _dated_by_arxiv(middle_date: str, middle_id: str, venue: str = "arXiv, 2021") -> str:
    """A newest-first section whose papers are dated in their arXiv id's month."""
    rows = [("Dec one", "2112.05744", "10th Dec., 2021"), ("Dec two", "2112.01799", "3rd Dec., 2021"),
            ("Middle", middle_id, middle_date), ("Nov one", "2111.13606", "26th Nov., 2021"),
            ("Nov two", "2111.05826", "10th Nov., 2021"), ("Oct one", "2110.00473", "1st Oct., 2021")]
    return "## A\n\n" + "\n".join(
        paper_entry(t, f"https://arxiv.org/abs/{i}", d, venue if t == "Middle" else "arXiv, 2021")
        for t, i, d in rows)


def test_a_date_later_than_its_id_that_breaks_the_order_the_id_keeps():
    from awesome_lint.rules.sort_order import SortOrder

    # '30th Dec.' for a November number, placed among November papers: the date is the typo,
    # reported by sort-order on the date, with no move
    doc = Document(_dated_by_arxiv("30th Dec., 2021", "2111.15640"), preset="papers")
    assert list(ArxivDate().check(doc, Context())) == []
    assert [(doc.line_col(d.start)[0] + 1, d.message, d.fix) for d in SortOrder().check(doc, Context())] == [
        (15, "'Middle' is dated 30th Dec., 2021, out of order where this section is sorted newest-first "
             "(5 of 6 dated entries in order); its arXiv id (Nov 2021) fits its place: the date looks wrong", None)]
    # a list that says it dates papers otherwise gets the move instead
    doc = Document(_dated_by_arxiv("30th Dec., 2021", "2111.15640"), preset="papers", pins={"arxiv-dating": "other"})
    [finding] = SortOrder().check(doc, Context())
    assert doc.line_col(finding.start)[0] + 1 == 13 and "newer than the entry before it" in finding.message


def test_a_later_date_in_its_place_or_a_misplaced_paper_is_no_date_typo():
    from awesome_lint.rules.sort_order import SortOrder

    # dated after its November id but still in order (a conference date): nothing to say
    doc = Document(_dated_by_arxiv("1st Dec., 2021", "2111.15640"), preset="papers")
    assert list(ArxivDate().check(doc, Context())) == []
    # an October paper among November ones: the place is wrong, the date agrees with the id
    doc = Document(_dated_by_arxiv("5th Oct., 2021", "2110.15640"), preset="papers")
    assert list(ArxivDate().check(doc, Context())) == []
    # (the October paper itself is the one to move, not the November one after it)
    assert [doc.line_col(d.start)[0] + 1 for d in SortOrder().check(doc, Context())] == [13]
    # a September id: its month would not fit between December and November either
    doc = Document(_dated_by_arxiv("30th Dec., 2021", "2109.15640"), preset="papers")
    assert list(ArxivDate().check(doc, Context())) == []
    assert [doc.line_col(d.start)[0] + 1 for d in SortOrder().check(doc, Context())] == [13]


def test_a_list_that_dates_papers_otherwise_keeps_the_order_finding():
    from awesome_lint.rules.sort_order import SortOrder

    # every paper dated two months after its id (conference dates): no arXiv dating to lean on
    rows = [("A", "2110.0001", "10th Dec., 2021"), ("B", "2110.0002", "3rd Dec., 2021"),
            ("C", "2110.0003", "30th Dec., 2021"), ("D", "2109.0004", "26th Nov., 2021"),
            ("E", "2109.0005", "10th Nov., 2021")]
    text = "## A\n\n" + "\n".join(paper_entry(t, f"https://arxiv.org/abs/{i}", d) for t, i, d in rows)
    doc = Document(text, preset="papers")
    assert doc.conventions.arxiv_dating.value == "other"
    assert list(ArxivDate().check(doc, Context())) == []
    assert [doc.line_col(d.start)[0] + 1 for d in SortOrder().check(doc, Context())] == [13]


def test_the_month_an_arxiv_id_was_given_in():
    from awesome_lint.model.identity import arxiv_month

    assert arxiv_month("https://arxiv.org/abs/2107.03374") == (2021, 7)
    assert arxiv_month("http://www.arxiv.org/pdf/2107.03374v2.pdf") == (2021, 7)
    assert arxiv_month("https://arxiv.org/abs/hep-th/9901001") == (1999, 1)
    assert arxiv_month("https://arxiv.org/abs/math.GT/0309136") == (2003, 9)
    assert arxiv_month("https://arxiv.org/abs/2113.00001") is None  # no 13th month
    assert arxiv_month("https://example.com/abs/2107.03374") is None


def test_in_a_list_dated_by_arxiv_a_date_years_after_the_id_is_reported():
    # the list dates its papers in their id's month; the middle one is dated seven years on
    doc = Document(_dated_by_arxiv("30th Nov., 2023", "1602.03483"), preset="papers")
    assert [(doc.line_col(d.start)[0] + 1, d.message) for d in ArxivDate().check(doc, Context())] == [
        (15, "date '30th Nov., 2023' is more than a year after its arXiv id (Feb 2016) where this list dates "
             "papers by the month of their arXiv id (5 of 6 dated papers with an arXiv link)")]
    # eleven months after: a venue's date the list may give
    doc = Document(_dated_by_arxiv("30th Nov., 2021", "2101.03483"), preset="papers")
    assert list(ArxivDate().check(doc, Context())) == []
    # a list that dates papers otherwise: a late date is its venue's
    doc = Document(_dated_by_arxiv("30th Nov., 2023", "1602.03483"), preset="papers", pins={"arxiv-dating": "other"})
    assert list(ArxivDate().check(doc, Context())) == []


def test_a_date_earlier_than_its_id_that_breaks_the_order_the_id_keeps():
    from awesome_lint.rules.sort_order import SortOrder

    # '5th Oct.' on a November number, placed among November papers: the date is the slip
    doc = Document(_dated_by_arxiv("5th Oct., 2021", "2111.15640"), preset="papers")
    assert [(doc.line_col(d.start)[0] + 1, d.fix) for d in SortOrder().check(doc, Context())] == [(15, None)]
    assert "its arXiv id (Nov 2021) fits its place: the date looks wrong" in next(SortOrder().check(doc, Context())).message
