"""arxiv-date: a paper's date cannot be earlier than the month in its arXiv id."""
from __future__ import annotations

import re

from awesome_lint.model import dates
from awesome_lint.rule import WARNING, Rule

_ARXIV_ID = re.compile(r"arxiv\.org/(?:abs|pdf|html)/(?P<yy>\d{2})(?P<mm>\d{2})\.\d{4,5}", re.I)


class ArxivDate(Rule):
    name = "arxiv-date"
    summary = "A paper's date is not earlier than the month encoded in its arXiv id"
    tags = ("entries", "dates")
    default_severity = WARNING
    families = ("papers",)

    def check(self, doc, ctx):
        for entry in doc.entries:
            field = entry.fields.get("date")
            if field is None:
                continue
            parsed = dates.parse(field.text)
            if parsed is None or parsed.key is None:
                continue
            for link in entry.links:
                m = _ARXIV_ID.search(link.url)
                if not m or not 1 <= int(m["mm"]) <= 12:
                    continue
                year, month = 2000 + int(m["yy"]), int(m["mm"])
                if (parsed.year, parsed.month) < (year, month):
                    yield self.diagnostic(
                        f"date '{field.text}' is earlier than its arXiv id ({dates.SHORT[month - 1]} {year})",
                        field.start, field.end,
                    )
                break
