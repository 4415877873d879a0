"""arxiv-date: a paper's date cannot be earlier than the month in its arXiv id."""
from __future__ import annotations

import calendar
import re

from awesome_lint.model import dates
from awesome_lint.rule import WARNING, Rule

_ARXIV_ID = re.compile(r"arxiv\.org/(?:abs|pdf|html)/(?P<yy>\d{2})(?P<mm>\d{2})\.(?P<seq>\d{4,5})", re.I)
# arXiv numbers a paper by when it is announced: one submitted in the last days
# of a month (after the cut-off) gets the next month's number, a low one
# (about 800 a day).  A date one month before such an id is no contradiction.
_EARLY_IN_MONTH = 4000
_LAST_DAYS = 4
# A journal's or conference's own date (acceptance, publication) can come a
# little before the preprint is posted; months before it, it is a wrong date or
# a copied link.
_VENUE_LEAD = 2
_PREPRINT = re.compile(r"^\W*(?:arxiv|preprint|biorxiv|medrxiv|techrxiv|ssrn|openreview)?\W*(?:\d{4})?\W*$", re.I)


class ArxivDate(Rule):
    name = "arxiv-date"
    summary = "A paper's date is not earlier than the month encoded in its arXiv id"
    tags = ("entries", "dates")
    default_severity = WARNING
    families = ("papers",)

    def check(self, doc, ctx):
        # entries sharing their link with another paper: the link, not the date,
        # may be what is wrong, so no allowance for the venue's own date
        shared = {id(e) for pair in doc.conventions.copies if not pair[2] for e in pair[:2]}
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
                before = (year, month - 1) if month > 1 else (year - 1, 12)
                if (parsed.year, parsed.month) == before and len(m["seq"]) == 5 and int(m["seq"]) < _EARLY_IN_MONTH \
                        and (parsed.day is None or parsed.day > calendar.monthrange(*before)[1] - _LAST_DAYS):
                    continue
                if id(entry) not in shared and self._venue_leads(entry, parsed, year, month):
                    break
                if (parsed.year, parsed.month) < (year, month):
                    yield self.diagnostic(
                        f"date '{field.text}' is earlier than its arXiv id ({dates.SHORT[month - 1]} {year})",
                        field.start, field.end,
                    )
                break

    @staticmethod
    def _venue_leads(entry, parsed, year: int, month: int) -> bool:
        """A published paper's date a month or two before its preprint's number."""
        venue = entry.fields.get("venue")
        if venue is None or _PREPRINT.match(venue.text):
            return False
        lead = (year * 12 + month) - (parsed.year * 12 + parsed.month)
        return 0 < lead <= _VENUE_LEAD
