"""date-format: entry dates are written in one style, and are real dates."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from awesome_lint.model import dates
from awesome_lint.model.papers import venue_year
from awesome_lint.rule import UNSAFE, Fix, Rule, option


class DateFormat(Rule):
    name = "date-format"
    summary = "Paper dates are valid and written like [7th Oct., 2022] (or the list's chosen style)"
    tags = ("entries", "dates")
    fixable = True
    families = ("papers",)

    @dataclass
    class Options:
        # "auto" (the style most dates of the list use), "ordinal" ([7th Oct., 2022]),
        # "month-day" ([Oct. 7, 2022]), "iso" ([2022-10-07]), "day-month" (7 Oct 2022)
        style: str = option("auto", choices=("auto", *dates.STYLES))

    def check(self, doc, ctx):
        found = []
        for entry in doc.entries:
            field = entry.fields.get("date")
            if field is None:
                continue
            parsed = dates.parse(field.text)
            if parsed is not None:
                found.append((entry, field, parsed))
        style = self.options.style
        if style not in dates.STYLES:
            style = chosen_style(p for _, _, p in found)
        for entry, field, parsed in found:
            if not parsed.complete or not parsed.valid:
                yield self._incomplete(entry, field, parsed, style)
                continue
            wanted = dates.format_date(parsed, style)
            if wanted == field.text:
                continue
            why = dates.describe(field.text, parsed, style)
            yield self.diagnostic(
                f"date '{field.text}' should be '{wanted}' ({why})", field.start, field.end,
                Fix.replace(field.start, field.end, wanted, f"write the date as '{wanted}'"),
            )

    def _incomplete(self, entry, field, parsed, style):
        if parsed.complete:
            return self.diagnostic(f"date '{field.text}' does not exist", field.start, field.end)
        if parsed.year is None and parsed.day is not None:
            year = venue_year(entry)
            fix = None
            if year is not None:
                guess = dates.ParsedDate(parsed.day, parsed.month, year)
                if guess.valid:
                    wanted = dates.format_date(guess, style)
                    fix = Fix.replace(field.start, field.end, wanted,
                                      f"take the year from the venue: '{wanted}'", UNSAFE)
            return self.diagnostic(f"date '{field.text}' has no year", field.start, field.end, fix)
        return self.diagnostic(f"date '{field.text}' has no day", field.start, field.end)


def chosen_style(parsed) -> str:
    """The style most dates are already written in; the canonical one on a tie."""
    votes = Counter(p.style for p in parsed if p.style)
    if not votes:
        return "ordinal"
    ranked = votes.most_common()
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return "ordinal"
    return ranked[0][0]
