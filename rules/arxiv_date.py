"""arxiv-date: a paper's date cannot be well before the month in its arXiv id.

A date after it is a venue's later date, or a typo that sort-order reports where it
breaks the section's order; only in a list that dates its papers by their arXiv month
is a date more than a year after the id reported here."""
from __future__ import annotations

import calendar
import datetime
import re

from awesome_lint.model import dates
from awesome_lint.model.identity import entry_arxiv_month
from awesome_lint.model.papers import venue_year
from awesome_lint.rule import WARNING, Rule

# arXiv numbers a paper when it is announced, and the date a list gives is most
# often the day it was submitted: a paper held for moderation (days, sometimes
# weeks) carries a later month's number.  Only a date further back than such a
# hold is a contradiction, unless the link is also another paper's (copied).
_HOLD_DAYS = 42
# A journal's or conference's own date (acceptance, publication) can come a
# little before the preprint is posted; months before it, it is a wrong date or
# a copied link.
_VENUE_LEAD = 2
# Where the list dates its papers by their arXiv month, a date this many months after
# the id is no venue's later date the list would have chosen: the date or the link is wrong.
_LATE_MONTHS = 12
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
        dating = doc.conventions.arxiv_dating
        for entry in doc.entries:
            field = entry.fields.get("date")
            if field is None:
                continue
            parsed = dates.parse(field.text)
            if parsed is None or parsed.key is None:
                continue
            month = entry_arxiv_month(entry)
            if month is None:
                continue
            year, month = month
            since = f"its arXiv id ({dates.SHORT[month - 1]} {year})"
            copied = id(entry) in shared
            if not copied and (self._venue_leads(entry, parsed, year, month) or self._venue_dated(entry, parsed, year)):
                continue
            if (parsed.year, parsed.month) < (year, month) and (copied or self._past_hold(parsed, year, month)):
                yield self.diagnostic(
                    f"date '{field.text}' is earlier than {since}"
                    + ("; its link is also another paper's" if copied else " by more than an arXiv hold explains"),
                    field.start, field.end,
                )
            elif dating.value == "arxiv" and (parsed.year * 12 + parsed.month) - (year * 12 + month) > _LATE_MONTHS:
                # a list that dates its papers by arXiv: years after the id, the date or the link is another paper's
                yield self.diagnostic(
                    f"date '{field.text}' is more than a year after {since} where "
                    f"{dating.standard('papers by the month of their arXiv id', 'dates')}",
                    field.start, field.end,
                )

    @staticmethod
    def _past_hold(parsed, year: int, month: int) -> bool:
        """Whether the date is further before the id's month than a moderation hold
        (a date without a day, "2023-05", counts as the month's last day)."""
        day = parsed.day or calendar.monthrange(parsed.year, parsed.month)[1]
        gap = datetime.date(year, month, 1) - datetime.date(parsed.year, parsed.month, day)
        return gap.days > _HOLD_DAYS

    @staticmethod
    def _venue_leads(entry, parsed, year: int, month: int) -> bool:
        """A published paper's date a month or two before its preprint's number."""
        if not _published(entry):
            return False
        lead = (year * 12 + month) - (parsed.year * 12 + parsed.month)
        return 0 < lead <= _VENUE_LEAD

    @staticmethod
    def _venue_dated(entry, parsed, year: int) -> bool:
        """A paper dated in the year of its venue (a workshop, a conference), which
        came before the year its preprint was posted."""
        if not _published(entry):
            return False
        held = venue_year(entry)
        return held is not None and held == parsed.year < year


def _published(entry) -> bool:
    """Whether the entry names a venue other than a preprint server."""
    venue = entry.fields.get("venue")
    return venue is not None and not _PREPRINT.match(venue.text)
