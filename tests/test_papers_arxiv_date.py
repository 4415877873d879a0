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
