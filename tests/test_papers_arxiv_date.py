from __future__ import annotations

from helpers import paper_entry

from awesome_lint.model.document import Document
from awesome_lint.rule import Context
from awesome_lint.rules.arxiv_date import ArxivDate


def entry(date, url):
    return paper_entry(f"T {url[-5:]}", url, date, venue="arXiv, 2024")


def test_date_before_the_arxiv_month_is_a_warning():
    text = "## A\n\n" + "\n".join([
        entry("30th Sep., 2024", "https://arxiv.org/abs/2410.23834"),  # earlier: reported
        entry("1st Oct., 2024", "https://arxiv.org/pdf/2410.23835v2"),  # same month: fine
        entry("3rd Jan., 2025", "https://arxiv.org/abs/2410.23836"),  # later (conference): fine
        entry("3rd Jan., 2020", "https://example.com/2410.23837"),  # not arXiv
    ])
    doc = Document(text, preset="papers")
    diags = list(ArxivDate().check(doc, Context()))
    assert [(doc.line_col(d.start)[0] + 1, d.message, d.severity) for d in diags] == [
        (5, "date '30th Sep., 2024' is earlier than its arXiv id (Oct 2024)", "warning"),
    ]
